// Reliability of a module's total score, for one module over one period or any other set of
// examinees the caller selects: KR-20 (coefficient alpha for 0/1 items; the general alpha for
// polytomous or weighted items), KR-21, the standard error of measurement, and the conditional SEM at
// the cut by Lord's binomial error model:
//   CSEM(x) = √(x(k − x)/(k − 1))
// Lord (1955, 1957) treats an examinee's number-correct as binomial over k items drawn from a domain;
// the unbiased estimate of the error variance at observed score x is x(k − x)/(k − 1). It is zero at
// 0 and k and largest at the middle of the scale, which is why it, not the overall SEM, describes
// precision at a 75% cut. Reference: Lord, F. M. (1955), Estimating test reliability, Educational and
// Psychological Measurement 15, 325–336; Feldt, Steffen & Gupta (1985), Applied Psychological
// Measurement 9(4), 351–361.

/**
 * KR-20 / coefficient alpha: k/(k−1)·(1 − Σ item variances / total variance), with the same divisor
 * in both variances. Null when k < 2 or the total has no variance (undefined, not a number).
 */
export function kr20(k: number, sumItemVariances: number, totalVariance: number): number | null {
  if (k < 2 || !(totalVariance > 1e-12)) return null
  return (k / (k - 1)) * (1 - sumItemVariances / totalVariance)
}

/** Coefficient alpha of any item scores: rows = examinees, columns = items (population variances). */
export function coefficientAlpha(rows: readonly ArrayLike<number>[]): number | null {
  const n = rows.length
  const k = n > 0 ? rows[0]!.length : 0
  if (n === 0) return null
  const sum = new Float64Array(k)
  const sum2 = new Float64Array(k)
  let sumT = 0
  let sumT2 = 0
  for (const row of rows) {
    if (row.length !== k) throw new RangeError('rows of different lengths')
    let t = 0
    for (let j = 0; j < k; j++) {
      const x = row[j]!
      sum[j]! += x
      sum2[j]! += x * x
      t += x
    }
    sumT += t
    sumT2 += t * t
  }
  let sumVar = 0
  for (let j = 0; j < k; j++) sumVar += Math.max(0, sum2[j]! / n - (sum[j]! / n) ** 2)
  return kr20(k, sumVar, Math.max(0, sumT2 / n - (sumT / n) ** 2))
}

/**
 * KR-21: k/(k−1)·(1 − μ(k − μ)/(kσ²)), the KR-20 of items of equal difficulty, from the total score's
 * mean and (population) variance alone. Null when k < 2 or there is no variance.
 */
export function kr21(k: number, mean: number, totalVariance: number): number | null {
  if (k < 2 || !(totalVariance > 1e-12)) return null
  return (k / (k - 1)) * (1 - (mean * (k - mean)) / (k * totalVariance))
}

/** SEM = sd·√(1 − reliability); a negative reliability counts as 0 (all variance is error). */
export function standardErrorOfMeasurement(sd: number, reliability: number): number {
  return sd * Math.sqrt(1 - Math.min(1, Math.max(0, reliability)))
}

/** Lord's binomial conditional SEM at raw score x on k items; null for k < 2 or x outside 0..k. */
export function lordCsem(x: number, k: number): number | null {
  if (k < 2 || !(x >= 0 && x <= k)) return null
  return Math.sqrt((x * (k - x)) / (k - 1))
}

export interface ReliabilityReport {
  n: number
  k: number
  mean: number
  /** Divisor n−1; null for one examinee. */
  sd: number | null
  kr20: number | null
  sem: number | null
  /** The raw cut score (pass at or above it) and Lord's CSEM there. */
  cut: number
  csemAtCut: number | null
}

/** The reliability figures of one module's scored responses, with the precision at the raw cut. */
export function reliabilityReport(scores: readonly Uint8Array[], cut: number): ReliabilityReport {
  const n = scores.length
  const k = n > 0 ? scores[0]!.length : 0
  const correct = new Float64Array(k)
  let sumT = 0
  let sumT2 = 0
  for (const row of scores) {
    if (row.length !== k) throw new RangeError('rows of different lengths')
    let t = 0
    for (let j = 0; j < k; j++) {
      t += row[j]!
      correct[j]! += row[j]!
    }
    sumT += t
    sumT2 += t * t
  }
  const mean = n > 0 ? sumT / n : 0
  const varT = n > 0 ? Math.max(0, sumT2 / n - mean * mean) : 0
  let sumVar = 0
  for (let j = 0; j < k; j++) {
    const p = correct[j]! / n
    sumVar += p * (1 - p)
  }
  const r = kr20(k, sumVar, varT)
  const sd = n > 1 ? Math.sqrt((varT * n) / (n - 1)) : null
  return { n, k, mean, sd, kr20: r, sem: sd !== null && r !== null ? standardErrorOfMeasurement(sd, r) : null, cut, csemAtCut: lordCsem(cut, k) }
}
