// Impact data between rounds (issue 15, item 4): each item's p-value on real attempts beside the
// panel's mean and spread, and the pass rate the panel's cut would have produced on recent results.
import { mean, passRateAt, round1, round2, sampleSd } from '../../../common/rules/angoff.js'
import type { ImpactView, RoundView } from '../../../common/schemas/standard-setting.js'
import type { StudyItem } from './study-items.js'

/** Item id → proportion correct (0–1) on real attempts, null when none saw it. */
export type ItemPValues = (module: string) => Promise<Map<string, number | null>>

/** p-values from scored results' item scores: the mean of score / maxScore over the attempts that drew the item. */
export function pValuesFromScores(results: readonly { itemScores: readonly { itemId: string; score: number; maxScore: number }[] }[]): Map<string, number | null> {
  const sums = new Map<string, { sum: number; n: number }>()
  for (const r of results) {
    for (const s of r.itemScores) {
      if (s.maxScore <= 0) continue
      const acc = sums.get(s.itemId) ?? { sum: 0, n: 0 }
      acc.sum += s.score / s.maxScore
      acc.n += 1
      sums.set(s.itemId, acc)
    }
  }
  return new Map([...sums].map(([id, { sum, n }]) => [id, n === 0 ? null : sum / n]))
}

export function impactOf(input: {
  round: number
  items: readonly StudyItem[]
  ratings: readonly { item_id: string; rating: number }[]
  pValues: ReadonlyMap<string, number | null>
  percents: readonly number[]
  cut: number | null
  passPercent: number
}): ImpactView {
  const byItem = new Map<string, number[]>()
  for (const r of input.ratings) byItem.set(r.item_id, [...(byItem.get(r.item_id) ?? []), r.rating])
  const rate = (cut: number | null) => { const v = cut === null ? null : passRateAt(input.percents, cut); return v === null ? null : round1(v) }
  return {
    round: input.round,
    items: input.items.map((item) => {
      const rs = byItem.get(item.itemId) ?? []
      const sd = sampleSd(rs)
      const p = input.pValues.get(item.itemId) ?? null
      return {
        itemId: item.itemId, identifier: item.identifier, skill: item.skill, pValue: p === null ? null : round2(p),
        mean: rs.length ? round1(mean(rs)) : 0, sd: sd === null ? null : round1(sd), min: rs.length ? Math.min(...rs) : 0, max: rs.length ? Math.max(...rs) : 0,
      }
    }),
    results: input.percents.length,
    passRateAtCut: rate(input.cut),
    passRateAtStandard: rate(input.passPercent),
  }
}

export function roundViews(rounds: readonly { round: number; opened_at: string; closed_at: string | null; cut_percent: number | null; sd: number | null; se: number | null; panelists: number | null }[], percents: readonly number[]): RoundView[] {
  return rounds.map((r) => {
    const rate = r.cut_percent === null ? null : passRateAt(percents, r.cut_percent)
    return {
      round: r.round, openedAt: r.opened_at, closedAt: r.closed_at, cutPercent: r.cut_percent === null ? null : round1(r.cut_percent),
      sd: r.sd === null ? null : round2(r.sd), se: r.se === null ? null : round2(r.se), panelists: r.panelists, passRate: rate === null ? null : round1(rate),
    }
  })
}
