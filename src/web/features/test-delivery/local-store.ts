// Small, failure-tolerant access to localStorage / sessionStorage. A full disk, a private window or a
// locked-down kiosk profile must never stop the test: on failure we fall back to memory and carry on.

/** The subset of the Web Storage API we use (a Map-backed fake satisfies it in unit tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

function browserStore(kind: "localStorage" | "sessionStorage"): KeyValueStore {
  const fallback = memoryStore();
  const real = (): Storage | null => {
    try {
      return typeof window === "undefined" ? null : window[kind];
    } catch {
      return null;
    }
  };
  return {
    getItem(key) {
      try {
        return real()?.getItem(key) ?? fallback.getItem(key);
      } catch {
        return fallback.getItem(key);
      }
    },
    setItem(key, value) {
      try {
        const store = real();
        if (store) store.setItem(key, value);
        else fallback.setItem(key, value);
      } catch {
        fallback.setItem(key, value);
      }
    },
    removeItem(key) {
      fallback.removeItem(key);
      try {
        real()?.removeItem(key);
      } catch {
        // Nothing to undo: the memory copy is gone already.
      }
    },
  };
}

export const localStore = (): KeyValueStore => browserStore("localStorage");
export const sessionStore = (): KeyValueStore => browserStore("sessionStorage");

export function readJson<T>(store: KeyValueStore, key: string, fallback: T): T {
  const text = store.getItem(key);
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function writeJson(store: KeyValueStore, key: string, value: unknown): void {
  store.setItem(key, JSON.stringify(value));
}

/** Every key the test screen keeps, in one place, so they are easy to find and clear. */
export const storageKeys = {
  deviceId: "mt1-device-id",
  display: "mt1-display",
  saveQueue: (attemptId: string) => `mt1-save-queue:${attemptId}`,
  lastSeq: (attemptId: string) => `mt1-seq:${attemptId}`,
  position: (attemptId: string) => `mt1-position:${attemptId}`,
};
