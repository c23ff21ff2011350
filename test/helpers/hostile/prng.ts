// Seeded randomness so the hostile suite picks the same cases on every run.
import { hash32, seededRandom, type Random } from '../../../src/common/items/seeded-random.js'

export type { Random }
/** A generator seeded from a number: the product's own mulberry32, so there is one copy of it. */
export const seeded = seededRandom
/** A stable 32-bit hash of a string (FNV-1a), to derive one seed per operation. */
export const hashOf = hash32

/** A copy of the list in a seeded random order (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** Deterministic bytes (for binary upload bodies). */
export function randomBytes(length: number, random: Random): Buffer {
  const out = Buffer.alloc(length)
  for (let i = 0; i < length; i++) out[i] = Math.floor(random() * 256)
  return out
}
