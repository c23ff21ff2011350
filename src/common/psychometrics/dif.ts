// Mantel–Haenszel differential item functioning, as API.md's psychometrics CLI fixes it: examinees
// are matched on the total score over all items (the studied item included, as Holland & Thayer 1988
// recommend so that the MH statistic agrees with the Rasch model's null), strata with fewer than two
// examinees are dropped, and in each stratum the reference group's right/wrong counts are A/B and
// the focal group's C/D (T = A + B + C + D):
//   χ²_MH = (|ΣA − ΣE(A)| − 0.5)² / ΣVar(A), E(A) = n_R·m_1/T, Var(A) = n_R·n_F·m_1·m_0/(T²(T − 1))
//   α_MH  = Σ(A·D/T) / Σ(B·C/T),  Δ_MH = −2.35·ln α_MH (the ETS delta scale; negative = favours the reference group)
// The variance of ln α_MH is Robins, Breslow & Greenland's (1986) estimator (Phillips & Holland 1987):
//   Var = ΣP·R/(2R₊²) + Σ(P·S + Q·R)/(2R₊S₊) + ΣQ·S/(2S₊²), P = (A + D)/T, Q = (B + C)/T, R = AD/T, S = BC/T
// and z = ln α_MH / √Var. The ETS category (Zwick 2012, ETS RR-12-08; Dorans & Holland 1993):
//   A: Δ not significantly different from 0 (χ²_MH below the .05 critical value 3.8415) or |Δ| < 1;
//   C: |Δ| ≥ 1.5 and |Δ| significantly greater than 1: (|Δ| − 1)/SE(Δ) > 1.645 (one-sided .05);
//   B: otherwise. SE(Δ) = 2.35·√Var(ln α_MH).
// Which groups examinees belong to, and the minimum group size below which nothing is reported,
// are the caller's (self-reported demographics are reported only in aggregate).
import { DIF_THRESHOLDS } from '../rules/item-review.js'

export type EtsCategory = 'A' | 'B' | 'C'

export interface MantelHaenszelItem {
  id: string
  /** Null when no retained stratum has both groups and both outcomes (no information). */
  chiSquare: number | null
  /** Null when a sum of the odds ratio is 0 (α would be 0 or infinite). */
  alphaMH: number | null
  deltaMH: number | null
  /** Robins–Breslow–Greenland standard error of ln α_MH. */
  seLogAlpha: number | null
  /** ln α_MH / its standard error. */
  z: number | null
  category: EtsCategory | null
}

export interface MantelHaenszelResult {
  referenceCount: number
  focalCount: number
  /** Strata (total scores) kept: at least two examinees. */
  strata: number
  items: MantelHaenszelItem[]
}

/** The group of each examinee: 0 = reference, 1 = focal, −1 = neither (left out). */
export type GroupCodes = Int8Array

export class GroupTooSmallError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GroupTooSmallError'
  }
}

/** Codes group labels: the reference value → 0, the focal value → 1, anything else → −1. */
export function groupCodes(groups: readonly string[], reference: string, focal: string): GroupCodes {
  const codes = new Int8Array(groups.length)
  for (let i = 0; i < groups.length; i++) codes[i] = groups[i] === reference ? 0 : groups[i] === focal ? 1 : -1
  return codes
}

/**
 * Mantel–Haenszel DIF for every item of a complete 0/1 matrix. Throws GroupTooSmallError when the
 * reference or focal group has fewer than `minGroupSize` examinees (default 1: both must be present).
 */
