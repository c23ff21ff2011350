// The save queue: every response change (and the flag set) goes here first, is written to
// localStorage at once, and is then sent to the server in order, one request at a time.
// - Coalescing: a newer save of the same item replaces a pending one (only the latest matters; its
//   seq is higher anyway). One that is already in flight is left alone and the newer one follows it.
// - Failures that may pass (offline, 5xx, a 503 DATABASE_UNAVAILABLE while the server's database
//   restarts) are retried with exponential backoff and show as offline, not as an error; the
//   `online` event calls retryNow(). Saves that can never succeed are dropped. A pause, a device change, a closed
//   attempt or a sign-out blocks the queue until resume(); a closed attempt also empties it.
// Pure TypeScript: storage, the sender, the timers and the randomness are injected.
import { retryDelayMs } from "./backoff";
import type { KeyValueStore } from "./local-store";
import { readJson, writeJson } from "./local-store";
import { classifySaveError, type BlockKind, type SaveVerdict } from "./save-failures";

export type QueueEntry =
  | { kind: "response"; itemId: string; response: Record<string, unknown>; seq: number }
  | { kind: "flags"; itemIds: string[] };

export interface QueueSnapshot {
  pending: number;
  sending: boolean;
  /** A save failed for a reason that may pass; it is retried with backoff. */
  offline: boolean;
  blocked: { kind: BlockKind; reason: string | null; at: number } | null;
}

export interface SaveQueueOptions {
  store: KeyValueStore;
  storageKey: string;
  send: (entry: QueueEntry) => Promise<void>;
  classify?: (error: unknown) => SaveVerdict;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  random?: () => number;
  now?: () => number;
}

export const entryKey = (e: QueueEntry) => (e.kind === "response" ? `r:${e.itemId}` : "flags");

export class SaveQueue {
  private entries: QueueEntry[];
  private readonly restored: readonly QueueEntry[];
  private inFlight: QueueEntry | null = null;
  private running = false;
  private failures = 0;
  private retryHandle: unknown = null;
  private blocked: QueueSnapshot["blocked"] = null;
  private current: QueueSnapshot | null = null;
  private listeners = new Set<(s: QueueSnapshot) => void>();
  private waiters: ((ok: boolean) => void)[] = [];
  private readonly o: Required<SaveQueueOptions>;

  constructor(options: SaveQueueOptions) {
    this.o = {
      classify: classifySaveError,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      random: Math.random,
      now: Date.now,
      ...options,
    };
    const stored = readJson<unknown>(options.store, options.storageKey, []);
    this.entries = Array.isArray(stored) ? (stored as QueueEntry[]) : [];
    this.restored = [...this.entries];
  }

  /**
   * What a previous visit left unsent, as found on load. The screen lays these over the server's
   * answers; it must not read the live queue for that, since some may already be sent by the time
   * the attempt arrives, and the attempt may have been read before they landed.
   */
  restoredEntries(): readonly QueueEntry[] {
    return this.restored;
  }

  /** What is waiting now. */
  pendingEntries(): readonly QueueEntry[] {
    return this.entries;
  }

  /** The same object until something changes (React's useSyncExternalStore relies on that). */
  snapshot(): QueueSnapshot {
    const next: QueueSnapshot = { pending: this.entries.length, sending: this.running, offline: this.failures > 0, blocked: this.blocked };
    const c = this.current;
    if (!c || c.pending !== next.pending || c.sending !== next.sending || c.offline !== next.offline || c.blocked !== next.blocked) this.current = next;
    return this.current!;
  }

  subscribe(listener: (s: QueueSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  enqueue(entry: QueueEntry): void {
    const key = entryKey(entry);
    this.entries = this.entries.filter((e) => e === this.inFlight || entryKey(e) !== key);
    this.entries.push(entry);
    this.persist();
    this.emit();
    // While waiting out a backoff, a new answer waits too (it is safe in localStorage already).
    if (this.retryHandle === null) void this.pump();
  }

  /** Try now (the connection came back, or the screen is about to submit). */
  retryNow(): void {
    this.cancelRetry();
    void this.pump();
  }

  /** The server accepts saves again (the pause ended, the device was re-admitted). */
  resume(): void {
    if (!this.blocked) return;
    this.blocked = null;
    this.emit();
    this.retryNow();
  }

  /** Resolves true once everything is saved, false if the queue goes offline or is blocked first. */
  drain(): Promise<boolean> {
    if (this.entries.length === 0 && !this.running) return Promise.resolve(true);
    if (this.blocked) return Promise.resolve(false);
    const done = new Promise<boolean>((resolve) => this.waiters.push(resolve));
    this.retryNow();
    return done;
  }

  /** Stop the retry timer (the screen unmounts); the entries stay in storage for the next load. */
  stop(): void {
    this.cancelRetry();
  }

  private async pump(): Promise<void> {
    if (this.running || this.blocked) return;
    this.running = true;
    this.emit();
    while (!this.blocked) {
      const head = this.entries[0];
      if (!head) break;
      this.inFlight = head;
      let verdict: SaveVerdict | null = null;
      try {
        await this.o.send(head);
      } catch (error) {
        verdict = this.o.classify(error);
      }
      this.inFlight = null;
      if (!verdict || verdict.action === "drop") {
        if (!verdict) this.failures = 0;
        this.entries = this.entries.filter((e) => e !== head);
        this.persist();
        this.emit();
        continue;
      }
      if (verdict.action === "retry") {
        this.failures += 1;
        this.scheduleRetry();
      } else {
        this.blocked = { kind: verdict.kind, reason: verdict.reason, at: this.o.now() };
        // A closed attempt accepts nothing more: keeping its answers would only resend them forever.
        if (verdict.kind === "closed") this.entries = [];
        this.persist();
      }
      break;
    }
    this.running = false;
    this.emit();
    this.settleWaiters();
  }

  private settleWaiters(): void {
    const ok = this.entries.length === 0;
    if (!ok && !this.blocked && this.failures === 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve(ok);
  }

  private scheduleRetry(): void {
    this.cancelRetry();
    this.retryHandle = this.o.setTimer(() => {
      this.retryHandle = null;
      void this.pump();
    }, retryDelayMs(this.failures, this.o.random));
  }

  private cancelRetry(): void {
    if (this.retryHandle !== null) this.o.clearTimer(this.retryHandle);
    this.retryHandle = null;
  }

  private persist(): void {
    writeJson(this.o.store, this.o.storageKey, this.entries);
  }

  private emit(): void {
    const snapshot = this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
  }
}
