// The modified-Angoff method (Angoff 1971, "Scales, norms and equivalent scores", in Thorndike (ed.),
// Educational Measurement, 2nd ed., p. 514–515; modified with iterative rounds and impact data between
// them, as in Cizek & Bunch 2007, "Standard Setting", ch. 6).
//
// Each panelist judges, for every item, the probability (0–100 %) that a minimally competent candidate
// answers it correctly. Then:
//   panelist cut  c_j = (1/k) Σ_i r_ij                       (mean of the panelist's k item ratings, in percent)
//   recommended   C   = (1/n) Σ_j c_j                        (mean across the n panelists)
//   spread        SD  = sqrt( Σ_j (c_j − C)² / (n − 1) )     (sample standard deviation across panelists)
//   standard error SE = SD / √n
// The SE needs two panelists at least, so a round opens only with two or more (MIN_PANELISTS).
// A round closes only when every panelist has rated every item (missingRatings is empty).

/** Rounds of a study: round 1 alone, then impact data, then round 2 to revise. */
export const ANGOFF_ROUNDS = 2
export const MIN_PANELISTS = 2

export const STUDY_STATUSES = ['draft', 'round1_open', 'round1_closed', 'round2_open', 'round2_closed', 'completed'] as const
export type StudyStatus = (typeof STUDY_STATUSES)[number]

/** The round open for ratings in a status, or null. */
export function openRound(status: StudyStatus): number | null {
  return status === 'round1_open' ? 1 : status === 'round2_open' ? 2 : null
}

/** The last round closed in a status (0 before any), whose results staff and panelists see as impact data. */
export function closedRounds(status: StudyStatus): number {
  return status === 'round1_closed' || status === 'round2_open' ? 1 : status === 'round2_closed' || status === 'completed' ? 2 : 0
}

/** The status after opening the next round, or null when no round may open now. */
export function statusAfterOpening(status: StudyStatus): StudyStatus | null {
  return status === 'draft' ? 'round1_open' : status === 'round1_closed' ? 'round2_open' : null
}

/** The status after closing the open round, or null when none is open. */
export function statusAfterClosing(status: StudyStatus): StudyStatus | null {
  return status === 'round1_open' ? 'round1_closed' : status === 'round2_open' ? 'round2_closed' : null
}

export const mean = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0) / values.length

/** Sample standard deviation (n − 1); null for fewer than two values. */
export function sampleSd(values: readonly number[]): number | null {
  if (values.length < 2) return null
  const m = mean(values)
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1))
}

/** A panelist's cut: the mean of their item ratings, in percent. */
export function panelistCut(ratings: readonly number[]): number {
  if (ratings.length === 0) throw new Error('A panelist cut needs at least one rating.')
  return mean(ratings)
}

export interface Recommendation {
  /** The recommended cut in percent (mean of the panelists' cuts). */
  cut: number
  /** SD across panelists; null with one panelist. */
  sd: number | null
  /** SD / √n; null with one panelist (no spread to estimate from). */
  se: number | null
  panelists: number
}

/** The recommended cut and its standard error across panelists, from each panelist's ratings. */
export function recommendedCut(ratingsByPanelist: readonly (readonly number[])[]): Recommendation {
  if (ratingsByPanelist.length === 0) throw new Error('A recommended cut needs at least one panelist.')
  const cuts = ratingsByPanelist.map(panelistCut)
  const sd = sampleSd(cuts)
  return { cut: mean(cuts), sd, se: sd === null ? null : sd / Math.sqrt(cuts.length), panelists: cuts.length }
}

/** The (panelist, item) pairs without a rating: a round cannot close while any is missing. */
export function missingRatings(panelistIds: readonly string[], itemIds: readonly string[], rated: ReadonlySet<string>): { panelistId: string; itemId: string }[] {
  return panelistIds.flatMap((panelistId) => itemIds.filter((itemId) => !rated.has(ratingKey(panelistId, itemId))).map((itemId) => ({ panelistId, itemId })))
}

export const ratingKey = (panelistId: string, itemId: string): string => `${panelistId}|${itemId}`

/** Percent of candidates whose score is at or above the cut (impact); null without any results. */
export function passRateAt(percents: readonly number[], cut: number): number | null {
  if (percents.length === 0) return null
  // Scores are stored as rounded percents; compare with a hair of tolerance so 75.0 passes a 75 cut.
  return (percents.filter((p) => p >= cut - 1e-9).length / percents.length) * 100
}

/** A rating is a whole percent from 0 to 100. */
export const isRating = (value: number): boolean => Number.isInteger(value) && value >= 0 && value <= 100

/** One decimal, for showing and storing cuts (the method's precision is far coarser). */
export const round1 = (value: number): number => Math.round(value * 10) / 10
export const round2 = (value: number): number => Math.round(value * 100) / 100
