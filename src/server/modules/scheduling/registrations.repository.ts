import { sql } from 'kysely'
import { nextCounter } from '../../db/counters.js'
import type { DbOrTx } from '../../db/database.js'
import type { RegistrationsTable, RegistrationStatus } from '../../db/schema.js'

const LIVE: RegistrationStatus[] = ['pending_payment', 'confirmed', 'waitlisted']

/**
 * Takes one seat if one is free. The condition is in the UPDATE itself, so concurrent requests (and
 * several server processes on PostgreSQL) can never take more seats than the session has.
 */
export async function takeSeat(db: DbOrTx, sessionId: string): Promise<boolean> {
  const result = await db
    .updateTable('test_sessions')
    .set({ seats_taken: sql`seats_taken + 1` })
    .where('id', '=', sessionId)
    .where('status', 'in', ['scheduled', 'in_progress'])
    .where('seats_taken', '<', sql<number>`seats`)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function releaseSeat(db: DbOrTx, sessionId: string): Promise<void> {
  await db.updateTable('test_sessions').set({ seats_taken: sql`seats_taken - 1` }).where('id', '=', sessionId).where('seats_taken', '>', 0).execute()
}

/** The next number of a counter; the row lock makes it strictly increasing across processes. */
export function nextQueueNumber(db: DbOrTx): Promise<number> {
  return nextCounter(db, 'registration_queue')
}

export async function insertRegistration(db: DbOrTx, row: RegistrationsTable): Promise<void> {
  await db.insertInto('registrations').values(row).execute()
}

export async function findRegistration(db: DbOrTx, id: string) {
  return db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Changes a registration only if it is still in the expected status; returns whether it did. */
export async function transition(
  db: DbOrTx,
  id: string,
  from: RegistrationStatus[],
  change: Partial<Omit<RegistrationsTable, 'id' | 'session_id' | 'candidate_id' | 'created_at'>>,
): Promise<boolean> {
  const result = await db.updateTable('registrations').set(change).where('id', '=', id).where('status', 'in', from).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function liveRegistrationFor(db: DbOrTx, sessionId: string, candidateId: string) {
  return db.selectFrom('registrations').selectAll().where('session_id', '=', sessionId).where('candidate_id', '=', candidateId).where('status', 'in', LIVE).executeTakeFirst()
}

export async function oldestWaitlisted(db: DbOrTx, sessionId: string) {
  return db
    .selectFrom('registrations')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('status', '=', 'waitlisted')
    .orderBy('queue_no')
    .limit(1)
    .executeTakeFirst()
}

export async function liveCandidateIds(db: DbOrTx, sessionId: string): Promise<string[]> {
  return (await db.selectFrom('registrations').select('candidate_id').where('session_id', '=', sessionId).where('status', 'in', ['pending_payment', 'confirmed']).execute()).map((r) => r.candidate_id)
}

export async function liveRegistrationsOfSession(db: DbOrTx, sessionId: string) {
  return db.selectFrom('registrations').selectAll().where('session_id', '=', sessionId).where('status', 'in', LIVE).orderBy('queue_no').execute()
}

export async function registrationsOfCandidate(db: DbOrTx, candidateId: string) {
  return db
    .selectFrom('registrations')
    .innerJoin('test_sessions', 'test_sessions.id', 'registrations.session_id')
    .innerJoin('centers', 'centers.id', 'test_sessions.center_id')
    .selectAll('registrations')
    .select(['test_sessions.starts_at', 'test_sessions.ends_at', 'centers.name as center_name', 'centers.city', 'centers.state'])
    .where('registrations.candidate_id', '=', candidateId)
    .orderBy('test_sessions.starts_at', 'desc')
    .execute()
}

export async function expiredHolds(db: DbOrTx, now: string) {
  return db.selectFrom('registrations').select(['id', 'session_id']).where('status', '=', 'pending_payment').where('hold_expires_at', 'is not', null).where('hold_expires_at', '<', now).execute()
}

export async function dueReminders(db: DbOrTx, now: string, until: string) {
  return db
    .selectFrom('registrations')
    .innerJoin('test_sessions', 'test_sessions.id', 'registrations.session_id')
    .select(['registrations.id'])
    .where('registrations.status', '=', 'confirmed')
    .where('registrations.reminder_sent_at', 'is', null)
    .where('test_sessions.status', '=', 'scheduled')
    .where('test_sessions.starts_at', '>', now)
    .where('test_sessions.starts_at', '<=', until)
    .execute()
}

export async function waitlistPosition(db: DbOrTx, sessionId: string, queueNo: number): Promise<number> {
  const row = await db
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .where('status', '=', 'waitlisted')
    .where('queue_no', '<=', queueNo)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The candidate's live registrations with their sessions: the bookings the module rules read. */
export async function liveBookingsOf(db: DbOrTx, candidateId: string) {
  return db
    .selectFrom('registrations')
    .innerJoin('test_sessions', 'test_sessions.id', 'registrations.session_id')
    .select(['registrations.id', 'registrations.session_id', 'registrations.modules', 'registrations.status', 'test_sessions.starts_at', 'test_sessions.ends_at', 'test_sessions.status as session_status'])
    .where('registrations.candidate_id', '=', candidateId)
    .where('registrations.status', 'in', LIVE)
    .execute()
}

/** A session as the eligibility question needs it: its start, modules, status and kind of center. */
export async function sessionForEligibility(db: DbOrTx, sessionId: string) {
  return db
    .selectFrom('test_sessions')
    .innerJoin('centers', 'centers.id', 'test_sessions.center_id')
    .select(['test_sessions.id', 'test_sessions.starts_at', 'test_sessions.modules', 'test_sessions.status', 'centers.kind as center_kind'])
    .where('test_sessions.id', '=', sessionId)
    .executeTakeFirst()
}
