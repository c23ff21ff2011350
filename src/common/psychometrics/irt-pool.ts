// Calibrating an item pool from incomplete responses, as the statistics job does: every candidate sat
// a form drawn from the pool, so each row marks the items not presented (NOT_PRESENTED). Items MML
// cannot estimate are left out with a reason instead of refusing the whole pool: nobody saw them, or
// everyone who saw them answered alike (their difficulty is unbounded). Standard errors come from the
// cross-product of each examinee's score vector (the empirical information, Louis' XPD), inverted.
import { posteriors } from './irt-estep.js'
import { CalibrationError, calibrateRasch, collapsePatterns, itemCounts, NOT_PRESENTED, type CalibrationOptions, type ItemParameters, type Quadrature, type CollapsedResponses } from './irt.js'
import { logistic } from './logistic.js'

export type ExclusionReason = 'not-presented' | 'all-correct' | 'all-wrong'

export interface PoolItem {
  id: string
  presented: number
  /** Proportion correct among those presented the item. */
  p: number
  a: number
  d: number
  /** b = −d / a on the pool's θ scale. */
  difficulty: number
  seDifficulty: number | null
}

export interface PoolCalibration {
  model: 'rasch'
  discrimination: number
  seDiscrimination: number | null
  items: PoolItem[]
  excluded: { id: string; presented: number; reason: ExclusionReason }[]
  examinees: number
  /** Rows left with no calibrated item (every item they saw was excluded). */
  examineesWithoutItems: number
  logLikelihood: number
  iterations: number
  converged: boolean
}

function exclusionOf(presented: number, correct: number): ExclusionReason | null {
  if (presented === 0) return 'not-presented'
  if (correct === presented) return 'all-correct'
  if (correct === 0) return 'all-wrong'
  return null
}

/**
 * Rasch calibration of a pool by MML from rows of 0 / 1 / NOT_PRESENTED per item (in `itemIds` order).
 * Throws CalibrationError when nothing is left to calibrate (fewer than two examinees or no item).
 */
export function calibratePool(itemIds: readonly string[], rows: readonly Uint8Array[], options: CalibrationOptions = {}): PoolCalibration {
  const all = collapsePatterns(rows)
  const { presented, correct } = itemCounts(all, itemIds.length)
  const keep: number[] = []
  const excluded: PoolCalibration['excluded'] = []
  itemIds.forEach((id, j) => {
    const reason = exclusionOf(presented[j]!, correct[j]!)
    if (reason) excluded.push({ id, presented: presented[j]!, reason })
    else keep.push(j)
  })
  const reduced: Uint8Array[] = []
  let examineesWithoutItems = 0
  for (const row of rows) {
    const r = Uint8Array.from(keep, (j) => row[j]!)
    if (r.every((x) => x === NOT_PRESENTED)) examineesWithoutItems++
    else reduced.push(r)
  }
  if (keep.length === 0) throw new CalibrationError('no item of the pool can be calibrated (each was unseen or answered alike by everyone who saw it)')
  const data = collapsePatterns(reduced)
  const ids = keep.map((j) => itemIds[j]!)
  const fit = calibrateRasch(data, ids, options)
  const cov = raschCovariance(data, fit.items, fit.quadrature)
  const a = fit.discrimination
  const items = keep.map((j, i): PoolItem => {
    const d = fit.items[i]!.d
    let se: number | null = null
    if (cov) {
      const m = keep.length
      // Delta method for b = −d/a: ∇b = (−1/a, d/a²) over (d, a).
      const v = cov[i * (m + 1) + i]! / (a * a) + (d * d * cov[m * (m + 1) + m]!) / a ** 4 - (2 * d * cov[i * (m + 1) + m]!) / a ** 3
      se = v > 0 && Number.isFinite(v) ? Math.sqrt(v) : null
    }
    return { id: itemIds[j]!, presented: presented[j]!, p: correct[j]! / presented[j]!, a, d, difficulty: -d / a, seDifficulty: se }
  })
  const m = keep.length
  const va = cov?.[m * (m + 1) + m]
  return {
    model: 'rasch', discrimination: a, seDiscrimination: va !== undefined && va > 0 ? Math.sqrt(va) : null, items, excluded,
    examinees: reduced.length, examineesWithoutItems, logLikelihood: fit.logLikelihood, iterations: fit.iterations, converged: fit.converged,
  }
}

/**
 * The covariance of (d_1..d_m, a) for the Rasch fit: the inverse of Σ_p f_p g_p g_pᵀ, where g_p is
 * pattern p's gradient of its log marginal likelihood (posterior-weighted x − P over presented items).
 * Null when that matrix is singular (too few examinees for the parameters).
 */
export function raschCovariance(data: CollapsedResponses, items: readonly ItemParameters[], quad: Quadrature): Float64Array | null {
  const m = items.length
  const Q = quad.points.length
  const size = m + 1
  const { posterior } = posteriors(data, items, quad)
  const P = new Float64Array(m * Q)
  for (let j = 0; j < m; j++) for (let q = 0; q < Q; q++) P[j * Q + q] = logistic(items[j]!.a * quad.points[q]! + items[j]!.d)
  const info = new Float64Array(size * size)
  const g = new Float64Array(size)
  data.patterns.forEach((pattern, p) => {
    g.fill(0)
    for (let j = 0; j < m; j++) {
      if (pattern[j] === NOT_PRESENTED) continue
      const x = pattern[j]!
      let gd = 0
      let ga = 0
      for (let q = 0; q < Q; q++) {
        const w = posterior[p * Q + q]! * (x - P[j * Q + q]!)
        gd += w
        ga += w * quad.points[q]!
      }
      g[j] = gd
      g[m] = g[m]! + ga
    }
    const f = data.counts[p]!
    for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) info[r * size + c] = info[r * size + c]! + f * g[r]! * g[c]!
  })
  return invert(info, size)
}

/** Gauss–Jordan inverse with partial pivoting; null when the matrix is (numerically) singular. */
export function invert(matrix: Float64Array, size: number): Float64Array | null {
  const a = Float64Array.from(matrix)
  const inv = new Float64Array(size * size)
  for (let i = 0; i < size; i++) inv[i * size + i] = 1
  let scale = 0
  for (const v of a) scale = Math.max(scale, Math.abs(v))
  for (let col = 0; col < size; col++) {
    let pivot = col
    for (let r = col + 1; r < size; r++) if (Math.abs(a[r * size + col]!) > Math.abs(a[pivot * size + col]!)) pivot = r
    if (!(Math.abs(a[pivot * size + col]!) > scale * 1e-13)) return null
    if (pivot !== col) {
      for (let c = 0; c < size; c++) {
        ;[a[col * size + c], a[pivot * size + c]] = [a[pivot * size + c]!, a[col * size + c]!]
        ;[inv[col * size + c], inv[pivot * size + c]] = [inv[pivot * size + c]!, inv[col * size + c]!]
      }
    }
    const div = a[col * size + col]!
    for (let c = 0; c < size; c++) {
      a[col * size + c] = a[col * size + c]! / div
      inv[col * size + c] = inv[col * size + c]! / div
    }
    for (let r = 0; r < size; r++) {
      if (r === col) continue
      const factor = a[r * size + col]!
      if (factor === 0) continue
      for (let c = 0; c < size; c++) {
        a[r * size + c] = a[r * size + c]! - factor * a[col * size + c]!
        inv[r * size + c] = inv[r * size + c]! - factor * inv[col * size + c]!
      }
    }
  }
  return inv
}
