// The pass rule: a module is passed at passPercent (75) or more, compared exactly in integers of
// points so that 74.99% never rounds up into a pass.

/** True when earned/possible is at least passPercent percent. Partial credit is allowed in `earned`. */
export function isPassingScore(earned: number, possible: number, passPercent: number): boolean {
  if (!(possible > 0) || !Number.isFinite(earned) || earned < 0 || earned > possible) return false
  return earned * 100 >= passPercent * possible
}

/**
 * The percent shown to people, truncated (never rounded up) to two decimals, so the number on a
 * score report never claims a pass the rule did not give.
 */
export function displayPercent(earned: number, possible: number): number {
  if (!(possible > 0)) return 0
  return Math.floor((earned * 10000) / possible) / 100
}

/**
 * A percent as people read it, on screens, in emails and in PDFs: at most two decimals, truncated,
 * never rounded up (74.999 is "74.99%", never "75%"), without trailing zeros ("75%", "70.83%").
 */
export function formatPercent(percent: number): string {
  if (!Number.isFinite(percent)) return '—'
  // The small epsilon keeps binary noise (70.83 stored as 70.8299999…) from truncating a digit away.
  const hundredths = Math.floor(percent * 100 + 1e-7)
  return `${hundredths / 100}%`
}
