// NCRC advice: a Silver National Career Readiness Certificate is strongly encouraged before MT1
// testing. The system advises and never blocks.

export interface NcrcAdvice {
  meetsRecommendation: boolean
  message: string | null
}

export function ncrcAdvice(
  level: string | null | undefined,
  levels: readonly string[],
  recommended: string,
): NcrcAdvice {
  const rank = level ? levels.indexOf(level) : -1
  if (rank >= 0 && rank >= levels.indexOf(recommended)) return { meetsRecommendation: true, message: null }
  const held = rank >= 0 ? `Your NCRC is ${level}. ` : 'You have not recorded a National Career Readiness Certificate. '
  return {
    meetsRecommendation: false,
    message: `${held}A ${recommended} NCRC or higher is strongly encouraged before MT1 testing. You may still register.`,
  }
}
