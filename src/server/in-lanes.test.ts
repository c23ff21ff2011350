import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { inLanes } from './in-lanes.js'

describe('inLanes', () => {
  it('runs every item once, each key in its order, and never more than atOnce at a time', async () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ key: `k${i % 6}`, n: i }))
    const done: { key: string; n: number }[] = []
    let running = 0
    let most = 0
    await inLanes(items, (i) => i.key, 3, async (item) => {
      running++
      most = Math.max(most, running)
      await sleep((item.n * 7) % 5)
      done.push(item)
      running--
    })
    expect(done).toHaveLength(40)
    expect(most).toBe(3)
    for (let k = 0; k < 6; k++) {
      const order = done.filter((d) => d.key === `k${k}`).map((d) => d.n)
      expect(order).toEqual([...order].sort((a, b) => a - b))
    }
  })

  it('overlaps different keys (a slow one does not hold up the rest)', async () => {
    const finished: string[] = []
    await inLanes(['slow', 'a', 'b'], (k) => k, 2, async (k) => {
      await sleep(k === 'slow' ? 60 : 1)
      finished.push(k)
    })
    expect(finished).toEqual(['a', 'b', 'slow'])
  })

  it('does nothing for no items, and rethrows a failure', async () => {
    await expect(inLanes([], String, 4, async () => { throw new Error('never') })).resolves.toBeUndefined()
    await expect(inLanes([1, 2], String, 4, async (n) => { if (n === 2) throw new Error('two failed') })).rejects.toThrow('two failed')
  })
})
