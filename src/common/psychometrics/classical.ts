// Classical item analysis of scored (0/1) responses: p-value, point-biserial, corrected item-total
// correlation, alpha-if-deleted, exposure, and distractor analysis from the options examinees chose.
// One pass over the matrix gathers every sum needed (no item-by-item covariance matrix): alpha only
// needs the item variances and the total's variance, and each item–total covariance is
// (Σ over correct examinees of their total)/n − p·mean. An undefined correlation (a constant item or
// a constant total) is null, never NaN, so JSON and callers see "undefined" plainly.
import { kr20, standardErrorOfMeasurement } from './reliability.js'

export interface ItemStatistics {
  id: string
  /** Examinees who answered the item (every row of a complete matrix). */
  exposure: number
  /** Proportion correct. */
  p: number
  /** Pearson correlation of the item with the total score, the item included. */
  pointBiserial: number | null
  /** Pearson correlation of the item with the total of the other items. */
  correctedItemTotal: number | null
  /** Coefficient alpha (KR-20) of the other k−1 items; null when k < 3 or the rest has no variance. */
  alphaIfDeleted: number | null
}

export interface ItemAnalysis {
  n: number
  k: number
  mean: number
  /** Standard deviation of the total score, divisor n−1; null for one examinee. */
  sd: number | null
  /** KR-20 (coefficient alpha for 0/1 items); null when k < 2 or the total has no variance. */
  kr20: number | null
  /** Standard error of measurement, sd·√(1 − KR-20); null when either is. */
  sem: number | null
  items: ItemStatistics[]
}

/** Each examinee's total score (the number of 1s in their row). */
export function totalScores(scores: readonly Uint8Array[]): Int32Array {
  const totals = new Int32Array(scores.length)
  for (let i = 0; i < scores.length; i++) {
    const row = scores[i]!
    let t = 0
    for (let j = 0; j < row.length; j++) t += row[j]!
    totals[i] = t
  }
  return totals
}

/** Pearson r from population moments; null when either variance is zero (or not positive by rounding). */
export function correlation(covariance: number, varianceA: number, varianceB: number): number | null {
  if (!(varianceA > 1e-12) || !(varianceB > 1e-12)) return null
  const r = covariance / Math.sqrt(varianceA * varianceB)
  return Math.max(-1, Math.min(1, r))
}

/**
 * Item analysis of a complete 0/1 matrix (rows = examinees, every row of length items.length).
 * Moments are population moments (divisor n) inside correlations and alpha, where the divisor
 * cancels; `sd` is reported with divisor n−1 as API.md fixes.
 */
export function analyseItems(scores: readonly Uint8Array[], items: readonly string[]): ItemAnalysis {
  const n = scores.length
  const k = items.length
  const correct = new Float64Array(k)
  const totalWhenCorrect = new Float64Array(k)
  let sumT = 0
  let sumT2 = 0
  for (let i = 0; i < n; i++) {
    const row = scores[i]!
    if (row.length !== k) throw new RangeError(`row ${i} has ${row.length} scores for ${k} items`)
    let t = 0
    for (let j = 0; j < k; j++) t += row[j]!
    for (let j = 0; j < k; j++) {
      if (row[j] === 1) {
        correct[j]! += 1
        totalWhenCorrect[j]! += t
      }
    }
    sumT += t
    sumT2 += t * t
  }
  const mean = n > 0 ? sumT / n : 0
  const varT = n > 0 ? Math.max(0, sumT2 / n - mean * mean) : 0
  const sd = n > 1 ? Math.sqrt((varT * n) / (n - 1)) : null
  const itemVar = new Float64Array(k)
  let sumItemVar = 0
  for (let j = 0; j < k; j++) {
    const p = n > 0 ? correct[j]! / n : 0
    itemVar[j] = p * (1 - p)
    sumItemVar += itemVar[j]!
  }
  const reliability = kr20(k, sumItemVar, varT)
  const stats: ItemStatistics[] = items.map((id, j) => {
    const p = n > 0 ? correct[j]! / n : 0
    const vj = itemVar[j]!
    const covJT = n > 0 ? totalWhenCorrect[j]! / n - p * mean : 0
    // The rest score R = T − x_j: cov(x_j, R) = cov(x_j, T) − var(x_j); var(R) = var(T) − 2cov(x_j, T) + var(x_j).
    const varRest = Math.max(0, varT - 2 * covJT + vj)
    return {
      id,
      exposure: n,
      p,
      pointBiserial: correlation(covJT, vj, varT),
      correctedItemTotal: correlation(covJT - vj, vj, varRest),
      alphaIfDeleted: kr20(k - 1, sumItemVar - vj, varRest),
    }
  })
  return { n, k, mean, sd, kr20: reliability, sem: sd !== null && reliability !== null ? standardErrorOfMeasurement(sd, reliability) : null, items: stats }
}

/**
 * The options each examinee chose on one selected-response item: `chosen[i]` is the index into
 * `options` of examinee i's choice, or −1 when they left it blank. Examinees are in the same order
 * as the totals given to `analyseDistractors`; an examinee not presented the item is not in it.
 */
export interface ItemChoices {
  id: string
  options: readonly string[]
  /** Index in `options` of the keyed (correct) option. */
  key: number
  chosen: Int16Array
}

export interface OptionStatistics {
  option: string
  isKey: boolean
  /** Proportion of examinees who chose this option. */
  proportion: number
  /** Pearson correlation of choosing this option with the total score; null when undefined. */
  pointBiserial: number | null
}

export interface DistractorAnalysis {
  id: string
  exposure: number
  /** Proportion who left the item blank. */
  omitted: number
  options: OptionStatistics[]
}

/** Option proportions and each option's point-biserial with the total (the keyed option's is the item's). */
export function analyseDistractors(item: ItemChoices, totals: ArrayLike<number>): DistractorAnalysis {
  const n = item.chosen.length
  if (totals.length !== n) throw new RangeError(`${n} choices for ${totals.length} totals`)
  if (!(item.key >= 0 && item.key < item.options.length)) throw new RangeError(`key ${item.key} is not an option of ${item.id}`)
  const m = item.options.length
  const count = new Float64Array(m)
  const totalWhenChosen = new Float64Array(m)
  let omittedCount = 0
  let sumT = 0
  let sumT2 = 0
  for (let i = 0; i < n; i++) {
    const t = totals[i]!
    const c = item.chosen[i]!
    sumT += t
    sumT2 += t * t
    if (c < 0) omittedCount++
    else if (c < m) {
      count[c]! += 1
      totalWhenChosen[c]! += t
    } else throw new RangeError(`examinee ${i} chose option ${c} of ${m} on ${item.id}`)
  }
  const mean = n > 0 ? sumT / n : 0
  const varT = n > 0 ? Math.max(0, sumT2 / n - mean * mean) : 0
  return {
    id: item.id,
    exposure: n,
    omitted: n > 0 ? omittedCount / n : 0,
    options: item.options.map((option, o) => {
      const q = n > 0 ? count[o]! / n : 0
      const cov = n > 0 ? totalWhenChosen[o]! / n - q * mean : 0
      return { option, isKey: o === item.key, proportion: q, pointBiserial: correlation(cov, q * (1 - q), varT) }
    }),
  }
}
