// The E-step of Bock–Aitkin EM: each group of examinees' posterior over the quadrature points, the
// expected examinees at each point (n) and expected correct answers per item and point (r), and the
// marginal log-likelihood at the current parameters.
//
// Responses may be incomplete (a candidate sits a form drawn from the pool): an item marked
// NOT_PRESENTED is missing by design and drops out of that examinee's likelihood, rather than counting
// as wrong. Then the expected examinees differ per item (only those who saw it), so n is per item.
import type { CollapsedResponses, ItemParameters, Quadrature } from './irt.js'
import { softplus } from './logistic.js'

/** The mark of an item the examinee was not presented (missing by design, not wrong). */
export const NOT_PRESENTED = 255

export const hasMissing = (pattern: Uint8Array): boolean => pattern.includes(NOT_PRESENTED)
export const anyMissing = (data: CollapsedResponses): boolean => data.patterns.some(hasMissing)

export interface ExpectedCounts {
  /** Expected examinees at each point: length Q (every item seen by all) or row-major [item][point]. */
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
    if (hasMissing(pattern)) {
      // Only the presented items: log(1 − P) for a wrong answer, log P = z − softplus(z) for a right one.
      for (let j = 0; j < k; j++) {
        if (pattern[j] === NOT_PRESENTED) continue
        const from = j * Q
        const gain = pattern[j] ? 1 : 0
        for (let q = 0; q < Q; q++) {
          const z = correctGain[from + q]!
          out[row + q] = out[row + q]! + gain * z - softplus(z)
        }
      }
      return
    }
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
  if (anyMissing(data)) return expectedCountsPerItem(data, posterior, k, Q)
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

/** As expectedCounts, with n per item: each item's expected examinees are those it was presented to. */
function expectedCountsPerItem(data: CollapsedResponses, posterior: Float64Array, k: number, Q: number): { n: Float64Array; r: Float64Array } {
  const n = new Float64Array(k * Q)
  const r = new Float64Array(k * Q)
  data.patterns.forEach((pattern, p) => {
    const f = data.counts[p]!
    const row = p * Q
    for (let j = 0; j < k; j++) {
      if (pattern[j] === NOT_PRESENTED) continue
      const at = j * Q
      const correct = pattern[j] === 1
      for (let q = 0; q < Q; q++) {
        const v = f * posterior[row + q]!
        n[at + q] = n[at + q]! + v
        if (correct) r[at + q] = r[at + q]! + v
      }
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

/**
 * The Rasch E-step for incomplete responses, by form and sum score. With a common slope, a pattern's
 * likelihood on form F (the items presented) is exp(s·aθ + Σ x_j d_j) / Π_{j∈F} (1 + exp(aθ + d_j)):
 * its posterior depends on the form and the sum score only, as sumScoreEStep's does on the score. So
 * examinees are grouped by (form, score) and a cycle costs forms × scores × points × items presented.
 */
export function formSumScoreEStep(data: CollapsedResponses, k: number, quad: Quadrature): EStep {
  const Q = quad.points.length
  interface Form { items: number[]; examinees: Float64Array; correct: Float64Array }
  const forms = new Map<string, Form>()
  const itemTotals = new Float64Array(k)
  data.patterns.forEach((pattern, p) => {
    const f = data.counts[p]!
    const items: number[] = []
    for (let j = 0; j < k; j++) if (pattern[j] !== NOT_PRESENTED) items.push(j)
    const key = items.join(',')
    let form = forms.get(key)
    if (!form) {
      form = { items, examinees: new Float64Array(items.length + 1), correct: new Float64Array((items.length + 1) * items.length) }
      forms.set(key, form)
    }
    const m = items.length
    let s = 0
    for (const j of items) s += pattern[j]!
    form.examinees[s] = form.examinees[s]! + f
    items.forEach((j, i) => {
      if (pattern[j] !== 1) return
      form.correct[s * m + i] = form.correct[s * m + i]! + f
      itemTotals[j] = itemTotals[j]! + f
    })
  })
  return (items) => {
    const a = items[0]!.a
    const n = new Float64Array(k * Q)
    const r = new Float64Array(k * Q)
    let logLikelihood = 0
    for (let j = 0; j < k; j++) logLikelihood += items[j]!.d * itemTotals[j]!
    // log(1 + e^(aθ + d_j)) per item and point once per cycle; each form's partition sums its rows.
    const itemPartition = new Float64Array(k * Q)
    for (let j = 0; j < k; j++) for (let q = 0; q < Q; q++) itemPartition[j * Q + q] = softplus(a * quad.points[q]! + items[j]!.d)
    const logPartition = new Float64Array(Q)
    const post = new Float64Array(Q)
    for (const form of forms.values()) {
      const m = form.items.length
      logPartition.fill(0)
      for (const j of form.items) for (let q = 0; q < Q; q++) logPartition[q] = logPartition[q]! + itemPartition[j * Q + q]!
      for (let s = 0; s <= m; s++) {
        const f = form.examinees[s]!
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
        for (let q = 0; q < Q; q++) post[q] = post[q]! / total
        form.items.forEach((j, i) => {
          const c = form.correct[s * m + i]!
          for (let q = 0; q < Q; q++) {
            n[j * Q + q] = n[j * Q + q]! + f * post[q]!
            if (c !== 0) r[j * Q + q] = r[j * Q + q]! + c * post[q]!
          }
        })
      }
    }
    return { n, r, logLikelihood }
  }
}
