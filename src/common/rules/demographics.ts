// The voluntary demographic questions asked for fairness checks (differential item functioning), and
// the smallest group the statistics are ever computed on. Each question may be answered "prefer not
// to say", which leaves the candidate out of that question's comparisons.
export const PREFER_NOT = 'prefer_not'

export const DEMOGRAPHIC_QUESTIONS = {
  gender: { label: 'Gender', options: { woman: 'Woman', man: 'Man', another: 'Another gender', [PREFER_NOT]: 'Prefer not to say' } },
  ethnicity: {
    label: 'Race or ethnicity',
    options: {
      american_indian: 'American Indian or Alaska Native', asian: 'Asian', black: 'Black or African American', hispanic: 'Hispanic or Latino',
      pacific_islander: 'Native Hawaiian or Other Pacific Islander', white: 'White', multiple: 'Two or more', [PREFER_NOT]: 'Prefer not to say',
    },
  },
  ageBand: { label: 'Age band', options: { under_25: 'Under 25', '25_39': '25 to 39', '40_54': '40 to 54', '55_plus': '55 or older', [PREFER_NOT]: 'Prefer not to say' } },
  firstLanguage: { label: 'First language', options: { english: 'English', spanish: 'Spanish', other: 'Another language', [PREFER_NOT]: 'Prefer not to say' } },
} as const satisfies Record<string, { label: string; options: Record<string, string> }>

export type DemographicQuestion = keyof typeof DEMOGRAPHIC_QUESTIONS
export const DEMOGRAPHIC_QUESTION_CODES = Object.keys(DEMOGRAPHIC_QUESTIONS) as DemographicQuestion[]

/**
 * Each group compared (reference and focal) must have at least this many examinees who saw the item:
 * smaller groups give unstable Mantel–Haenszel estimates and could single people out.
 */
export const DIF_MIN_GROUP_SIZE = 100

/**
 * The comparisons for one question: the most common answer is the reference group, every other
 * answer a focal group; "prefer not to say" is never a group. Ties go to the answer listed first.
 */
export function difComparisons(question: DemographicQuestion, counts: ReadonlyMap<string, number>): { reference: string; focal: string }[] {
  const order = Object.keys(DEMOGRAPHIC_QUESTIONS[question].options).filter((o) => o !== PREFER_NOT && (counts.get(o) ?? 0) > 0)
  if (order.length < 2) return []
  const reference = order.reduce((best, o) => ((counts.get(o) ?? 0) > (counts.get(best) ?? 0) ? o : best), order[0]!)
  return order.filter((o) => o !== reference).map((focal) => ({ reference, focal }))
}

/** Whether both groups are large enough to compute DIF on. */
export const enoughForDif = (referenceCount: number, focalCount: number, minGroupSize = DIF_MIN_GROUP_SIZE): boolean =>
  referenceCount >= minGroupSize && focalCount >= minGroupSize
