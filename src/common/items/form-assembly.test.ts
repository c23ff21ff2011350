import { describe, expect, it } from 'vitest'
import { candidateItem } from './candidate-item.js'
import { assembleForm, ShortPoolError, type PoolItem } from './form-assembly.js'
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
