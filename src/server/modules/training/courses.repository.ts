// SQL of course offerings and their meetings (issue 13). Seats are a counter moved only by
// conditional updates (`seats_taken + n <= seats`), as a session's are, so they are never oversold.
import { sql } from 'kysely'
import type { DbOrTx, Tx } from '../../db/database.js'
import { pastCursor, type CursorKey } from '../../db/pagination.js'
import type { CourseMeetingsTable, CourseOfferingsTable, CourseStatus } from '../../db/schema.js'

export type OfferingRow = Omit<CourseOfferingsTable, 'seats_taken'> & { seats_taken: number }

export async function insertOffering(trx: Tx, row: Omit<CourseOfferingsTable, 'seats_taken'>): Promise<void> {
  await trx.insertInto('course_offerings').values(row).execute()
}

export async function insertMeetings(trx: Tx, rows: CourseMeetingsTable[]): Promise<void> {
  if (rows.length) await trx.insertInto('course_meetings').values(rows).execute()
}

/** Replaces an offering's meetings (the caller checked no attendance was recorded). */
export async function replaceMeetings(trx: Tx, offeringId: string, rows: CourseMeetingsTable[]): Promise<void> {
  await trx.deleteFrom('course_meetings').where('offering_id', '=', offeringId).execute()
  await insertMeetings(trx, rows)
}

export async function findOffering(db: DbOrTx, id: string): Promise<OfferingRow | undefined> {
  const row = await db.selectFrom('course_offerings').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? { ...row, seats_taken: Number(row.seats_taken) } : undefined
}

export async function findOfferings(db: DbOrTx, ids: readonly string[]): Promise<OfferingRow[]> {
  if (ids.length === 0) return []
  return (await db.selectFrom('course_offerings').selectAll().where('id', 'in', [...new Set(ids)]).execute()).map((r) => ({ ...r, seats_taken: Number(r.seats_taken) }))
}

/** The meetings of these offerings, in time order. */
export async function meetingsOf(db: DbOrTx, offeringIds: readonly string[]): Promise<CourseMeetingsTable[]> {
  if (offeringIds.length === 0) return []
  return db.selectFrom('course_meetings').selectAll().where('offering_id', 'in', [...new Set(offeringIds)]).orderBy('starts_at').orderBy('id').execute()
}

/** Changes a scheduled offering; undefined when it is no longer scheduled (cancelled or completed meanwhile). */
export async function reviseScheduledOffering(trx: Tx, id: string, change: Partial<Omit<CourseOfferingsTable, 'id' | 'seats_taken'>>) {
  return trx.updateTable('course_offerings').set(change).where('id', '=', id).where('status', '=', 'scheduled').returningAll().executeTakeFirst()
}

/** Shrinks or grows the seats, never below those taken. */
export async function setSeats(trx: Tx, id: string, seats: number, at: string): Promise<boolean> {
  const result = await trx.updateTable('course_offerings').set({ seats, updated_at: at }).where('id', '=', id).where('status', '=', 'scheduled')
    .where('seats_taken', '<=', seats).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Moves a scheduled offering to cancelled or completed; false when it was no longer scheduled. */
export async function closeOffering(trx: Tx, id: string, status: Exclude<CourseStatus, 'scheduled'>, at: string, reason: string | null): Promise<boolean> {
  const result = await trx.updateTable('course_offerings').set({ status, cancel_reason: reason, updated_at: at }).where('id', '=', id).where('status', '=', 'scheduled').executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Takes `n` seats of a scheduled offering at once, or none: the row's own check keeps it exact under any concurrency. */
export async function takeSeats(trx: Tx, id: string, n: number): Promise<boolean> {
  const result = await trx.updateTable('course_offerings').set({ seats_taken: sql`seats_taken + ${n}` })
    .where('id', '=', id).where('status', '=', 'scheduled').where(sql<boolean>`seats_taken + ${n} <= seats`).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function releaseSeat(trx: Tx, id: string): Promise<void> {
  await trx.updateTable('course_offerings').set({ seats_taken: sql`seats_taken - 1` }).where('id', '=', id).where('seats_taken', '>', 0).execute()
}

export interface FinderFilter {
  state?: string | undefined
  module?: string | undefined
  skill?: string | undefined
  /** Centers whose courses are public now (certified, not lapsed). */
  centerIds: readonly string[]
  /** An employer looking: its own onsite courses are listed too (it fills them by sponsoring). */
  employerId?: string | undefined
  now: string
  after?: CursorKey | undefined
  limit: number
}

/** Public courses still to run (or running), soonest first: scheduled, at a public center, not onsite (an employer's own onsite ones for it). */
/** Scheduled courses that have not ended yet, with their trainer and last meeting's end (the certification watch). */
export async function scheduledCoursesEndingAfter(db: DbOrTx, at: string) {
  return db.selectFrom('course_offerings').select(['id', 'trainer_id', 'last_ends_at'])
    .where('status', '=', 'scheduled').where('last_ends_at', '>', at).execute()
}

export async function listPublicOfferings(db: DbOrTx, f: FinderFilter): Promise<OfferingRow[]> {
  if (f.centerIds.length === 0 && !f.employerId) return []
  const centerIds = [...f.centerIds]
  let query = db.selectFrom('course_offerings').selectAll()
    .where('status', '=', 'scheduled').where('last_ends_at', '>', f.now)
    .where((eb) => eb.or([
      ...(centerIds.length ? [eb.and([eb('employer_id', 'is', null), eb('center_id', 'in', centerIds)])] : []),
      ...(f.employerId ? [eb('employer_id', '=', f.employerId)] : []),
    ]))
  if (f.state) query = query.where('state', '=', f.state.toUpperCase())
  if (f.module) query = query.where('module', '=', f.module)
  // Skills are a JSON array of codes: a code in quotes matches exactly that code.
  if (f.skill) query = query.where('skills', 'like', `%"${f.skill}"%`)
  if (f.after) query = query.where(pastCursor('first_starts_at', 'id', f.after, 'asc'))
  const rows = await query.orderBy('first_starts_at').orderBy('id').limit(f.limit + 1).execute()
  return rows.map((r) => ({ ...r, seats_taken: Number(r.seats_taken) }))
}

/** Offerings for the people who run them: every one (staff), a trainer's, or those of some centers; newest schedule first, bounded. */
export async function managedOfferings(db: DbOrTx, scope: { all: true } | { trainerId: string } | { centerIds: readonly string[] }, limit = 500): Promise<OfferingRow[]> {
  let query = db.selectFrom('course_offerings').selectAll()
  if ('trainerId' in scope) query = query.where('trainer_id', '=', scope.trainerId)
  else if ('centerIds' in scope) {
    if (scope.centerIds.length === 0) return []
    query = query.where('center_id', 'in', [...scope.centerIds])
  }
  const rows = await query.orderBy('first_starts_at', 'desc').orderBy('id').limit(limit).execute()
  return rows.map((r) => ({ ...r, seats_taken: Number(r.seats_taken) }))
}
