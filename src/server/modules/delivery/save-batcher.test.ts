import { describe, expect, it } from 'vitest'
import { SaveBatcher, type PendingSave, type SaveOutcome } from './save-batcher.js'

const save = (itemId: string, seq: number): PendingSave => ({ attemptId: 'a', itemId, response: '"x"', seq })
const ok = (batch: readonly PendingSave[]): SaveOutcome[] => batch.map((s) => ({ kind: 'saved', applied: true, seq: s.seq, savedAt: 'now' }))

describe('SaveBatcher', () => {
  it('starts a lone save at once and groups the saves that arrive during a commit', async () => {
    const batches: string[][] = []
    let release!: () => void
    const gate = new Promise<void>((r) => { release = r })
    const batcher = new SaveBatcher(async (batch) => {
      batches.push(batch.map((s) => `${s.itemId}:${s.seq}`))
      if (batches.length === 1) await gate
      return ok(batch)
    })
    const first = batcher.save(save('i1', 1))
    const later = [batcher.save(save('i2', 1)), batcher.save(save('i1', 2)), batcher.save(save('i0', 1))]
    release()
    await Promise.all([first, ...later])
    expect(batches).toEqual([['i1:1'], ['i0:1', 'i1:2', 'i2:1']])
  })

  it('keeps one item\'s saves in arrival order inside a batch', async () => {
    const seen: number[] = []
    let release!: () => void
    const gate = new Promise<void>((r) => { release = r })
    let n = 0
    const batcher = new SaveBatcher(async (batch) => {
      if (n++ === 0) await gate
      else seen.push(...batch.map((s) => s.seq))
      return ok(batch)
    })
    const all = [batcher.save(save('x', 0)), ...[5, 3, 9, 1].map((seq) => batcher.save(save('i', seq)))]
    release()
    await Promise.all(all)
    expect(seen).toEqual([5, 3, 9, 1])
  })

  it('fails every save of a batch whose commit failed, and goes on with the next', async () => {
    let calls = 0
    const batcher = new SaveBatcher(async (batch) => {
      if (calls++ === 0) throw new Error('disk full')
      return ok(batch)
    })
    await expect(batcher.save(save('i', 1))).rejects.toThrow('disk full')
    await expect(batcher.save(save('i', 2))).resolves.toMatchObject({ kind: 'saved', seq: 2 })
  })
})
