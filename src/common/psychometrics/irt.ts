// Item response theory calibration by marginal maximum likelihood (Bock & Aitkin's EM): the Rasch
// model with one common discrimination, P = 1 / (1 + exp(−a(θ − b))), and the two-parameter logistic
// model in slope-intercept form, P = 1 / (1 + exp(−(aθ + d))), both with θ ~ N(0, 1).
//
// The latent distribution is integrated over fixed, equally spaced quadrature points on ±6 with
// normal weights (mirt's default: 61 points), so the log-likelihood at the estimate is comparable with
// mirt's and ltm's to the printed precision. Identical response patterns are collapsed into one row
// with a frequency: a calibration costs patterns × points × items per iteration, not examinees × ….

/** A calibration that cannot be run on these responses; `message` says why. The CLI prints it, exit 2. */
export class CalibrationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CalibrationError'
  }
}

/** Distinct response patterns with how many examinees gave each. */
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
const NEWTON_STEPS = 30
// A Newton step longer than this is cut back: the M-step objective is concave, but its quadratic
// model can overshoot far from the maximum (a first step from poor starting values).
const MAX_STEP = 1

export const logistic = (z: number): number => 1 / (1 + Math.exp(-z))

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

/**
 * Refuses what MML cannot estimate: fewer than two examinees, and an item everyone answered the same
 * way (a constant item carries no information, and its intercept runs off to ±∞). We refuse rather
 * than fix it at a bound, so no invented parameter ever reaches the item bank; the message names the
 * item so staff can leave it out of the calibration.
 */
export function checkCalibratable(data: CollapsedResponses, itemIds: readonly string[]): void {
  const n = data.counts.reduce((s, c) => s + c, 0)
  if (n < 2) throw new CalibrationError(`IRT calibration needs at least two examinees; the file has ${n}`)
  const k = itemIds.length
  if (k === 0) throw new CalibrationError('IRT calibration needs at least one item')
  const correct = new Array<number>(k).fill(0)
  data.patterns.forEach((pattern, p) => {
    if (pattern.length !== k) throw new CalibrationError(`response pattern ${p + 1} has ${pattern.length} items, expected ${k}`)
    for (let j = 0; j < k; j++) correct[j]! += pattern[j]! * data.counts[p]!
  })
  for (let j = 0; j < k; j++) {
    if (correct[j] === 0 || correct[j] === n) {
      const how = correct[j] === 0 ? 'no examinee answered it correctly' : 'every examinee answered it correctly'
      throw new CalibrationError(`item "${itemIds[j]}" cannot be calibrated: ${how}, so it carries no information; leave it out and calibrate the others`)
    }
  }
}

/** log L(pattern | θ_q) for every pattern and point, row-major [pattern][point]. */
function patternLogLikelihoods(data: CollapsedResponses, items: readonly ItemParameters[], quad: Quadrature): Float64Array {
  const Q = quad.points.length
  const k = items.length
  const logP = new Float64Array(k * Q)
  const logQ = new Float64Array(k * Q)
  for (let j = 0; j < k; j++) {
    for (let q = 0; q < Q; q++) {
      const z = items[j]!.a * quad.points[q]! + items[j]!.d
      // log σ(z) = −log(1 + e^−z), written to stay finite for large |z|.
      logP[j * Q + q] = -softplus(-z)
      logQ[j * Q + q] = -softplus(z)
    }
  }
  const out = new Float64Array(data.patterns.length * Q)
  data.patterns.forEach((pattern, p) => {
    for (let q = 0; q < Q; q++) {
      let sum = 0
      for (let j = 0; j < k; j++) sum += pattern[j] ? logP[j * Q + q]! : logQ[j * Q + q]!
      out[p * Q + q] = sum
    }
  })
  return out
}

const softplus = (z: number): number => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)))

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
    for (let q = 0; q < Q; q++) {
      const w = f * posterior[p * Q + q]!
      n[q] = n[q]! + w
      for (let j = 0; j < k; j++) if (pattern[j]) r[j * Q + q] = r[j * Q + q]! + w
    }
  })
  return { n, r }
}

const clampStep = (step: number) => Math.max(-MAX_STEP, Math.min(MAX_STEP, step))

/** M-step for one 2PL item: Newton's method on the expected complete-data log-likelihood in (a, d). */
function maximise2pl(item: ItemParameters, n: Float64Array, r: Float64Array, offset: number, points: Float64Array): ItemParameters {
  let { a, d } = item
  for (let step = 0; step < NEWTON_STEPS; step++) {
    let ga = 0, gd = 0, haa = 0, had = 0, hdd = 0
    for (let q = 0; q < points.length; q++) {
      const theta = points[q]!
      const P = logistic(a * theta + d)
      const resid = r[offset + q]! - n[q]! * P
      const info = n[q]! * P * (1 - P)
      ga += resid * theta
      gd += resid
      haa += info * theta * theta
      had += info * theta
      hdd += info
    }
    // Solve [haa had; had hdd] Δ = g (the information matrix is the negated Hessian).
    const det = haa * hdd - had * had
    if (!(det > 0)) break
    const da = clampStep((hdd * ga - had * gd) / det)
    const dd = clampStep((haa * gd - had * ga) / det)
    a += da
    d += dd
    if (Math.abs(da) < 1e-12 && Math.abs(dd) < 1e-12) break
  }
  return { a, d }
}

