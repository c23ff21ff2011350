// What a course's trainer and its center's administrators see of their learners in the Learning Lab
// (issue 13, item 5): mastery of the skills the course covers, the lessons of those skills finished,
// and when each learner last used the Lab. Read for a whole roster at once (three queries, whatever
// its size); the training module asks for it through this one function.
import type { LearnerProgressView } from '../../../common/schemas/practice.js'
import type { DbOrTx } from '../../db/database.js'
import type { LearningRecordsService } from '../learning-records/learning-records.service.js'
import type { MasteryService } from './mastery.service.js'

export type LearnerProgressReader = (within: DbOrTx, userIds: readonly string[], skills: readonly string[]) => Promise<Map<string, LearnerProgressView>>

export function createLearnerProgressReader(deps: {
  mastery: MasteryService; learningRecords: LearningRecordsService; lessonsOfSkill: (skill: string) => readonly { id: string }[]
}): LearnerProgressReader {
  return async (within, userIds, skills) => {
    if (userIds.length === 0) return new Map()
    const lessonIds = skills.flatMap((s) => deps.lessonsOfSkill(s).map((l) => l.id))
    const [mastery, activity] = await Promise.all([deps.mastery.ofMany(within, userIds, skills), deps.learningRecords.lessonActivityOf(userIds, within)])
    return new Map(userIds.map((id) => {
      const done = activity.get(id)?.completedLessons ?? new Set<string>()
      return [id, {
        skills: [...(mastery.get(id)?.values() ?? [])],
        lessonsCompleted: lessonIds.filter((l) => done.has(l)).length,
        lessonsTotal: lessonIds.length,
        lastActiveAt: activity.get(id)?.lastActiveAt ?? null,
      }]
    }))
  }
}
