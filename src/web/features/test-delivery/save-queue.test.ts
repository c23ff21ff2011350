import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { retryDelayMs } from "./backoff";
import { memoryStore } from "./local-store";
import { SaveQueue, type QueueEntry } from "./save-queue";
import { classifySaveError } from "./save-failures";
import { saveState } from "./save-status";

const KEY = "q";
const save = (itemId: string, seq: number, value = "A"): QueueEntry => ({ kind: "response", itemId, response: { R: value }, seq });
const apiError = (status: number, code: string, details?: unknown) => Object.assign(new Error(code), { status, code, details });

/** A manual clock for timers: run() fires what is due. */
function fakeTimers() {
  let now = 0;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  return {
    setTimer: (fn: () => void, ms: number) => {
      const id = next++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (id: unknown) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    advance(ms: number) {
      now += ms;
      for (const t of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(t), 1);
        t.fn();
      }
    },
    pending: () => timers.length,
    delays: () => timers.map((t) => t.at - now),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

function setup(send: (e: QueueEntry) => Promise<void>, store = memoryStore()) {
  const timers = fakeTimers();
  const queue = new SaveQueue({ store, storageKey: KEY, send, setTimer: timers.setTimer, clearTimer: timers.clearTimer, random: () => 0.5, now: () => 1000 });
  return { queue, timers, store };
}

describe("SaveQueue", () => {
  it("sends in order and empties storage once each save is acknowledged", async () => {
    const sent: string[] = [];
    const { queue, store } = setup(async (e) => void sent.push(e.kind === "response" ? e.itemId : "flags"));
    queue.enqueue(save("i1", 1));
    queue.enqueue(save("i2", 2));
    queue.enqueue({ kind: "flags", itemIds: ["i1"] });
    await settle();
    expect(sent).toEqual(["i1", "i2", "flags"]);
    expect(JSON.parse(store.getItem(KEY)!)).toEqual([]);
    expect(queue.snapshot()).toMatchObject({ pending: 0, offline: false, blocked: null });
  });

  it("keeps only the latest pending save of an item, but never the one in flight", async () => {
    const sent: number[] = [];
    let release: () => void = () => {};
    const { queue } = setup((e) => {
      if (e.kind === "response") sent.push(e.seq);
      return e.kind === "response" && e.seq === 1 ? new Promise<void>((r) => (release = r)) : Promise.resolve();
    });
    queue.enqueue(save("i1", 1));
    queue.enqueue(save("i1", 2));
    queue.enqueue(save("i1", 3));
    expect(queue.pendingEntries().map((e) => (e.kind === "response" ? e.seq : 0))).toEqual([1, 3]);
    release();
    await settle();
    expect(sent).toEqual([1, 3]);
  });

  it("survives a reload: a new queue on the same storage resends what was left", async () => {
    const store = memoryStore();
    const offline = setup(() => Promise.reject(apiError(0, "NETWORK_ERROR")), store);
    offline.queue.enqueue(save("i1", 5, "B"));
    await settle();
    expect(offline.queue.snapshot().offline).toBe(true);
    offline.queue.stop();

    const sent: QueueEntry[] = [];
    const online = setup(async (e) => void sent.push(e), store);
    expect(online.queue.pendingEntries()).toHaveLength(1);
    online.queue.retryNow();
    await settle();
    expect(sent).toEqual([save("i1", 5, "B")]);
    // Sent now, but still known as restored: the screen merges it over a server copy read meanwhile.
    expect(online.queue.pendingEntries()).toEqual([]);
    expect(online.queue.restoredEntries()).toEqual([save("i1", 5, "B")]);
  });

  it("retries network errors with growing delays and recovers", async () => {
    let failures = 3;
    const { queue, timers } = setup(() => (failures-- > 0 ? Promise.reject(apiError(0, "NETWORK_ERROR")) : Promise.resolve()));
    queue.enqueue(save("i1", 1));
    await settle();
    expect(queue.snapshot().offline).toBe(true);
    expect(timers.delays()).toEqual([375]);
    timers.advance(375);
    await settle();
    expect(timers.delays()).toEqual([750]);
    timers.advance(750);
    await settle();
    expect(timers.delays()).toEqual([1500]);
    timers.advance(1500);
    await settle();
    expect(queue.snapshot()).toMatchObject({ pending: 0, offline: false });
  });

  it("does not skip the backoff for new answers, but retries at once when told the connection is back", async () => {
    let up = false;
    const { queue, timers } = setup(() => (up ? Promise.resolve() : Promise.reject(apiError(503, "HTTP_503"))));
    queue.enqueue(save("i1", 1));
    await settle();
    queue.enqueue(save("i2", 2));
    await settle();
    expect(queue.snapshot().pending).toBe(2);
    up = true;
    queue.retryNow();
    await settle();
    expect(queue.snapshot().pending).toBe(0);
    expect(timers.pending()).toBe(0);
  });

  it("treats 503 DATABASE_UNAVAILABLE as offline: keeps the answer, shows offline (not an error), retries until it is saved", async () => {
    // The server's answer while its database is down or restarting, as the API client raises it.
    const unavailable = () => new ApiError(503, "DATABASE_UNAVAILABLE", "The database is unavailable at the moment. Try again shortly.", { retryAfterSeconds: 5 });
    let outage = 2;
    const sent: number[] = [];
    const store = memoryStore();
    const { queue, timers } = setup((e) => {
      if (outage-- > 0) return Promise.reject(unavailable());
      if (e.kind === "response") sent.push(e.seq);
      return Promise.resolve();
    }, store);
    queue.enqueue(save("i1", 1, "A"));
    queue.enqueue(save("i1", 2, "B"));
    await settle();
    expect(queue.snapshot()).toMatchObject({ pending: 2, offline: true, blocked: null });
    expect(saveState(queue.snapshot(), false, true)).toBe("offline");
    // Kept on this computer while the server cannot save it.
    expect(JSON.parse(store.getItem(KEY)!)).toHaveLength(2);
    timers.advance(timers.delays()[0]!);
    await settle();
    expect(queue.snapshot()).toMatchObject({ pending: 2, offline: true, blocked: null });
    timers.advance(timers.delays()[0]!);
    await settle();
    expect(sent).toEqual([1, 2]);
    expect(queue.snapshot()).toMatchObject({ pending: 0, offline: false, blocked: null });
    expect(saveState(queue.snapshot(), false, true)).toBe("saved");
  });

  it("blocks on a pause, keeps the answers, and sends them after resume()", async () => {
    let paused = true;
    const { queue } = setup(() => (paused ? Promise.reject(apiError(409, "ATTEMPT_PAUSED", { reason: "break" })) : Promise.resolve()));
    queue.enqueue(save("i1", 1));
    await settle();
    expect(queue.snapshot().blocked).toEqual({ kind: "paused", reason: "break", at: 1000 });
    expect(queue.snapshot().pending).toBe(1);
    paused = false;
    queue.resume();
    await settle();
    expect(queue.snapshot()).toMatchObject({ pending: 0, blocked: null });
  });

  it("drops everything when the attempt is closed, and drops a save that can never succeed", async () => {
    const closed = setup(() => Promise.reject(apiError(409, "ATTEMPT_CLOSED")));
    closed.queue.enqueue(save("i1", 1));
    closed.queue.enqueue(save("i2", 2));
    await settle();
    expect(closed.queue.snapshot()).toMatchObject({ pending: 0, blocked: { kind: "closed" } });

    const sent: string[] = [];
    const bad = setup((e) => (e.kind === "response" && e.itemId === "bad" ? Promise.reject(apiError(400, "VALIDATION")) : Promise.resolve(void sent.push("ok"))));
    bad.queue.enqueue(save("bad", 1));
    bad.queue.enqueue(save("good", 2));
    await settle();
    expect(sent).toEqual(["ok"]);
  });

  it("drain() resolves true when all is saved and false when offline", async () => {
    const ok = setup(() => Promise.resolve());
    ok.queue.enqueue(save("i1", 1));
    await expect(ok.queue.drain()).resolves.toBe(true);

    const down = setup(() => Promise.reject(apiError(0, "NETWORK_ERROR")));
    down.queue.enqueue(save("i1", 1));
    await settle();
    await expect(down.queue.drain()).resolves.toBe(false);
  });
});

describe("classifySaveError and retryDelayMs", () => {
  it("sorts failures", () => {
    expect(classifySaveError(apiError(0, "NETWORK_ERROR"))).toEqual({ action: "retry" });
    expect(classifySaveError(apiError(502, "HTTP_502"))).toEqual({ action: "retry" });
    expect(classifySaveError(new ApiError(503, "DATABASE_UNAVAILABLE", "The database is unavailable at the moment.", { retryAfterSeconds: 5 }))).toEqual({ action: "retry" });
    expect(classifySaveError(apiError(409, "DEVICE_NOT_ADMITTED"))).toMatchObject({ action: "block", kind: "device" });
    expect(classifySaveError(apiError(401, "UNAUTHENTICATED"))).toMatchObject({ action: "block", kind: "signed_out" });
    expect(classifySaveError(apiError(413, "PAYLOAD_TOO_LARGE"))).toEqual({ action: "drop" });
  });

  it("backs off from 0.5 s to a cap of 8 s with jitter", () => {
    expect(retryDelayMs(1, () => 1)).toBe(500);
    expect(retryDelayMs(1, () => 0)).toBe(250);
    expect(retryDelayMs(5, () => 1)).toBe(8000);
    expect(retryDelayMs(12, () => 1)).toBe(8000);
  });
});
