// Blueprint form assembly: for each skill draw the blueprint's count of items from the active pool,
// preferring items the candidate has not seen, then the least-exposed items (ties broken by the seed),
// then order the form by the seed. Pure and deterministic: the same inputs give the same form.
import { hash32, seededRandom, shuffleInPlace } from './seeded-random.js'

export interface PoolItem {
  id: string
  version: number
  skill: string
  /** How many forms have used the item so far. */
  exposure: number
}

export interface FormItem {
  itemId: string
  version: number
  skill: string
}

export class ShortPoolError extends Error {
  constructor(readonly skill: string, readonly have: number, readonly need: number) {
    super(`The active pool has ${have} items for skill ${skill}; the blueprint needs ${need}.`)
    this.name = 'ShortPoolError'
  }
}

/**
 * `avoid` holds items the candidate has already seen (a retake): per skill they are drawn only when
 * the unseen items cannot fill the blueprint, so the overlap is the least the pool allows. Avoiding
 * nothing draws exactly the form the same seed always drew.
 */
export function assembleForm(blueprint: Readonly<Record<string, number>>, pool: readonly PoolItem[], seed: number, avoid: ReadonlySet<string> = new Set()): FormItem[] {
  const random = seededRandom(seed)
  const bySkill = new Map<string, PoolItem[]>()
  for (const item of pool) {
    const list = bySkill.get(item.skill)
    if (list) list.push(item)
    else bySkill.set(item.skill, [item])
  }
  const chosen: FormItem[] = []
  for (const skill of Object.keys(blueprint).sort()) {
    const need = blueprint[skill]!
    const candidates = [...(bySkill.get(skill) ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    if (candidates.length < need) throw new ShortPoolError(skill, candidates.length, need)
    const keyed = candidates.map((item) => ({ item, tie: random() }))
    // The ties are drawn for every candidate whatever is avoided, so the seed's sequence is the same.
    const seen = (item: PoolItem) => (avoid.has(item.id) ? 1 : 0)
    keyed.sort((a, b) => seen(a.item) - seen(b.item) || a.item.exposure - b.item.exposure || a.tie - b.tie)
    for (const { item } of keyed.slice(0, need)) chosen.push({ itemId: item.id, version: item.version, skill })
  }
  return shuffleInPlace(chosen, random)
}

/** The seed for one item's option order within a form. */
export const optionSeed = (formSeed: number, itemId: string): number => (hash32(itemId) ^ formSeed) >>> 0

/** How many of a form's items are in `seen`: a retake's overlap with what the candidate saw before. */
export const overlapWith = (form: readonly FormItem[], seen: ReadonlySet<string>): number => form.filter((f) => seen.has(f.itemId)).length