/**
 * M-step for the Rasch model with a common slope: Newton's method on (a, d_1..d_k) jointly. The
 * information matrix is an arrowhead (each d_j meets only a), so the step is solved in O(k).
 */
function maximiseRasch(a0: number, d0: readonly number[], n: Float64Array, r: Float64Array, points: Float64Array): { a: number; d: number[] } {
  const Q = points.length
  const k = d0.length
  let a = a0
  const d = [...d0]
  for (let step = 0; step < NEWTON_STEPS; step++) {
    let ga = 0, haa = 0
    const gd = new Array<number>(k).fill(0)
    const had = new Array<number>(k).fill(0)
    const hdd = new Array<number>(k).fill(0)
    for (let j = 0; j < k; j++) {
      for (let q = 0; q < Q; q++) {
        const theta = points[q]!
        const P = logistic(a * theta + d[j]!)
        const resid = r[j * Q + q]! - n[q]! * P
        const info = n[q]! * P * (1 - P)
        ga += resid * theta
        haa += info * theta * theta
        gd[j]! += resid
        had[j]! += info * theta
        hdd[j]! += info
      }
    }
    let schur = haa
    let rhs = ga
    for (let j = 0; j < k; j++) {
      schur -= (had[j]! * had[j]!) / hdd[j]!
      rhs -= (had[j]! * gd[j]!) / hdd[j]!
    }
    if (!(schur > 0)) break
    const da = clampStep(rhs / schur)
    let largest = Math.abs(da)
    a += da
    for (let j = 0; j < k; j++) {
      const dd = clampStep((gd[j]! - had[j]! * da) / hdd[j]!)
      d[j] = d[j]! + dd
      largest = Math.max(largest, Math.abs(dd))
    }
    if (largest < 1e-12) break
  }
  return { a, d }
}

/** Starting intercepts: the logit of each item's proportion correct. */
function startingIntercepts(data: CollapsedResponses, k: number): number[] {
  const total = data.counts.reduce((s, c) => s + c, 0)
  const correct = new Array<number>(k).fill(0)
  data.patterns.forEach((pattern, p) => {
    for (let j = 0; j < k; j++) correct[j]! += pattern[j]! * data.counts[p]!
  })
  return correct.map((c) => Math.log(c / (total - c)))
}

type MStep = (items: ItemParameters[], n: Float64Array, r: Float64Array, points: Float64Array) => ItemParameters[]

function runEm(data: CollapsedResponses, itemIds: readonly string[], mStep: MStep, options: CalibrationOptions): Calibration {
  checkCalibratable(data, itemIds)
  const { quadraturePoints, tolerance, maxIterations } = { ...DEFAULTS, ...options }
  const quad = normalQuadrature(quadraturePoints)
  const k = itemIds.length
  const Q = quad.points.length
  let items: ItemParameters[] = startingIntercepts(data, k).map((d) => ({ a: 1, d }))
  let iterations = 0
  let converged = false
  while (iterations < maxIterations) {
    iterations++
    const { posterior } = posteriors(data, items, quad)
    const { n, r } = expectedCounts(data, posterior, k, Q)
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
  const { logLikelihood } = posteriors(data, items, quad)
  return { items, logLikelihood, iterations, converged, quadrature: quad }
}

/** 2PL calibration (slope-intercept) by marginal maximum likelihood. */
export function calibrate2pl(data: CollapsedResponses, itemIds: readonly string[], options: CalibrationOptions = {}): Calibration {
  return runEm(data, itemIds, (items, n, r, points) => items.map((item, j) => maximise2pl(item, n, r, j * points.length, points)), options)
}

/** Rasch calibration with one common discrimination estimated, by marginal maximum likelihood. */
export function calibrateRasch(data: CollapsedResponses, itemIds: readonly string[], options: CalibrationOptions = {}): RaschCalibration {
  const fit = runEm(data, itemIds, (items, n, r, points) => {
    const { a, d } = maximiseRasch(items[0]!.a, items.map((it) => it.d), n, r, points)
    return d.map((dj) => ({ a, d: dj }))
  }, options)
  const discrimination = fit.items[0]!.a
  return { ...fit, discrimination, difficulties: fit.items.map((it) => -it.d / discrimination) }
}
