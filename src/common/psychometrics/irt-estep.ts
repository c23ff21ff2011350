// The E-step of Bock–Aitkin EM: each group of examinees' posterior over the quadrature points, the
// expected examinees at each point (n) and expected correct answers per item and point (r), and the
// marginal log-likelihood at the current parameters.
import type { CollapsedResponses, ItemParameters, Quadrature } from './irt.js'
import { softplus } from './logistic.js'

export interface ExpectedCounts {
  n: Float64Array
  /** Row-major [item][point]. */
  r: Float64Array
  logLikelihood: number
}

export type EStep = (items: readonly ItemParameters[]) => ExpectedCounts

/**
 * log L(pattern | θ_q) for every pattern and point, row-major [pattern][point]. Each row starts from
 * "every item wrong" and adds, for each item answered correctly, log P − log(1 − P): contiguous runs
 * over the points, about half the items per pattern.
 */
function patternLogLikelihoods(data: CollapsedResponses, items: readonly ItemParameters[], quad: Quadrature): Float64Array {
  const Q = quad.points.length
  const k = items.length
  const allWrong = new Float64Array(Q)
  const correctGain = new Float64Array(k * Q)
  for (let j = 0; j < k; j++) {
    for (let q = 0; q < Q; q++) {
      const z = items[j]!.a * quad.points[q]! + items[j]!.d
      // log σ(z) = −softplus(−z) and log(1 − σ(z)) = −softplus(z), finite for any z; their difference is z.
      allWrong[q] = allWrong[q]! - softplus(z)
      correctGain[j * Q + q] = z
    }
  }
  const out = new Float64Array(data.patterns.length * Q)
  data.patterns.forEach((pattern, p) => {
    const row = p * Q
    out.set(allWrong, row)
    for (let j = 0; j < k; j++) {
      if (!pattern[j]) continue
      const from = j * Q
      for (let q = 0; q < Q; q++) out[row + q] = out[row + q]! + correctGain[from + q]!
    }
  })
  return out
}

/**
 * Posterior weights of each pattern over the points, row-major [pattern][point], and the marginal
 * log-likelihood Σ f_p log Σ_q w_q L_p(θ_q).
 */
export function posteriors(data: CollapsedResponses, items: readonly ItemParameters[], quad: Quadrature): { posterior: Float64Array; logLikelihood: number } {
  const Q = quad.points.length
  const posterior = patternLogLikelihoods(data, items, quad)
  let logLikelihood = 0
  for (let p = 0; p < data.patterns.length; p++) {
    let max = -Infinity
    for (let q = 0; q < Q; q++) max = Math.max(max, posterior[p * Q + q]!)
    let total = 0
    for (let q = 0; q < Q; q++) {
      const v = quad.weights[q]! * Math.exp(posterior[p * Q + q]! - max)
      posterior[p * Q + q] = v
      total += v
    }
    for (let q = 0; q < Q; q++) posterior[p * Q + q] = posterior[p * Q + q]! / total
    logLikelihood += data.counts[p]! * (max + Math.log(total))
  }
  return { posterior, logLikelihood }
}

/** The E-step's expected examinees at each point (n) and expected correct answers per item and point (r). */
function expectedCounts(data: CollapsedResponses, posterior: Float64Array, k: number, Q: number): { n: Float64Array; r: Float64Array } {
  const n = new Float64Array(Q)
  const r = new Float64Array(k * Q)
  data.patterns.forEach((pattern, p) => {
    const f = data.counts[p]!
    const row = p * Q
    for (let q = 0; q < Q; q++) n[q] = n[q]! + f * posterior[row + q]!
    for (let j = 0; j < k; j++) {
      if (!pattern[j]) continue
      const at = j * Q
      for (let q = 0; q < Q; q++) r[at + q] = r[at + q]! + f * posterior[row + q]!
    }
  })
  return { n, r }
}

/** The E-step over distinct response patterns (any slopes: the 2PL). */
export function patternEStep(data: CollapsedResponses, quad: Quadrature): EStep {
  return (items) => {
    const { posterior, logLikelihood } = posteriors(data, items, quad)
    return { ...expectedCounts(data, posterior, items.length, quad.points.length), logLikelihood }
  }
}

/**
 * The E-step for a common slope (the Rasch model), over sum scores. With one slope a, a pattern's
 * likelihood is exp(s·aθ + Σ x_j d_j) / Π_j (1 + exp(aθ + d_j)): its posterior depends on the sum score
 * s alone, and Σ x_j d_j adds a constant to the log-likelihood. So examinees are grouped by sum score,
 * with how many of each group answered each item correctly, and a cycle costs scores × points × items
 * however many examinees there are. Exact, not an approximation.
 */
export function sumScoreEStep(data: CollapsedResponses, k: number, quad: Quadrature): EStep {
  const Q = quad.points.length
  const examinees = new Float64Array(k + 1)
  const correct = new Float64Array((k + 1) * k)
  const itemTotals = new Float64Array(k)
  data.patterns.forEach((pattern, p) => {
    const f = data.counts[p]!
    let s = 0
    for (let j = 0; j < k; j++) s += pattern[j]!
    examinees[s] = examinees[s]! + f
    for (let j = 0; j < k; j++) {
      if (!pattern[j]) continue
      correct[s * k + j] = correct[s * k + j]! + f
      itemTotals[j] = itemTotals[j]! + f
    }
  })
  return (items) => {
    const a = items[0]!.a
    const logPartition = new Float64Array(Q)
    for (let q = 0; q < Q; q++) for (const item of items) logPartition[q] = logPartition[q]! + softplus(a * quad.points[q]! + item.d)
    const n = new Float64Array(Q)
    const r = new Float64Array(k * Q)
    let logLikelihood = 0
    for (let j = 0; j < k; j++) logLikelihood += items[j]!.d * itemTotals[j]!
    const post = new Float64Array(Q)
    for (let s = 0; s <= k; s++) {
      const f = examinees[s]!
      if (f === 0) continue
      let max = -Infinity
      for (let q = 0; q < Q; q++) {
        post[q] = s * a * quad.points[q]! - logPartition[q]!
        max = Math.max(max, post[q]!)
      }
      let total = 0
      for (let q = 0; q < Q; q++) {
        post[q] = quad.weights[q]! * Math.exp(post[q]! - max)
        total += post[q]!
      }
      logLikelihood += f * (max + Math.log(total))
      for (let q = 0; q < Q; q++) {
        post[q] = post[q]! / total
        n[q] = n[q]! + f * post[q]!
      }
      for (let j = 0; j < k; j++) {
        const c = correct[s * k + j]!
        if (c === 0) continue
        for (let q = 0; q < Q; q++) r[j * Q + q] = r[j * Q + q]! + c * post[q]!
      }
    }
    return { n, r, logLikelihood }
  }
}
