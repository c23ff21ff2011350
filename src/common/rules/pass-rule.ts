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
