// Scores on the θ scale from calibrated items: expected a posteriori (EAP) θ with its posterior SD as
// the standard error, for a response pattern and for a sum score; and the test characteristic curve
// (TCC) with the expected raw score of a borderline candidate on each form drawn from the pool.
import { CalibrationError, logistic, normalQuadrature, type ItemParameters, type Quadrature } from './irt.js'

export interface ThetaEstimate {
  theta: number
  se: number
}

/** Mean and SD of θ under unnormalised posterior weights on the quadrature points. */
function posteriorMoments(quad: Quadrature, likelihood: (q: number) => number): ThetaEstimate {
  let total = 0
  let first = 0
  for (let q = 0; q < quad.points.length; q++) {
    const w = quad.weights[q]! * likelihood(q)
    total += w
    first += w * quad.points[q]!
  }
  const theta = first / total
  let second = 0
  for (let q = 0; q < quad.points.length; q++) {
    const dev = quad.points[q]! - theta
    second += quad.weights[q]! * likelihood(q) * dev * dev
  }
  return { theta, se: Math.sqrt(second / total) }
}

/** EAP θ for one response pattern (0/1 per item, in item order). */
export function eapByPattern(items: readonly ItemParameters[], pattern: ArrayLike<number>, quad: Quadrature = normalQuadrature()): ThetaEstimate {
  if (pattern.length !== items.length) throw new CalibrationError(`the pattern has ${pattern.length} responses for ${items.length} items`)
  return posteriorMoments(quad, (q) => {
    let l = 1
    for (let j = 0; j < items.length; j++) {
      const P = logistic(items[j]!.a * quad.points[q]! + items[j]!.d)
      l *= pattern[j] ? P : 1 - P
    }
    return l
  })
}

/**
 * P(sum score = s | θ_q) for s = 0..k at every point, by Lord and Wingersky's recursion (adding one
 * item at a time), row-major [score][point].
 */
export function sumScoreLikelihoods(items: readonly ItemParameters[], quad: Quadrature): Float64Array[] {
  const Q = quad.points.length
  let dist: Float64Array[] = [new Float64Array(Q).fill(1)]
  for (const item of items) {
    const next = Array.from({ length: dist.length + 1 }, () => new Float64Array(Q))
    for (let q = 0; q < Q; q++) {
      const P = logistic(item.a * quad.points[q]! + item.d)
      for (let s = 0; s < dist.length; s++) {
        next[s]![q]! += dist[s]![q]! * (1 - P)
        next[s + 1]![q]! += dist[s]![q]! * P
      }
    }
    dist = next
  }
  return dist
}

/** EAP θ and its SE for every sum score 0..k (what a score report can print without the pattern). */
export function eapBySumScore(items: readonly ItemParameters[], quad: Quadrature = normalQuadrature()): (ThetaEstimate & { score: number })[] {
  return sumScoreLikelihoods(items, quad).map((likelihood, score) => ({ score, ...posteriorMoments(quad, (q) => likelihood[q]!) }))
}

/** The test characteristic curve: the expected number-correct score at θ. */
export function expectedRawScore(items: readonly ItemParameters[], theta: number): number {
  let sum = 0
  for (const item of items) sum += logistic(item.a * theta + item.d)
  return sum
}

/**
 * The θ at which a form's TCC reaches `rawScore`. The TCC rises from 0 to k when every slope is
 * positive, so bisection always finds the one root strictly inside (0, k).
 */
export function thetaAtRawScore(items: readonly ItemParameters[], rawScore: number): number {
  if (items.length === 0) throw new CalibrationError('a form without items has no test characteristic curve')
  const bad = items.findIndex((item) => !(item.a > 0) || !Number.isFinite(item.d))
  if (bad >= 0) throw new CalibrationError(`item ${bad + 1} has a non-positive or non-finite slope: the test characteristic curve must rise with θ`)
  if (!(rawScore > 0 && rawScore < items.length)) throw new CalibrationError(`a raw score of ${rawScore} is not strictly between 0 and ${items.length}, the range of the test characteristic curve`)
  let low = -50
  let high = 50
  for (let i = 0; i < 200 && high - low > 1e-12; i++) {
    const mid = (low + high) / 2
    if (expectedRawScore(items, mid) < rawScore) low = mid
    else high = mid
  }
  return (low + high) / 2
}

export interface FormItems {
  id: string
  items: readonly ItemParameters[]
}

export interface BorderlineComparison {
  /** The cut on the reference form, in raw score points (cutShare of its items). */
  referenceCut: number
  /** θ_cut: where the reference form's TCC meets its cut. */
  thetaCut: number
  /** Each form's expected raw score and percent correct for a candidate at θ_cut. */
  forms: { id: string; items: number; expectedRawScore: number; expectedPercent: number }[]
}

/**
 * Where a borderline candidate stands on each form: θ_cut from the reference form's TCC at its cut
 * (75% of its raw score unless told otherwise), then every form's TCC at θ_cut. Forms drawn from one
 * calibrated pool are comparable around the cut when their expected percents at θ_cut are close.
 */
export function borderlineByForm(reference: FormItems, forms: readonly FormItems[], cutShare = 0.75): BorderlineComparison {
  if (!(cutShare > 0 && cutShare < 1)) throw new CalibrationError('the cut must be a share of the raw score strictly between 0 and 1')
  const referenceCut = cutShare * reference.items.length
  const thetaCut = thetaAtRawScore(reference.items, referenceCut)
  return {
    referenceCut,
    thetaCut,
    forms: forms.map((form) => {
      if (form.items.length === 0) throw new CalibrationError(`form "${form.id}" has no items`)
      const expected = expectedRawScore(form.items, thetaCut)
      return { id: form.id, items: form.items.length, expectedRawScore: expected, expectedPercent: (100 * expected) / form.items.length }
    }),
  }
}
