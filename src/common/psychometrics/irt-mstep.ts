// The M-step of Bock–Aitkin EM: Newton's method on the expected complete-data log-likelihood, which
// is concave in the slope-intercept parameters (the linear predictor aθ + d is linear in them).
import type { ItemParameters } from './irt.js'
import { logistic } from './logistic.js'

const NEWTON_STEPS = 30
// A Newton step longer than this is cut back: the objective is concave, but its quadratic model can
// overshoot far from the maximum (a first step from poor starting values).
const MAX_STEP = 1

const clampStep = (step: number) => Math.max(-MAX_STEP, Math.min(MAX_STEP, step))

/** M-step for one 2PL item: Newton's method on the expected complete-data log-likelihood in (a, d). */
export function maximise2pl(item: ItemParameters, n: Float64Array, r: Float64Array, offset: number, points: Float64Array): ItemParameters {
  let { a, d } = item
  // n is shared by every item (complete responses) or per item (incomplete ones), like r.
  const nAt = n.length === points.length ? 0 : offset
  for (let step = 0; step < NEWTON_STEPS; step++) {
    let ga = 0, gd = 0, haa = 0, had = 0, hdd = 0
    for (let q = 0; q < points.length; q++) {
      const theta = points[q]!
      const P = logistic(a * theta + d)
      const resid = r[offset + q]! - n[nAt + q]! * P
      const info = n[nAt + q]! * P * (1 - P)
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
export function maximiseRasch(a0: number, d0: readonly number[], n: Float64Array, r: Float64Array, points: Float64Array): { a: number; d: number[] } {
  const Q = points.length
  const k = d0.length
  let a = a0
  const d = [...d0]
  const perItem = n.length !== Q
  for (let step = 0; step < NEWTON_STEPS; step++) {
    let ga = 0, haa = 0
    const gd = new Array<number>(k).fill(0)
    const had = new Array<number>(k).fill(0)
    const hdd = new Array<number>(k).fill(0)
    for (let j = 0; j < k; j++) {
      const nAt = perItem ? j * Q : 0
      for (let q = 0; q < Q; q++) {
        const theta = points[q]!
        const P = logistic(a * theta + d[j]!)
        const resid = r[j * Q + q]! - n[nAt + q]! * P
        const info = n[nAt + q]! * P * (1 - P)
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