export function mantelHaenszel(scores: readonly Uint8Array[], items: readonly string[], groups: GroupCodes, minGroupSize = 1): MantelHaenszelResult {
  const n = scores.length
  const k = items.length
  if (groups.length !== n) throw new RangeError(`${groups.length} group codes for ${n} examinees`)
  const levels = k + 1
  // counts[(j·levels + s)·2 + g] = correct answers to item j in stratum s and group g; size[s·2 + g] = examinees.
  const correct = new Int32Array(k * levels * 2)
  const size = new Int32Array(levels * 2)
  let referenceCount = 0
  let focalCount = 0
  for (let i = 0; i < n; i++) {
    const g = groups[i]!
    if (g < 0) continue
    const row = scores[i]!
    if (row.length !== k) throw new RangeError(`row ${i} has ${row.length} scores for ${k} items`)
    let t = 0
    for (let j = 0; j < k; j++) t += row[j]!
    size[t * 2 + g]!++
    if (g === 0) referenceCount++
    else focalCount++
    for (let j = 0; j < k; j++) if (row[j] === 1) correct[(j * levels + t) * 2 + g]!++
  }
  if (referenceCount < minGroupSize || focalCount < minGroupSize) {
    throw new GroupTooSmallError(`the reference group has ${referenceCount} examinees and the focal group ${focalCount}; each needs at least ${minGroupSize}`)
  }
  let strata = 0
  for (let s = 0; s < levels; s++) if (size[s * 2]! + size[s * 2 + 1]! >= 2) strata++
  const results = items.map((id, j) => {
    let sumA = 0
    let sumEA = 0
    let sumVarA = 0
    let sumR = 0
    let sumS = 0
    let sumPR = 0
    let sumPSQR = 0
    let sumQS = 0
    for (let s = 0; s < levels; s++) {
      const nR = size[s * 2]!
      const nF = size[s * 2 + 1]!
      const T = nR + nF
      if (T < 2) continue
      const A = correct[(j * levels + s) * 2]!
      const C = correct[(j * levels + s) * 2 + 1]!
      const B = nR - A
      const D = nF - C
      const m1 = A + C
      const m0 = B + D
      sumA += A
      sumEA += (nR * m1) / T
      sumVarA += (nR * nF * m1 * m0) / (T * T * (T - 1))
      const R = (A * D) / T
      const S = (B * C) / T
      const P = (A + D) / T
      const Q = (B + C) / T
      sumR += R
      sumS += S
      sumPR += P * R
      sumPSQR += P * S + Q * R
      sumQS += Q * S
    }
    const chiSquare = sumVarA > 0 ? Math.max(0, Math.abs(sumA - sumEA) - 0.5) ** 2 / sumVarA : null
    const defined = sumR > 0 && sumS > 0
    const alphaMH = defined ? sumR / sumS : null
    const logAlpha = defined ? Math.log(sumR / sumS) : null
    const deltaMH = logAlpha === null ? null : -2.35 * logAlpha
    const varLog = defined ? sumPR / (2 * sumR * sumR) + sumPSQR / (2 * sumR * sumS) + sumQS / (2 * sumS * sumS) : null
    const seLogAlpha = varLog !== null && varLog > 0 ? Math.sqrt(varLog) : null
    const z = logAlpha !== null && seLogAlpha !== null ? logAlpha / seLogAlpha : null
    return { id, chiSquare, alphaMH, deltaMH, seLogAlpha, z, category: etsCategory(deltaMH, chiSquare, seLogAlpha === null ? null : 2.35 * seLogAlpha) }
  })
  return { referenceCount, focalCount, strata, items: results }
}

/** The ETS A/B/C category with its significance tests (see the header); null when Δ is undefined. */
export function etsCategory(delta: number | null, chiSquare: number | null, seDelta: number | null): EtsCategory | null {
  if (delta === null || chiSquare === null) return null
  const size = Math.abs(delta)
  if (chiSquare < DIF_THRESHOLDS.chiSquareCritical05 || size < DIF_THRESHOLDS.negligibleDelta) return 'A'
  if (size >= DIF_THRESHOLDS.largeDelta && seDelta !== null && seDelta > 0 && (size - DIF_THRESHOLDS.negligibleDelta) / seDelta > DIF_THRESHOLDS.oneSidedZ05) return 'C'
  return 'B'
}
