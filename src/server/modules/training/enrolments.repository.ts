// SQL of training enrolments and course attendance (issue 13). An enrolment changes state only by
// conditional updates on its status, so two requests racing on one enrolment cannot both win; partial
// unique indexes keep one live enrolment per learner and subject, and one open sponsored seat per
// invited address and subject.
import type { DbOrTx, Tx } from '../../db/database.js'
import type { EnrolmentStatus, TrainingEnrolmentsTable } from '../../db/schema.js'

export type EnrolmentRow = TrainingEnrolmentsTable
export const LIVE_ENROLMENT: readonly EnrolmentStatus[] = ['invited', 'pending_payment', 'confirmed']

export async function insertEnrolments(trx: Tx, rows: EnrolmentRow[]): Promise<void> {
  if (rows.length) await trx.insertInto('training_enrolments').values(rows).execute()
}

export async function findEnrolment(db: DbOrTx, id: string): Promise<EnrolmentRow | undefined> {
  return db.selectFrom('training_enrolments').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findEnrolmentByTokenHash(db: DbOrTx, hash: string): Promise<EnrolmentRow | undefined> {
  return db.selectFrom('training_enrolments').selectAll().where('invitation_token_hash', '=', hash).executeTakeFirst()
}

/** The learner's live enrolment in a subject, if any. */
export async function liveEnrolmentFor(db: DbOrTx, learnerId: string, subject: string): Promise<EnrolmentRow | undefined> {
  return db.selectFrom('training_enrolments').selectAll().where('learner_id', '=', learnerId).where('subject', '=', subject).where('status', 'in', LIVE_ENROLMENT).executeTakeFirst()
}

/** Open sponsored seats of a subject already sent to one of these addresses. */
export async function invitedAmong(db: DbOrTx, subject: string, emails: readonly string[]) {
  if (emails.length === 0) return []
  return db.selectFrom('training_enrolments').select(['invitee_email']).where('subject', '=', subject).where('status', '=', 'invited').where('invitee_email', 'in', [...emails]).execute()
}

export async function transitionEnrolment(trx: Tx, id: string, from: readonly EnrolmentStatus[], change: Partial<EnrolmentRow>): Promise<EnrolmentRow | undefined> {
  return trx.updateTable('training_enrolments').set(change).where('id', '=', id).where('status', 'in', from).returningAll().executeTakeFirst()
}

/** Clears the seat flag once; true when this call released it (the caller gives the seat back). */
export async function dropSeatFlag(trx: Tx, id: string): Promise<boolean> {
  const result = await trx.updateTable('training_enrolments').set({ holds_seat: 0 }).where('id', '=', id).where('holds_seat', '=', 1).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function setCompletion(trx: Tx, id: string, change: Pick<EnrolmentRow, 'completion' | 'completion_note' | 'completion_at' | 'completion_by' | 'updated_at'>) {
  return trx.updateTable('training_enrolments').set(change).where('id', '=', id).where('status', '=', 'confirmed').returningAll().executeTakeFirst()
}

export async function enrolmentsOfOffering(db: DbOrTx, offeringId: string, statuses: readonly EnrolmentStatus[] = LIVE_ENROLMENT): Promise<EnrolmentRow[]> {
  return db.selectFrom('training_enrolments').selectAll().where('offering_id', '=', offeringId).where('status', 'in', statuses).orderBy('created_at').orderBy('id').execute()
}

export async function enrolmentsOfLearner(db: DbOrTx, learnerId: string): Promise<EnrolmentRow[]> {
  return db.selectFrom('training_enrolments').selectAll().where('learner_id', '=', learnerId).orderBy('created_at', 'desc').orderBy('id').limit(500).execute()
}

/** Seats an employer sponsored (every sponsored seat for staff), newest first, bounded. */
export async function sponsoredEnrolments(db: DbOrTx, sponsorId: string | null): Promise<EnrolmentRow[]> {
  let query = db.selectFrom('training_enrolments').selectAll()
  query = sponsorId === null ? query.where('sponsor_id', 'is not', null) : query.where('sponsor_id', '=', sponsorId)
  return query.orderBy('created_at', 'desc').orderBy('id').limit(1000).execute()
}

/** Live enrolments and open sponsored seats per offering. */
export async function countsByOffering(db: DbOrTx, offeringIds: readonly string[]): Promise<Map<string, { enrolled: number; invited: number }>> {
  const out = new Map<string, { enrolled: number; invited: number }>()
  if (offeringIds.length === 0) return out
  const rows = await db.selectFrom('training_enrolments').select(['offering_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('offering_id', 'in', [...new Set(offeringIds)]).where('status', 'in', LIVE_ENROLMENT).groupBy(['offering_id', 'status']).execute()
  for (const r of rows) {
    const c = out.get(r.offering_id!) ?? { enrolled: 0, invited: 0 }
    if (r.status === 'invited') c.invited += Number(r.n)
    else c.enrolled += Number(r.n)
    out.set(r.offering_id!, c)
  }
  return out
}

// ---- Attendance

/** The recorded attendance of these enrolments. */
export async function attendanceOf(db: DbOrTx, enrolmentIds: readonly string[]) {
  if (enrolmentIds.length === 0) return []
  return db.selectFrom('course_attendance').selectAll().where('enrolment_id', 'in', [...new Set(enrolmentIds)]).execute()
}

/** Whether any attendance was recorded at a meeting of the offering (its trainer and meetings are then fixed). */
export async function offeringHasAttendance(db: DbOrTx, offeringId: string): Promise<boolean> {
  const row = await db.selectFrom('course_attendance').innerJoin('course_meetings', 'course_meetings.id', 'course_attendance.meeting_id')
    .select('course_attendance.meeting_id').where('course_meetings.offering_id', '=', offeringId).limit(1).executeTakeFirst()
  return row !== undefined
}

export async function upsertAttendance(trx: Tx, row: { meeting_id: string; enrolment_id: string; present: number; recorded_at: string; recorded_by: string }): Promise<void> {
  await trx.insertInto('course_attendance').values(row)
    .onConflict((oc) => oc.columns(['meeting_id', 'enrolment_id']).doUpdateSet({ present: row.present, recorded_at: row.recorded_at, recorded_by: row.recorded_by }))
    .execute()
}

/** The attendance already recorded at one meeting (to tell a new "present" from a repeated one). */
export async function attendanceAtMeeting(trx: DbOrTx, meetingId: string) {
  return trx.selectFrom('course_attendance').select(['enrolment_id', 'present']).where('meeting_id', '=', meetingId).execute()
}

// ---- Impartiality and organisations

/**
 * What the impartiality rule needs about these learners' enrolments with these trainers, whatever
 * their status (a course attended and then cancelled still trained): each enrolment with its
 * offering's trainer, its completion, the offering's meetings and the learner's attendance.
 */
export async function trainingRecords(db: DbOrTx, trainerIds: readonly string[], learnerIds: readonly string[]) {
  if (trainerIds.length === 0 || learnerIds.length === 0) return { enrolments: [], meetings: [], attendance: [] }
  const enrolments = await db.selectFrom('training_enrolments').innerJoin('course_offerings', 'course_offerings.id', 'training_enrolments.offering_id')
    .select(['training_enrolments.id', 'training_enrolments.learner_id', 'training_enrolments.completion', 'training_enrolments.offering_id', 'course_offerings.trainer_id'])
    .where('course_offerings.trainer_id', 'in', [...new Set(trainerIds)]).where('training_enrolments.learner_id', 'in', [...new Set(learnerIds)]).execute()
  if (enrolments.length === 0) return { enrolments, meetings: [], attendance: [] }
  const [meetings, attendance] = await Promise.all([
    db.selectFrom('course_meetings').selectAll().where('offering_id', 'in', [...new Set(enrolments.map((e) => e.offering_id!))]).execute(),
    db.selectFrom('course_attendance').select(['enrolment_id', 'meeting_id', 'present']).where('enrolment_id', 'in', enrolments.map((e) => e.id)).execute(),
  ])
  return { enrolments, meetings, attendance }
}

/** The centers whose courses a learner is enrolled in, and the employers who sponsor their seats. */
export async function organisationsOfLearner(db: DbOrTx, learnerId: string) {
  const [centers, sponsors] = await Promise.all([
    db.selectFrom('training_enrolments').innerJoin('course_offerings', 'course_offerings.id', 'training_enrolments.offering_id')
      .select('course_offerings.center_id').distinct()
      .where('training_enrolments.learner_id', '=', learnerId).where('training_enrolments.status', 'in', ['pending_payment', 'confirmed']).where('course_offerings.center_id', 'is not', null).execute(),
    db.selectFrom('training_enrolments').select('sponsor_id').distinct()
      .where('learner_id', '=', learnerId).where('status', 'in', ['pending_payment', 'confirmed']).where('sponsor_id', 'is not', null).execute(),
  ])
  return { centers: centers.map((c) => c.center_id!).sort(), employers: sponsors.map((s) => s.sponsor_id!).sort() }
}

/** issue 14: the seats an organisation sponsored, newest first. */
export async function enrolmentsOfOrganisation(db: DbOrTx, organisationId: string): Promise<EnrolmentRow[]> {
  return db.selectFrom('training_enrolments').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at', 'desc').orderBy('id').execute()
}

/** issue 14: organisation-sponsored seats a person took, or that wait for their address. */
export async function organisationSeatsFor(db: DbOrTx, userId: string, email: string): Promise<EnrolmentRow[]> {
  return db.selectFrom('training_enrolments').selectAll().where('organisation_id', 'is not', null)
    .where((eb) => eb.or([eb('learner_id', '=', userId), eb.and([eb('invitee_email', '=', email), eb('status', '=', 'invited')])]))
    .orderBy('created_at', 'desc').orderBy('id').execute()
}
