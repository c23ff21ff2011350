import { describe, expect, it } from 'vitest'
import { candidateItem } from './candidate-item.js'
import { assembleForm, overlapWith, ShortPoolError, type PoolItem } from './form-assembly.js'
import type { ItemPresentation } from './presentation.js'

const pool: PoolItem[] = ['A', 'B', 'C'].flatMap((skill) =>
  Array.from({ length: 12 }, (_, i) => ({ id: `${skill}-${String(i).padStart(2, '0')}`, version: 1, skill, exposure: 0 })),
)
const blueprint = { A: 8, B: 8, C: 8 }

describe('blueprint form assembly', () => {
  it('draws the blueprint count for every skill, without repeats', () => {
    const form = assembleForm(blueprint, pool, 42)
    expect(form).toHaveLength(24)
    expect(new Set(form.map((f) => f.itemId)).size).toBe(24)
    for (const skill of ['A', 'B', 'C']) expect(form.filter((f) => f.skill === skill)).toHaveLength(8)
  })

  it('rebuilds the exact form from the same seed and pool, whatever order the pool comes in', () => {
    const a = assembleForm(blueprint, pool, 7)
    const b = assembleForm(blueprint, [...pool].reverse(), 7)
    expect(b).toEqual(a)
    expect(assembleForm(blueprint, pool, 8)).not.toEqual(a)
  })

  it('prefers the least-exposed items', () => {
    const used = pool.map((p) => ({ ...p, exposure: p.id.endsWith('00') || p.id.endsWith('01') ? 0 : 5 }))
    const small = { A: 2, B: 2, C: 2 }
    const form = assembleForm(small, used, 3)
    expect(form.map((f) => f.itemId).sort()).toEqual(['A-00', 'A-01', 'B-00', 'B-01', 'C-00', 'C-01'])
  })

  it('balances exposure over many forms when exposure is counted', () => {
    const counted = pool.map((p) => ({ ...p }))
    for (let seed = 1; seed <= 30; seed++) {
      for (const f of assembleForm(blueprint, counted, seed)) counted.find((p) => p.id === f.itemId)!.exposure++
    }
    const exposures = counted.map((p) => p.exposure)
    expect(Math.max(...exposures) - Math.min(...exposures)).toBeLessThanOrEqual(1)
  })

  it('refuses a blueprint the pool cannot fill, naming the skill', () => {
    expect(() => assembleForm({ A: 13 }, pool, 1)).toThrow(ShortPoolError)
    expect(() => assembleForm({ D: 1 }, pool, 1)).toThrow(/skill D/)
  })
})

describe('option shuffling', () => {
  const presentation: ItemPresentation = {
    lang: 'en',
    spoken: {},
    body: [{ tag: 'p', children: ['Stem'] }, {
      interaction: {
        kind: 'choice', responseId: 'RESPONSE', shuffle: true, maxChoices: 1, minChoices: 0, prompt: [],
        choices: [{ id: 'A', content: ['a'] }, { id: 'B', content: ['b'] }, { id: 'C', content: ['c'] }, { id: 'D', content: ['None of these'], fixed: true }],
      },
    }],
  }
  const ids = (seed: number) => {
    const node = candidateItem('x', 'single_choice', presentation, seed).presentation.body[1] as { interaction: { choices: { id: string }[] } }
    return node.interaction.choices.map((c) => c.id)
  }
  it('is repeatable for a seed and keeps fixed options in place', () => {
    expect(ids(5)).toEqual(ids(5))
    for (let s = 0; s < 20; s++) expect(ids(s)[3]).toBe('D')
    const orders = new Set(Array.from({ length: 20 }, (_, s) => ids(s).join('')))
    expect(orders.size).toBeGreaterThan(1)
  })
})

describe('a retake form avoids the items the candidate saw', () => {
  const ids = (form: { itemId: string }[]) => form.map((f) => f.itemId)

  it('draws exactly the same form as before when nothing is avoided', () => {
    for (let seed = 0; seed < 25; seed++) {
      expect(assembleForm(blueprint, pool, seed, new Set())).toEqual(assembleForm(blueprint, pool, seed))
      expect(assembleForm(blueprint, pool, seed, new Set(['not-in-the-pool']))).toEqual(assembleForm(blueprint, pool, seed))
    }
  })

  it('has no overlap when the pool has enough unseen items in every skill', () => {
    const first = assembleForm({ A: 4, B: 4, C: 4 }, pool, 11)
    const seen = new Set(ids(first))
    for (let seed = 0; seed < 10; seed++) {
      const retake = assembleForm({ A: 4, B: 4, C: 4 }, pool, seed, seen)
      expect(overlapWith(retake, seen)).toBe(0)
      expect(retake).toHaveLength(12)
    }
  })

  it('takes every unseen item first and only as many seen ones as the blueprint still needs, per skill', () => {
    // 12 items a skill, 8 a form: a second form must repeat 4 a skill, and no more.
    const seen = new Set(ids(assembleForm(blueprint, pool, 5)))
    const retake = assembleForm(blueprint, pool, 6, seen)
    expect(overlapWith(retake, seen)).toBe(12)
    for (const skill of ['A', 'B', 'C']) {
      const drawn = retake.filter((f) => f.skill === skill)
      expect(drawn).toHaveLength(8)
      expect(drawn.filter((f) => seen.has(f.itemId))).toHaveLength(4)
      const unseen = pool.filter((p) => p.skill === skill && !seen.has(p.id)).map((p) => p.id)
      expect(ids(drawn)).toEqual(expect.arrayContaining(unseen))
    }
  })

  it('minimises the overlap skill by skill when some skills have enough unseen items and others not', () => {
    const seen = new Set(['A-00', 'A-01', 'A-02', 'A-03', 'A-04', 'A-05', 'A-06', 'A-07', 'A-08', 'A-09', 'B-00'])
    const retake = assembleForm({ A: 4, B: 4, C: 4 }, pool, 3, seen)
    expect(retake.filter((f) => f.skill === 'A' && seen.has(f.itemId))).toHaveLength(2)
    expect(retake.filter((f) => f.skill === 'B' && seen.has(f.itemId))).toHaveLength(0)
    expect(overlapWith(retake, seen)).toBe(2)
  })

  it('chooses among the seen items it must repeat by exposure, then by the seed', () => {
    const seen = new Set(pool.filter((p) => p.skill === 'A').map((p) => p.id))
    const used = pool.map((p) => ({ ...p, exposure: p.id === 'A-05' || p.id === 'A-09' ? 0 : 3 }))
    const form = assembleForm({ A: 2 }, used, 9, seen)
    expect(ids(form).sort()).toEqual(['A-05', 'A-09'])
  })

  it('is deterministic for the same inputs, whatever order the seen set and the pool come in', () => {
    const seenList = ['A-03', 'B-07', 'C-11', 'A-10', 'B-01', 'C-02']
    const a = assembleForm(blueprint, pool, 21, new Set(seenList))
    const b = assembleForm(blueprint, [...pool].reverse(), 21, new Set([...seenList].reverse()))
    expect(b).toEqual(a)
    expect(overlapWith(a, new Set(seenList))).toBe(0)
  })
})
