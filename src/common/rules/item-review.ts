// When an item's statistics send it to review, and the DIF classification's critical values: the
// named thresholds in one place, so the review queue, reports and the CLI cannot disagree.
import type { DistractorAnalysis, ItemStatistics } from '../psychometrics/classical.js'

export const ITEM_REVIEW_THRESHOLDS = {
  /** p below this: very hard (few examinees answer it; check the key and the wording). */
  veryHardP: 0.2,
  /** p above this: very easy (it tells candidates apart hardly at all). */
  veryEasyP: 0.95,
  /**
   * Corrected item-total r below this: low discrimination. The corrected r (the item against the
   * other items) is used because the point-biserial counts the item on both sides and flatters it.
   */
  lowDiscrimination: 0.15,
  /** A distractor whose point-biserial is above this draws the stronger examinees: a possible miskey. */
  miskeyDistractorPointBiserial: 0,
} as const

export const DIF_THRESHOLDS = {
  /** χ²(1) critical value at .05: the MH test of Δ = 0. */
  chiSquareCritical05: 3.841458820694124,
  /** |Δ| below this is negligible (category A whatever the test says). */
  negligibleDelta: 1,
  /** |Δ| at or above this (and significantly above 1) is large: category C. */
  largeDelta: 1.5,
  /** One-sided .05 critical z for "|Δ| significantly greater than 1". */
  oneSidedZ05: 1.6448536269514722,
} as const

export type ItemReviewFlag = 'very-hard' | 'very-easy' | 'low-discrimination' | 'negative-discrimination' | 'possible-miskey'

/**
 * The review flags of one item. A negative correlation is flagged as negative, not also as low. An
 * undefined correlation (a constant item) raises no discrimination flag: its p already says why.
 */
export function itemReviewFlags(item: Pick<ItemStatistics, 'p' | 'correctedItemTotal'>, distractors?: DistractorAnalysis): ItemReviewFlag[] {
  const t = ITEM_REVIEW_THRESHOLDS
  const flags: ItemReviewFlag[] = []
  if (item.p < t.veryHardP) flags.push('very-hard')
  if (item.p > t.veryEasyP) flags.push('very-easy')
  const r = item.correctedItemTotal
  if (r !== null && r < 0) flags.push('negative-discrimination')
  else if (r !== null && r < t.lowDiscrimination) flags.push('low-discrimination')
  if (distractors?.options.some((o) => !o.isKey && o.pointBiserial !== null && o.pointBiserial > t.miskeyDistractorPointBiserial)) flags.push('possible-miskey')
  return flags
}
