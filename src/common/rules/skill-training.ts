// Skills training for a result: for each skill below standard, in the result's skill order, the
// program's training offerings that cover it (program.json `training`), in the order the program lists them.

export type TrainingKind = 'learning_lab' | 'practice_test' | 'course'

export interface TrainingOffering {
  kind: TrainingKind
  title: string
  description: string
  skills: readonly string[]
  url?: string | undefined
}

export interface TrainingRecommendation {
  skill: string
  kind: TrainingKind
  title: string
  description: string
  url?: string
}

export function trainingFor(
  skills: readonly { code: string; belowStandard: boolean }[],
  offerings: readonly TrainingOffering[],
): TrainingRecommendation[] {
  return skills
    .filter((s) => s.belowStandard)
    .flatMap((s) =>
      offerings
        .filter((o) => o.skills.includes(s.code))
        .map((o) => ({ skill: s.code, kind: o.kind, title: o.title, description: o.description, ...(o.url ? { url: o.url } : {}) })),
    )
}

/**
 * The recommendations of one result grouped by offering (same kind and title), in first-seen order,
 * each with the skills it was recommended for: one offering usually covers several skills.
 */
export function groupByOffering(training: readonly TrainingRecommendation[]): (Omit<TrainingRecommendation, 'skill'> & { skills: string[] })[] {
  const groups = new Map<string, Omit<TrainingRecommendation, 'skill'> & { skills: string[] }>()
  for (const { skill, ...offer } of training) {
    const key = `${offer.kind}|${offer.title}`
    const group = groups.get(key) ?? { ...offer, skills: [] }
    group.skills.push(skill)
    groups.set(key, group)
  }
  return [...groups.values()]
}
