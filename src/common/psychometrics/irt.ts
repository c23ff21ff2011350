// Item response theory calibration by marginal maximum likelihood (Bock & Aitkin's EM): the Rasch
// model with one common discrimination, P = 1 / (1 + exp(−a(θ − b))), and the two-parameter logistic
// model in slope-intercept form, P = 1 / (1 + exp(−(aθ + d))), both with θ ~ N(0, 1).
//
// The latent distribution is integrated over fixed, equally spaced quadrature points on ±6 with
// normal weights (mirt's default: 61 points), so the log-likelihood at the estimate is comparable with
// mirt's and ltm's to the printed precision. Identical response patterns are collapsed into one row
// with a frequency: a 2PL cycle costs patterns × points × items, not examinees × …; a Rasch cycle
// groups examinees by sum score (irt-estep.ts says why that is exact).
import { anyMissing, formSumScoreEStep, NOT_PRESENTED, patternEStep, sumScoreEStep, type EStep } from './irt-estep.js'
import { maximise2pl, maximiseRasch } from './irt-mstep.js'

/** A calibration that cannot be run on these responses; `message` says why. The CLI prints it, exit 2. */
export class CalibrationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CalibrationError'
  }
}

export { NOT_PRESENTED } from './irt-estep.js'

/** Distinct response patterns (0, 1, or NOT_PRESENTED per item) with how many examinees gave each. */
export interface CollapsedResponses {
  patterns: Uint8Array[]
  counts: number[]
}

/** Points and weights (summing to 1) that integrate over θ ~ N(0, 1). */
export interface Quadrature {
  points: Float64Array
  weights: Float64Array
}

/** One item in slope-intercept form: P(correct | θ) = logistic(aθ + d). */
export interface ItemParameters {
  a: number
  d: number
}

export interface CalibrationOptions {
  quadraturePoints?: number
  /** Stop when no parameter moved more than this in one EM cycle. */
  tolerance?: number
  maxIterations?: number
}

export interface Calibration {
  /** In item order; for the Rasch model every `a` is the common discrimination. */
  items: ItemParameters[]
  logLikelihood: number
  iterations: number
  converged: boolean
  quadrature: Quadrature
}

export interface RaschCalibration extends Calibration {
  discrimination: number
  /** b = −d / a, the θ at which an examinee answers correctly with probability ½. */
  difficulties: number[]
}

const DEFAULTS = { quadraturePoints: 61, tolerance: 1e-8, maxIterations: 5000 }
export { logistic } from './logistic.js'

export function normalQuadrature(count = DEFAULTS.quadraturePoints, limit = 6): Quadrature {
  if (!Number.isInteger(count) || count < 3) throw new CalibrationError('the quadrature needs at least 3 points')
  const points = new Float64Array(count)
  const weights = new Float64Array(count)
  let total = 0
  for (let q = 0; q < count; q++) {
    const theta = -limit + (2 * limit * q) / (count - 1)
    points[q] = theta
    weights[q] = Math.exp(-0.5 * theta * theta)
    total += weights[q]!
  }
  for (let q = 0; q < count; q++) weights[q] = weights[q]! / total
  return { points, weights }
}

export function collapsePatterns(scores: readonly Uint8Array[]): CollapsedResponses {
  const index = new Map<string, number>()
  const patterns: Uint8Array[] = []
  const counts: number[] = []
  for (const row of scores) {
    const key = row.join('')
    const at = index.get(key)
    if (at === undefined) {
      index.set(key, patterns.length)
      patterns.push(row)
      counts.push(1)
    } else counts[at]! += 1
  }
  return { patterns, counts }
}

/** Per item: how many examinees were presented it, and how many of them answered it correctly. */
export function itemCounts(data: CollapsedResponses, k: number): { presented: number[]; correct: number[] } {
  const presented = new Array<number>(k).fill(0)
  const correct = new Array<number>(k).fill(0)
  data.patterns.forEach((pattern, p) => {
    for (let j = 0; j < k; j++) {
      if (pattern[j] === NOT_PRESENTED) continue
      presented[j]! += data.counts[p]!
      if (pattern[j] === 1) correct[j]! += data.counts[p]!
    }
  })
  return { presented, correct }
}

/**
 * Refuses what MML cannot estimate: fewer than two examinees, an item nobody was presented, and an
 * item everyone presented with it answered the same way (a constant item carries no information, and its intercept runs off to ±∞). We refuse rather
 * than fix it at a bound, so no invented parameter ever reaches the item bank; the message names the
 * item so staff can leave it out of the calibration.
 */
