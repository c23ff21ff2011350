// What each review flag means, in words staff read on the item's page, the review queue and the
// technical report; the numbers are the thresholds in item-review.ts, never restated.
import { ITEM_REVIEW_THRESHOLDS as T, type ItemReviewFlag } from './item-review.js'

export const FLAG_MEANINGS: Record<ItemReviewFlag, { label: string; meaning: string }> = {
  'very-hard': { label: 'Very hard', meaning: `Fewer than ${T.veryHardP * 100}% answer it correctly: check the key and the wording.` },
  'very-easy': { label: 'Very easy', meaning: `More than ${T.veryEasyP * 100}% answer it correctly: it hardly tells candidates apart.` },
  'low-discrimination': { label: 'Low discrimination', meaning: `Its correlation with the rest of the form is below ${T.lowDiscrimination}: strong and weak candidates do about as well on it.` },
  'negative-discrimination': { label: 'Negative discrimination', meaning: 'Weaker candidates do better on it than stronger ones: often a wrong key or an ambiguous item.' },
  'possible-miskey': { label: 'Possible miskey', meaning: 'A wrong option draws the stronger candidates: the key may be wrong. Correct the key to rescore.' },
}

export const DIF_CATEGORY_MEANINGS = {
  A: 'Negligible difference between groups of equal ability.',
  B: 'Moderate difference: review the item.',
  C: 'Large difference: review the item before using it again.',
} as const
