// The id of this computer for device binding: the attempt belongs to the computer that started it,
// and moving to another needs the proctor to re-admit it (see docs/DELIVERY.md). Created once and
// kept in localStorage, so a reload or a new tab on the same computer is the same device.
import { localStore, storageKeys } from "./local-store";

function randomId(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // Older browsers, or a page not served over HTTPS/localhost: still random enough to tell computers apart.
  // Formatted as a version-4 UUID, like randomUUID's.
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

let cached: string | null = null;

export function deviceId(): string {
  if (cached) return cached;
  const store = localStore();
  cached = store.getItem(storageKeys.deviceId);
  if (!cached) {
    cached = randomId();
    store.setItem(storageKeys.deviceId, cached);
  }
  return cached;
}
