// Decision consistency of a pass/fail decision from a single administration, by Subkoviak's method
// (Subkoviak, M. J. (1976), Estimating reliability from a single administration of a
// criterion-referenced test, Journal of Educational Measurement 13(4), 265–276; also Subkoviak (1988),
// A practitioner's guide to computation and interpretation of reliability indices for mastery tests,
// JEM 25(1), 47–55):
//   1. Each examinee's true proportion correct is estimated by Kelley's regressed score
//      τ̂ = ρ·x/k + (1 − ρ)·μ/k, with ρ the test's reliability (Subkoviak used KR-21, the default here;
//      a caller may pass KR-20 or another estimate). ρ is clamped to [0, 1] so τ̂ stays a proportion.
//   2. Number-correct is binomial(k, τ̂) under the model, so the probability that the examinee passes
//      one administration (X ≥ cut) is the binomial upper tail P.
//   3. Two independent administrations agree with probability P² + (1 − P)²; the agreement index p₀ is
//      its mean over examinees, the chance agreement is p̄² + (1 − p̄)² with p̄ the mean P, and
//      κ = (p₀ − p_c)/(1 − p_c).
// Conjunctive decisions (MS = pass MM and SRMT; MT1 = pass all three) combine each examinee's
// per-module pass probabilities as a product, which assumes the modules' measurement errors are
// independent (separate items, separately timed), then apply step 3 to the product.
import { kr20, kr21 } from './reliability.js'

export interface DecisionConsistency {
  n: number
  /** p₀: expected proportion classified the same way on two administrations. */
  agreement: number
  /** p_c: the agreement expected by chance from the pass rate alone. */
  chanceAgreement: number
  /** Cohen's κ; null when p_c = 1 (everyone passes or everyone fails for certain). */
  kappa: number | null
  /** p̄: the expected pass rate under the model. */
  expectedPassRate: number
}

/** P(X ≥ cut) for X ~ binomial(k, tau). */
export function binomialUpperTail(k: number, tau: number, cut: number): number {
  if (cut <= 0) return 1
  if (cut > k) return 0
  if (tau <= 0) return 0
  if (tau >= 1) return 1
  const logTau = Math.log(tau)
  const logRest = Math.log1p(-tau)
  let logChoose = 0 // ln C(k, 0)
  let tail = 0
  for (let x = 0; x <= k; x++) {
    if (x > 0) logChoose += Math.log(k - x + 1) - Math.log(x)
    if (x >= cut) tail += Math.exp(logChoose + x * logTau + (k - x) * logRest)
  }
  return Math.min(1, tail)
}

/** Agreement, chance agreement and κ from each examinee's probability of passing one administration. */
export function consistencyFromPassProbabilities(passProbabilities: ArrayLike<number>): DecisionConsistency {
  const n = passProbabilities.length
  if (n === 0) throw new RangeError('decision consistency needs at least one examinee')
  let agree = 0
  let pass = 0
  for (let i = 0; i < n; i++) {
    const p = passProbabilities[i]!
    agree += p * p + (1 - p) * (1 - p)
    pass += p
  }
  const agreement = agree / n
  const expectedPassRate = pass / n
  const chanceAgreement = expectedPassRate ** 2 + (1 - expectedPassRate) ** 2
  const kappa = 1 - chanceAgreement > 1e-12 ? (agreement - chanceAgreement) / (1 - chanceAgreement) : null
  return { n, agreement, chanceAgreement, kappa, expectedPassRate }
}

export interface SubkoviakOptions {
  /** Raw cut: pass at this number correct or more. */
  cut: number
  /** 'kr21' (Subkoviak's choice, the default), 'kr20', or a reliability estimate. */
  reliability?: 'kr20' | 'kr21' | number
}

export interface SubkoviakResult extends DecisionConsistency {
  k: number
  cut: number
  reliability: number
  /** Each examinee's model probability of passing one administration, in input order. */
  passProbabilities: Float64Array
}

/** Subkoviak's single-administration agreement and κ for a module's 0/1 responses (rows = examinees). */
export function subkoviak(scores: readonly Uint8Array[], options: SubkoviakOptions): SubkoviakResult {
  const n = scores.length
  if (n === 0) throw new RangeError('decision consistency needs at least one examinee')
  const k = scores[0]!.length
  const correct = new Float64Array(k)
  const totals = new Int32Array(n)
  let sumT = 0
  let sumT2 = 0
  for (let i = 0; i < n; i++) {
    const row = scores[i]!
    if (row.length !== k) throw new RangeError('rows of different lengths')
    let t = 0
    for (let j = 0; j < k; j++) {
      t += row[j]!
      correct[j]! += row[j]!
    }
    totals[i] = t
    sumT += t
    sumT2 += t * t
  }
  const mean = sumT / n
  const varT = Math.max(0, sumT2 / n - mean * mean)
  let rho: number | null
  if (typeof options.reliability === 'number') rho = options.reliability
  else if (options.reliability === 'kr20') {
    let sumVar = 0
    for (let j = 0; j < k; j++) sumVar += (correct[j]! / n) * (1 - correct[j]! / n)
    rho = kr20(k, sumVar, varT)
  } else rho = kr21(k, mean, varT)
  // Without variance (or with one item) the scores carry no reliable differences: every estimate regresses to the mean.
  const reliability = Math.min(1, Math.max(0, rho ?? 0))
  const passProbabilities = subkoviakPassProbabilities(totals, k, options.cut, reliability, mean)
  return { ...consistencyFromPassProbabilities(passProbabilities), k, cut: options.cut, reliability, passProbabilities }
}

/** Step 1–2 above for given totals: each examinee's probability of passing one administration. */
export function subkoviakPassProbabilities(totals: ArrayLike<number>, k: number, cut: number, reliability: number, mean: number): Float64Array {
  const rho = Math.min(1, Math.max(0, reliability))
  // τ̂ depends only on the raw score: compute the tail once per score 0..k.
  const byScore = new Float64Array(k + 1)
  for (let x = 0; x <= k; x++) byScore[x] = binomialUpperTail(k, k > 0 ? (rho * x + (1 - rho) * mean) / k : 0, cut)
  const out = new Float64Array(totals.length)
  for (let i = 0; i < totals.length; i++) {
    const x = totals[i]!
    if (!(x >= 0 && x <= k && Number.isInteger(x))) throw new RangeError(`total ${x} is not a score from 0 to ${k}`)
    out[i] = byScore[x]!
  }
  return out
}

/**
 * A conjunctive decision (pass only if every module is passed): the per-examinee product of the
 * modules' pass probabilities (independent errors), then agreement and κ. Every array holds the same
 * examinees in the same order.
 */
export function conjunctiveConsistency(perModule: readonly ArrayLike<number>[]): DecisionConsistency & { passProbabilities: Float64Array } {
  if (perModule.length === 0) throw new RangeError('a conjunctive decision needs at least one module')
  const n = perModule[0]!.length
  const product = new Float64Array(n).fill(1)
  for (const module of perModule) {
    if (module.length !== n) throw new RangeError('every module must hold the same examinees')
    for (let i = 0; i < n; i++) product[i]! *= module[i]!
  }
  return { ...consistencyFromPassProbabilities(product), passProbabilities: product }
}
