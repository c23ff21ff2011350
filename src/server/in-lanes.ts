// Work on many items, several at a time, where items with the same key must still run one after
// the other in the order given (a recipient's emails: "registered" before "cancelled").

/**
 * Runs `work` on every item: up to `atOnce` keys at a time, each key's items in their order. Resolves
 * when all are done; `work` handles its own failures (a rejection stops that lane and is rethrown).
 */
export async function inLanes<T>(items: readonly T[], keyOf: (item: T) => string, atOnce: number, work: (item: T) => Promise<void>): Promise<void> {
  const lanes = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const lane = lanes.get(key)
    if (lane) lane.push(item)
    else lanes.set(key, [item])
  }
  const waiting = [...lanes.values()]
  const runLanes = async () => {
    for (let lane = waiting.shift(); lane; lane = waiting.shift()) {
      for (const item of lane) await work(item)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(atOnce, waiting.length)) }, runLanes))
}
