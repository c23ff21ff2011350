// Group commit for response saves. Saves that arrive while a commit is under way wait and go
// together in the next transaction, so a durable commit (an fsync on SQLite, a WAL flush on
// PostgreSQL) is shared by every save in it, and each save is still answered only after the commit
// that holds it. A lone save starts at once: batching adds no wait when the server is quiet.

export interface PendingSave {
  attemptId: string
  itemId: string
  response: string
  seq: number
}

export type SaveOutcome =
  | { kind: 'saved'; applied: boolean; seq: number; savedAt: string }
  | { kind: 'closed' }
  | { kind: 'paused'; reason: string | null }

type Waiting = PendingSave & { resolve: (o: SaveOutcome) => void; reject: (e: unknown) => void }

export class SaveBatcher {
  private queue: Waiting[] = []
  private running = 0

  /**
   * @param commit writes one batch in one transaction and returns an outcome per save, in order
   * @param concurrency transactions in flight at once (1 for SQLite's single writer)
   */
  constructor(
    private readonly commit: (batch: readonly PendingSave[]) => Promise<SaveOutcome[]>,
    private readonly concurrency = 1,
    private readonly maxBatch = 500,
  ) {}

  save(save: PendingSave): Promise<SaveOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...save, resolve, reject })
      this.pump()
    })
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      // Sorted by key (a stable sort keeps one item's saves in arrival order), so concurrent
      // transactions take row locks in the same order and cannot deadlock.
      const batch = this.queue.splice(0, this.maxBatch).sort((a, b) => (a.attemptId + a.itemId < b.attemptId + b.itemId ? -1 : a.attemptId + a.itemId > b.attemptId + b.itemId ? 1 : 0))
      this.running++
      this.commit(batch).then(
        (outcomes) => batch.forEach((s, i) => s.resolve(outcomes[i]!)),
        (err: unknown) => batch.forEach((s) => s.reject(err)),
      ).finally(() => {
        this.running--
        this.pump()
      })
    }
  }
}
