// When a drawn form counts as not comparable around the cut, and when its figures rest on too few
// candidates to read much into them: the named thresholds, so the job, the page and the report agree.

export const FORM_COMPARABILITY = {
  /**
   * A form whose borderline candidate's expected percent differs from the cut by more than this many
   * percentage points is flagged. Two points is under one item on a 36-item form (2.8 points each),
   * so a flag means the drawn items together moved the borderline candidate by about an item or more:
   * the size of difference that changes a pass/fail decision at the cut and that equating would fix.
   */
  tolerancePercentPoints: 2,
  /**
   * A calibration on fewer examinees than this gets a caveat: Rasch difficulties from ~100 examinees
   * are stable to about ±0.5 logit (Linacre, "Sample size and item calibration stability", 1994),
   * which moves an expected percent at the cut by more than the tolerance above.
   */
  fewExaminees: 100,
  /** A form delivered to fewer candidates than this is marked: it is rare, so its difference matters less in practice. */
  fewCandidatesPerForm: 10,
} as const

/** Whether an expected percent at the cut lies beyond the tolerance from the cut. */
export function beyondTolerance(expectedPercent: number, cutPercent: number, tolerance: number = FORM_COMPARABILITY.tolerancePercentPoints): boolean {
  // A hair of floating-point slack so that exactly 2.0 points is within tolerance.
  return Math.abs(expectedPercent - cutPercent) > tolerance + 1e-9
}
