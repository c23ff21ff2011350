// The impartiality rule's reads (ISO/IEC 17024): these trainers' courses these learners took, with
// the meetings and attendance the rule weighs (common/rules/trainer-impartiality.ts), in the caller's
// transaction. Three indexed reads, whatever the number of learners.
import { impartialityConflicts, type TrainingRecord } from '../../../common/rules/trainer-impartiality.js'
import type { DbOrTx } from '../../db/database.js'
import type { ProgramService } from '../program/program.service.js'
import { trainingRecords } from './enrolments.repository.js'
import type { ImpartialityAnswer, ImpartialityQuestion } from './impartiality.js'

export function createImpartiality(deps: { program: ProgramService }) {
  return async function conflicts(within: DbOrTx, q: ImpartialityQuestion): Promise<ImpartialityAnswer> {
    const months = deps.program.definition.policies.trainerImpartialityMonths
    const { enrolments, meetings, attendance } = await trainingRecords(within, q.trainerIds, q.learnerIds)
    if (enrolments.length === 0) return { months, conflicts: [] }
    const present = new Set(attendance.filter((a) => a.present === 1).map((a) => `${a.enrolment_id} ${a.meeting_id}`))
    const records: TrainingRecord[] = enrolments.map((e) => ({
      trainerId: e.trainer_id, learnerId: e.learner_id!, completed: e.completion === 'completed',
      meetings: meetings.filter((m) => m.offering_id === e.offering_id).map((m) => ({ startsAt: m.starts_at, endsAt: m.ends_at, present: present.has(`${e.id} ${m.id}`) })),
    }))
    return { months, conflicts: impartialityConflicts(records, q.sessionStartsAt, months) }
  }
}