export function checkCalibratable(data: CollapsedResponses, itemIds: readonly string[]): void {
  const n = data.counts.reduce((s, c) => s + c, 0)
  if (n < 2) throw new CalibrationError(`IRT calibration needs at least two examinees; the file has ${n}`)
  const k = itemIds.length
  if (k === 0) throw new CalibrationError('IRT calibration needs at least one item')
  data.patterns.forEach((pattern, p) => {
    if (pattern.length !== k) throw new CalibrationError(`response pattern ${p + 1} has ${pattern.length} items, expected ${k}`)
  })
  const { presented, correct } = itemCounts(data, k)
  for (let j = 0; j < k; j++) {
    if (presented[j] === 0) throw new CalibrationError(`item "${itemIds[j]}" cannot be calibrated: no examinee was presented it`)
    if (correct[j] === 0 || correct[j] === presented[j]) {
      const how = correct[j] === 0 ? 'no examinee answered it correctly' : 'every examinee answered it correctly'
      throw new CalibrationError(`item "${itemIds[j]}" cannot be calibrated: ${how}, so it carries no information; leave it out and calibrate the others`)
    }
  }
}

/** Starting intercepts: the logit of each item's proportion correct among those presented it. */
function startingIntercepts(data: CollapsedResponses, k: number): number[] {
  const { presented, correct } = itemCounts(data, k)
  return correct.map((c, j) => Math.log(c / (presented[j]! - c)))
}

type MStep = (items: ItemParameters[], n: Float64Array, r: Float64Array, points: Float64Array) => ItemParameters[]

function runEm(data: CollapsedResponses, itemIds: readonly string[], eStepFor: (quad: Quadrature) => EStep, mStep: MStep, options: CalibrationOptions): Calibration {
  checkCalibratable(data, itemIds)
  const { quadraturePoints, tolerance, maxIterations } = { ...DEFAULTS, ...options }
  const quad = normalQuadrature(quadraturePoints)
  const eStep = eStepFor(quad)
  const k = itemIds.length
  let items: ItemParameters[] = startingIntercepts(data, k).map((d) => ({ a: 1, d }))
  let iterations = 0
  let converged = false
  while (iterations < maxIterations) {
    iterations++
    const { n, r } = eStep(items)
    const next = mStep(items, n, r, quad.points)
    let change = 0
    for (let j = 0; j < k; j++) change = Math.max(change, Math.abs(next[j]!.a - items[j]!.a), Math.abs(next[j]!.d - items[j]!.d))
    items = next
    if (!next.every((it) => Number.isFinite(it.a) && Number.isFinite(it.d))) {
      throw new CalibrationError('the calibration diverged (a parameter became infinite); the responses may not fit the model')
    }
    if (change < tolerance) {
      converged = true
      break
    }
  }
  const { logLikelihood } = eStep(items)
  return { items, logLikelihood, iterations, converged, quadrature: quad }
}

/** 2PL calibration (slope-intercept) by marginal maximum likelihood. */
export function calibrate2pl(data: CollapsedResponses, itemIds: readonly string[], options: CalibrationOptions = {}): Calibration {
  return runEm(data, itemIds, (quad) => patternEStep(data, quad), (items, n, r, points) => items.map((item, j) => maximise2pl(item, n, r, j * points.length, points)), options)
}

/** Rasch calibration with one common discrimination estimated, by marginal maximum likelihood. */
export function calibrateRasch(data: CollapsedResponses, itemIds: readonly string[], options: CalibrationOptions = {}): RaschCalibration {
  // Incomplete responses group by (form, score); complete ones by score alone (one form).
  const eStepFor = anyMissing(data) ? (quad: Quadrature) => formSumScoreEStep(data, itemIds.length, quad) : (quad: Quadrature) => sumScoreEStep(data, itemIds.length, quad)
  const fit = runEm(data, itemIds, eStepFor, (items, n, r, points) => {
    const { a, d } = maximiseRasch(items[0]!.a, items.map((it) => it.d), n, r, points)
    return d.map((dj) => ({ a, d: dj }))
  }, options)
  const discrimination = fit.items[0]!.a
  return { ...fit, discrimination, difficulties: fit.items.map((it) => -it.d / discrimination) }
}
