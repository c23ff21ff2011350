// Form comparability around the cut (issue 15): from a pool calibration, the borderline candidate is
// the θc at which the expected percent correct over the pool's items is the cut; each delivered form's
// test characteristic curve at θc gives that candidate's expected score on it, in points (one point
// per item, as results score them) and percent. Forms drawn from one pool are comparable around the cut
// when those percents stay close to the cut.
//
// An item excluded from the calibration because everyone who saw it answered it correctly (or nobody
// did) has no finite difficulty; it enters the curves at its bound, P ≡ 1 (or 0), and forms holding one
// say how many such items they have.
import { logistic } from './logistic.js'
import { CalibrationError, type ItemParameters } from './irt.js'
import type { PoolCalibration } from './irt-pool.js'

export interface DeliveredForm {
  /** The form's item ids (order does not matter). */
  itemIds: readonly string[]
  candidates: number
}

export interface FormAtCut {
  itemIds: string[]
  items: number
  candidates: number
  expectedPoints: number
  expectedPercent: number
  /** expectedPercent − cut, in percentage points. */
  differencePercent: number
  beyondTolerance: boolean
  /** Items on the form entered at their bound (answered alike by everyone who saw them). */
  boundedItems: number
}

export interface Comparability {
  thetaCut: number
  cutPercent: number
  tolerance: number
  forms: FormAtCut[]
  summary: { forms: number; min: number | null; median: number | null; max: number | null; spread: number | null; beyondTolerance: number }
}

type CurveItem = ItemParameters | { fixed: 0 | 1 }
const probability = (item: CurveItem, theta: number): number => ('fixed' in item ? item.fixed : logistic(item.a * theta + item.d))
const expected = (items: readonly CurveItem[], theta: number): number => items.reduce((s, it) => s + probability(it, theta), 0)

/** θ where the curve's expected share reaches `share`: bisection on a curve that rises with θ. */
function thetaAtShare(items: readonly CurveItem[], share: number): number {
  const target = share * items.length
  let low = -50
  let high = 50
  if (!(expected(items, low) < target && expected(items, high) > target)) {
    throw new CalibrationError(`the pool's expected score never crosses the cut (${(100 * share).toFixed(1)}%): its bounded items alone decide it`)
  }
  for (let i = 0; i < 200 && high - low > 1e-12; i++) {
    const mid = (low + high) / 2
    if (expected(items, mid) < target) low = mid
    else high = mid
  }
  return (low + high) / 2
}

const median = (sorted: readonly number[]): number => {
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Every delivered form's expected score at the borderline θc; `isBeyond` is the tolerance rule. */
export function formComparability(pool: PoolCalibration, forms: readonly DeliveredForm[], cutPercent: number, tolerance: number, isBeyond: (percent: number) => boolean): Comparability {
  if (!(cutPercent > 0 && cutPercent < 100)) throw new CalibrationError('the cut must be a percent strictly between 0 and 100')
  const curve = new Map<string, CurveItem>()
  for (const item of pool.items) curve.set(item.id, { a: item.a, d: item.d })
  for (const item of pool.excluded) {
    if (item.reason === 'all-correct') curve.set(item.id, { fixed: 1 })
    if (item.reason === 'all-wrong') curve.set(item.id, { fixed: 0 })
  }
  const thetaCut = thetaAtShare([...curve.values()], cutPercent / 100)
  const out = forms.map((form): FormAtCut => {
    const items = form.itemIds.map((id) => {
      const item = curve.get(id)
      if (!item) throw new CalibrationError(`form item "${id}" is not in the pool's calibration`)
      return item
    })
    if (items.length === 0) throw new CalibrationError('a delivered form without items')
    const points = expected(items, thetaCut)
    const percent = (100 * points) / items.length
    return {
      itemIds: [...form.itemIds].sort(), items: items.length, candidates: form.candidates, expectedPoints: points, expectedPercent: percent,
      differencePercent: percent - cutPercent, beyondTolerance: isBeyond(percent), boundedItems: items.filter((it) => 'fixed' in it).length,
    }
  })
  const percents = out.map((f) => f.expectedPercent).sort((x, y) => x - y)
  const some = percents.length > 0
  return {
    thetaCut, cutPercent, tolerance, forms: out,
    summary: {
      forms: out.length, min: some ? percents[0]! : null, median: some ? median(percents) : null, max: some ? percents.at(-1)! : null,
      spread: some ? percents.at(-1)! - percents[0]! : null, beyondTolerance: out.filter((f) => f.beyondTolerance).length,
    },
  }
}
