// Registrations and the seats they hold. A seat is a counter (`test_sessions.seats_taken`) and a flag
// on the registration holding it (`holds_seat`); both change together, inside the registration's
// transaction, and only by conditional updates: a seat is taken only while one is free, and released
// only by the update that turns its registration's flag from 1 to 0, so it can never be released
// twice. Every write that is one step of a transition takes a Tx.
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely'
import { nextCounter } from '../../db/counters.js'
import type { DbOrTx, DialectName, Tx } from '../../db/database.js'
import type { RegistrationsTable, RegistrationStatus } from '../../db/schema.js'

export type RegistrationRow = Selectable<RegistrationsTable>
export const LIVE: RegistrationStatus[] = ['pending_payment', 'confirmed', 'waitlisted']

/**
 * Takes one seat if one is free. The condition is in the UPDATE itself, so concurrent requests (and
 * several server processes on PostgreSQL) can never take more seats than the session has.
 */
export async function takeSeat(trx: Tx, sessionId: string): Promise<boolean> {
  const result = await trx
    .updateTable('test_sessions')
    .set({ seats_taken: sql`seats_taken + 1` })
    .where('id', '=', sessionId)
    .where('status', 'in', ['scheduled', 'in_progress'])
    .where('seats_taken', '<', sql<number>`seats`)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Gives back the seat a registration holds, if it holds one: its flag goes from 1 to 0 (once, under
 * the registration's row lock) and only then the session's counter goes down. Returns whether it did.
 */
export async function releaseHeldSeat(trx: Tx, registration: { id: string; session_id: string }): Promise<boolean> {
  const flag = await trx.updateTable('registrations').set({ holds_seat: 0 }).where('id', '=', registration.id).where('holds_seat', '=', 1).executeTakeFirst()
  if (Number(flag.numUpdatedRows) !== 1) return false
  await trx.updateTable('test_sessions').set({ seats_taken: sql`seats_taken - 1` }).where('id', '=', registration.session_id).execute()
  return true
}

/**
 * Locks sessions' rows in id order (PostgreSQL; SQLite runs one transaction at a time), so a move
 * between two sessions never waits on another move going the other way while holding the first.
 */
export async function lockSessions(trx: Tx, sessionIds: readonly string[], dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres' || sessionIds.length === 0) return
  await trx.selectFrom('test_sessions').select('id').where('id', 'in', [...new Set(sessionIds)]).orderBy('id').forNoKeyUpdate().execute()
}

/** The next number of a counter; the row lock makes it strictly increasing across processes. */
export function nextQueueNumber(trx: Tx): Promise<number> {
  return nextCounter(trx, 'registration_queue')
}

export async function insertRegistration(trx: Tx, row: Insertable<RegistrationsTable>): Promise<void> {
  await trx.insertInto('registrations').values(row).execute()
}

/** Whether a confirmation number is already some registration's (the writer then draws another). */
export async function confirmationNumberTaken(db: DbOrTx, code: string): Promise<boolean> {
  return (await db.selectFrom('registrations').select('id').where('confirmation_number', '=', code).executeTakeFirst()) !== undefined
}

export async function findRegistration(db: DbOrTx, id: string): Promise<RegistrationRow | undefined> {
  return db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirst()
}

type Change = Omit<Updateable<RegistrationsTable>, 'id' | 'session_id' | 'candidate_id' | 'created_at' | 'holds_seat'>

/**
 * Changes a registration only if it is still in one of the expected statuses (on PostgreSQL the
 * update waits for a concurrent change of the row and then checks again); returns the changed row,
 * or nothing if it was no longer in them. `holds_seat` is not changed here: seats move only through
 * takeSeat/seatRegistration and releaseHeldSeat.
 */
export async function transition(trx: Tx, id: string, from: readonly RegistrationStatus[], change: Change): Promise<RegistrationRow | undefined> {
  return trx.updateTable('registrations').set(change).where('id', '=', id).where('status', 'in', from).returningAll().executeTakeFirst()
}

/** A waitlisted registration gets the seat its transaction has just taken. */
export async function seatRegistration(trx: Tx, id: string, change: Change): Promise<RegistrationRow | undefined> {
  return trx.updateTable('registrations').set({ ...change, holds_seat: 1 }).where('id', '=', id).where('status', '=', 'waitlisted').where('holds_seat', '=', 0)
    .returningAll().executeTakeFirst()
}

/** Ends a held, unpaid registration whose hold has passed (not one whose hold an invoice request lifted meanwhile). */
export async function expireHold(trx: Tx, id: string, now: string): Promise<RegistrationRow | undefined> {
  return trx.updateTable('registrations').set({ status: 'expired', hold_expires_at: null, updated_at: now })
    .where('id', '=', id).where('status', '=', 'pending_payment').where('hold_expires_at', 'is not', null).where('hold_expires_at', '<', now)
    .returningAll().executeTakeFirst()
}

/**
 * Records one reminder of a sitting (the policy entry `hoursBefore`), once: false when it was recorded
 * already (by another instance at the same moment, say), so only one of them sends it.
 */
export async function markReminded(db: DbOrTx, id: string, hoursBefore: number, at: string): Promise<boolean> {
  const result = await db.insertInto('session_reminders').values({ registration_id: id, hours_before: hoursBefore, sent_at: at })
    .onConflict((oc) => oc.columns(['registration_id', 'hours_before']).doNothing()).returning('registration_id').executeTakeFirst()
  return result !== undefined
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

/** Sessions with a free seat and someone waiting for one (a promotion a crash cut off). */
export async function sessionsToPromote(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectFrom('test_sessions')
    .select('test_sessions.id')
    .where('test_sessions.status', 'in', ['scheduled', 'in_progress'])
    .where('test_sessions.seats_taken', '<', sql<number>`test_sessions.seats`)
    .where((eb) => eb.exists(eb.selectFrom('registrations').select('registrations.id').whereRef('registrations.session_id', '=', 'test_sessions.id').where('registrations.status', '=', 'waitlisted')))
    .execute()
  return rows.map((r) => r.id)
}

export async function liveCandidateIds(db: DbOrTx, sessionId: string): Promise<string[]> {
  return (await db.selectFrom('registrations').select('candidate_id').where('session_id', '=', sessionId).where('status', 'in', ['pending_payment', 'confirmed']).execute()).map((r) => r.candidate_id)
}

/** A session's confirmed registrations (who sits it). */
export async function confirmedRegistrationsOfSession(db: DbOrTx, sessionId: string) {
  return db.selectFrom('registrations').select(['id', 'candidate_id', 'modules']).where('session_id', '=', sessionId).where('status', '=', 'confirmed').execute()
}

export async function liveRegistrationsOfSession(db: DbOrTx, sessionId: string) {
  return db.selectFrom('registrations').selectAll().where('session_id', '=', sessionId).where('status', 'in', LIVE).orderBy('queue_no').execute()
}

export async function registrationsOfCandidate(db: DbOrTx, candidateId: string) {
  return db
    .selectFrom('registrations')
    .innerJoin('test_sessions', 'test_sessions.id', 'registrations.session_id')
    .selectAll('registrations')
    .select(['test_sessions.starts_at', 'test_sessions.ends_at', 'test_sessions.center_id'])
    .where('registrations.candidate_id', '=', candidateId)
    .orderBy('test_sessions.starts_at', 'desc')
    .execute()
}

export async function expiredHolds(db: DbOrTx, now: string) {
  return db.selectFrom('registrations').select(['id', 'session_id']).where('status', '=', 'pending_payment').where('hold_expires_at', 'is not', null).where('hold_expires_at', '<', now).execute()
}

/** Confirmed sittings of scheduled sessions starting in (now, until], with the reminders each has had (hours before). */
export async function dueReminders(db: DbOrTx, now: string, until: string): Promise<{ id: string; starts_at: string; sent: number[] }[]> {
  const rows = await db
    .selectFrom('registrations')
    .innerJoin('test_sessions', 'test_sessions.id', 'registrations.session_id')
    .select(['registrations.id', 'test_sessions.starts_at'])
    .where('registrations.status', '=', 'confirmed')
    .where('test_sessions.status', '=', 'scheduled')
    .where('test_sessions.starts_at', '>', now)
    .where('test_sessions.starts_at', '<=', until)
    .execute()
  if (rows.length === 0) return []
  const sent = new Map<string, number[]>()
  const ids = rows.map((r) => r.id)
  for (let i = 0; i < ids.length; i += 500) {
    for (const s of await db.selectFrom('session_reminders').select(['registration_id', 'hours_before']).where('registration_id', 'in', ids.slice(i, i + 500)).execute()) {
      sent.set(s.registration_id, [...(sent.get(s.registration_id) ?? []), Number(s.hours_before)])
    }
  }
  return rows.map((r) => ({ id: r.id, starts_at: r.starts_at, sent: sent.get(r.id) ?? [] }))
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

/** A session's live registrations (the roster; the candidates' names come from the accounts module). */
export async function rosterOfSession(db: DbOrTx, sessionId: string) {
  return db
    .selectFrom('registrations')
    .select(['id', 'candidate_id', 'modules', 'status'])
    .where('session_id', '=', sessionId)
    .where('status', 'in', LIVE)
    .execute()
}

/**
 * Seats taken against seats held, per session: every session where the counter differs from the
 * registrations holding a seat (empty when the books balance). For tests and operators.
 */
export async function seatMismatches(db: DbOrTx): Promise<{ id: string; seats_taken: number; held: number }[]> {
  const rows = await db
    .selectFrom('test_sessions')
    .leftJoin('registrations', (j) => j.onRef('registrations.session_id', '=', 'test_sessions.id').on('registrations.holds_seat', '=', 1))
    .select((eb) => ['test_sessions.id', 'test_sessions.seats_taken', eb.fn.count<number>('registrations.id').as('held')])
    .groupBy(['test_sessions.id', 'test_sessions.seats_taken'])
    .execute()
  return rows.map((r) => ({ id: r.id, seats_taken: Number(r.seats_taken), held: Number(r.held) })).filter((r) => r.seats_taken !== r.held)
}

// ---- A person's record and the audit log's names for records (staff)

/** Every registration of a candidate with its session's times and status, newest session first. */
export async function registrationsOfCandidateWithSessions(db: DbOrTx, candidateId: string) {
  return db
    .selectFrom('registrations')
    .innerJoin('test_sessions', 'test_sessions.id', 'registrations.session_id')
    .selectAll('registrations')
    .select(['test_sessions.starts_at', 'test_sessions.ends_at', 'test_sessions.center_id', 'test_sessions.status as session_status'])
    .where('registrations.candidate_id', '=', candidateId)
    .orderBy('test_sessions.starts_at', 'desc')
    .execute()
}

/** Registrations by id with their session's start and center (one page of the audit log at most). */
export async function registrationsWithSessions(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('registrations')
    .innerJoin('test_sessions', 'test_sessions.id', 'registrations.session_id')
    .select(['registrations.id', 'registrations.candidate_id', 'registrations.session_id', 'test_sessions.starts_at', 'test_sessions.center_id'])
    .where('registrations.id', 'in', [...new Set(ids)])
    .execute()
}
