// Scheduling sessions: a center's administrators (or program staff) create and edit them (cancelling
// is session-cancellation.ts).
// Every proctor assignment goes through the proctors service's eligibility check and the overlap
// rule (a proctor is in one session at a time); a session ends by its center's certification end.
import { DEFAULT_TIME_ZONE } from '../../../common/time-zones.js'
import { centerCertificationCovers, sessionTimesProblem, sessionsOverlap } from '../../../common/rules/session-schedule.js'
import type { ServerContext } from '../../context.js'
import type { Tx } from '../../db/database.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { hasRole, requireRole, type Actor } from '../accounts/actor.js'
import type { AuditService } from '../audit/audit.service.js'
import type { ProctorsService } from '../centers/proctors.service.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { RegistrationsService } from './registrations.service.js'
import type { TrainingConflicts } from '../training/impartiality.js'
import {
  closeSessionRow, findSession, insertTestSession, overlappingSessionsOf, proctorsOfSession, replaceSessionProctors, reviseOpenSession, sessionsOfStaffMember,
} from './sessions.repository.js'

export interface SessionInput {
  centerId: string
  startsAt: string
  endsAt: string
  seats: number
  modules: string[]
  proctorIds: string[]
  /** An employer's onsite event held at a certified center: private, organised by this employer. */
  privateEmployerId?: string | undefined
}

export function createSessionAdminService(
  ctx: ServerContext,
  deps: {
    audit: AuditService; proctors: ProctorsService; program: ProgramService; registrations: RegistrationsService; centers: CenterDirectory
    /** issue 13: which proctors trained which registered candidates within the impartiality period (the training module). */
    impartiality: TrainingConflicts
  },
) {
  const { db } = ctx

  async function requireCenterRight(actor: Actor | null, centerId: string) {
    const who = requireRole(actor, 'center_admin', 'program_staff')
    if (!hasRole(who, 'program_staff') && !(await deps.centers.isMember(centerId, who.userId))) {
      throw new AppError('FORBIDDEN', 'Only this center\'s administrators and program staff manage its sessions.')
    }
    return who
  }

  function checkShape(input: Pick<SessionInput, 'startsAt' | 'endsAt' | 'modules'>) {
    const problem = sessionTimesProblem(input, ctx.clock())
    if (problem) throw new AppError('VALIDATION', problem)
    const unknown = input.modules.filter((m) => !deps.program.module(m))
    if (unknown.length) throw new AppError('VALIDATION', `No such module: ${unknown.join(', ')}.`)
  }

  function checkCenterCertification(certifiedUntil: string | null, endsAt: string) {
    if (!centerCertificationCovers(certifiedUntil, new Date(endsAt).toISOString())) {
      throw new AppError('CENTER_CERTIFICATION_ENDS', `The center's certification ends ${certifiedUntil}: a session must end by then.`, { certifiedUntil })
    }
  }

  /**
   * Locks the proctors' certification rows, checks their eligibility, and refuses a proctor who is on
   * another session (not cancelled, at any center) at an overlapping time. Runs inside the caller's
   * transaction before it writes, so on PostgreSQL two assignments of one proctor at once are
   * serialized by the lock and the second sees the first (SQLite runs one transaction at a time).
   */
  async function assertProctorsCanRun(
    trx: Tx,
    input: { proctorIds: readonly string[]; startsAt: string; endsAt: string; seats: number; candidateIds: readonly string[] },
    excludeSessionId?: string,
  ) {
    await deps.proctors.lockForAssignment(trx, input.proctorIds)
    await deps.proctors.assertAssignable(trx, input)
    const range = { startsAt: new Date(input.startsAt).toISOString(), endsAt: new Date(input.endsAt).toISOString() }
    const clashes = (await overlappingSessionsOf(trx, input.proctorIds, range, excludeSessionId))
      .filter((s) => sessionsOverlap(range, { startsAt: s.starts_at, endsAt: s.ends_at }))
    if (clashes.length > 0) {
      const first = clashes[0]!
      throw new AppError('PROCTOR_UNAVAILABLE', `A proctor is assigned to another session at that time (session ${first.id}, ${first.starts_at} to ${first.ends_at}).`, {
        proctorId: first.proctor_id, sessionId: first.id,
        clashes: clashes.map((c) => ({ proctorId: c.proctor_id, sessionId: c.id, startsAt: c.starts_at, endsAt: c.ends_at })),
      })
    }
  }

  /**
   * Refuses proctors who trained a registered candidate within the program's period before the
   * session: how many candidates conflict is said to anyone, which ones only to staff.
   */
  async function assertImpartial(trx: Tx, who: Actor, input: { proctorIds: readonly string[]; startsAt: string; candidateIds: readonly string[] }) {
    const { months, conflicts } = await deps.impartiality(trx, { trainerIds: input.proctorIds, learnerIds: input.candidateIds, sessionStartsAt: new Date(input.startsAt).toISOString() })
    if (conflicts.length === 0) return
    const candidates = [...new Set(conflicts.map((c) => c.learnerId))]
    const proctorIds = [...new Set(conflicts.map((c) => c.trainerId))]
    const n = candidates.length
    throw new AppError('TRAINER_IMPARTIALITY',
      `${n} registered candidate${n === 1 ? ' was' : 's were'} trained by ${proctorIds.length === 1 ? 'a proctor' : 'proctors'} you assigned within the ${months} months before this session, so ${proctorIds.length === 1 ? 'that proctor' : 'those proctors'} may not proctor it (ISO/IEC 17024 impartiality). Assign another certified proctor.`,
      { conflicts: n, proctorIds, ...(hasRole(who, 'program_staff') ? { candidateIds: candidates } : {}) })
  }

  /**
   * Checks a new session against its center and its proctors and writes it with its audit entry, in
   * the caller's transaction; the caller has checked the actor's right to the center. Returns its id.
   */
  async function createIn(trx: Tx, actorId: string, input: SessionInput, center: { status: string; certified_until: string | null }): Promise<string> {
    if (center.status !== 'certified') throw new AppError('RULE_VIOLATION', 'Only a certified center can schedule sessions.')
    checkShape(input)
    if (Date.parse(input.startsAt) <= ctx.clock().getTime()) throw new AppError('VALIDATION', 'A new session must start in the future.')
    checkCenterCertification(center.certified_until, input.endsAt)
    const id = newId()
    await assertProctorsCanRun(trx, { proctorIds: input.proctorIds, startsAt: input.startsAt, endsAt: input.endsAt, seats: input.seats, candidateIds: [] })
    await insertTestSession(trx, {
      id, center_id: input.centerId, starts_at: new Date(input.startsAt).toISOString(), ends_at: new Date(input.endsAt).toISOString(),
      seats: input.seats, modules: JSON.stringify([...new Set(input.modules)]), status: 'scheduled', created_at: ctx.clock().toISOString(), created_by: actorId,
      private_employer_id: input.privateEmployerId ?? null,
    }, [...new Set(input.proctorIds)])
    await deps.audit.record(trx, { actorId, action: 'session.created', entityType: 'session', entityId: id, details: { ...input } })
    return id
  }

  const dto = async (id: string) => {
    const s = await findSession(db, id)
    if (!s) throw notFound('The session')
    return {
      id: s.id, centerId: s.center_id, startsAt: s.starts_at, endsAt: s.ends_at, seats: s.seats, seatsAvailable: s.seats - Number(s.seats_taken),
      modules: JSON.parse(s.modules) as string[], status: s.status, proctorIds: await proctorsOfSession(db, id), cancelReason: s.cancel_reason,
      timeZone: (await deps.centers.find(s.center_id))?.time_zone ?? DEFAULT_TIME_ZONE,
    }
  }

  return {
    get: dto,

    async create(actor: Actor | null, input: SessionInput) {
      const who = await requireCenterRight(actor, input.centerId)
      const center = await deps.centers.find(input.centerId)
      if (!center) throw notFound('The center')
      return dto(await inTransaction(db, (trx) => createIn(trx, who.userId, input, center)))
    },

    /** A new session written in the caller's transaction (an onsite approval creates its center in the same one). */
    createIn,

    async update(actor: Actor | null, id: string, change: Partial<Omit<SessionInput, 'centerId'>>) {
      const session = await findSession(db, id)
      if (!session) throw notFound('The session')
      const who = await requireCenterRight(actor, session.center_id)
      if (session.status === 'cancelled' || session.status === 'closed') throw new AppError('SESSION_CLOSED', `The session is ${session.status}.`)
      const next = {
        startsAt: change.startsAt ?? session.starts_at, endsAt: change.endsAt ?? session.ends_at, seats: change.seats ?? session.seats,
        modules: change.modules ?? (JSON.parse(session.modules) as string[]), proctorIds: change.proctorIds ?? (await proctorsOfSession(db, id)),
      }
      checkShape(next)
      if (next.seats < Number(session.seats_taken)) throw new AppError('RULE_VIOLATION', `${session.seats_taken} seats are taken; the session cannot shrink below that.`)
      // A change that moves neither the times nor the proctors cannot make a clash or outlast a certification.
      const movesOrRestaffs = change.startsAt !== undefined || change.endsAt !== undefined || change.proctorIds !== undefined
      if (change.endsAt !== undefined) checkCenterCertification((await deps.centers.find(session.center_id))!.certified_until, next.endsAt)
      await inTransaction(db, async (trx) => {
        const candidates = await deps.registrations.liveCandidateIds(trx, id)
        const staffing = { proctorIds: next.proctorIds, startsAt: next.startsAt, endsAt: next.endsAt, seats: next.seats, candidateIds: candidates }
        if (movesOrRestaffs) await assertProctorsCanRun(trx, staffing, id)
        else await deps.proctors.assertAssignable(trx, staffing)
        // issue 13, ISO/IEC 17024: checked when the proctors or the times change (the period runs back
        // from the start); a registration into a staffed session is checked by the registration.
        if (movesOrRestaffs) await assertImpartial(trx, who, staffing)
        // The checks above read the session before the transaction; the update re-checks them on the row.
        const revised = await reviseOpenSession(trx, id, {
          starts_at: new Date(next.startsAt).toISOString(), ends_at: new Date(next.endsAt).toISOString(), seats: next.seats, modules: JSON.stringify([...new Set(next.modules)]),
        })
        if (!revised) {
          const now = await findSession(trx, id)
          if (now && (now.status === 'cancelled' || now.status === 'closed')) throw new AppError('SESSION_CLOSED', `The session is ${now.status}.`)
          throw new AppError('RULE_VIOLATION', `${now?.seats_taken ?? 'More'} seats are taken; the session cannot shrink below that.`)
        }
        await replaceSessionProctors(trx, id, [...new Set(next.proctorIds)])
        await deps.audit.record(trx, { actorId: who.userId, action: 'session.updated', entityType: 'session', entityId: id, details: { ...change } })
      })
      // More seats may let waitlisted candidates in.
      await deps.registrations.promoteWaitlist(id)
      return dto(id)
    },

    /** A session's row and its proctors, for the modules that run it (delivery). */
    find: (id: string) => findSession(db, id),
    proctorIds: (id: string) => proctorsOfSession(db, id),
    /** Closes the session in the caller's transaction (its proctor's close, with the audit entry); false if already closed. */
    closeIn: (trx: Tx, id: string, at: string) => closeSessionRow(trx, id, at),

    /** Sessions I proctor, or that run at centers I administer, from a day ago on. */
    async mine(actor: Actor | null) {
      const who = requireRole(actor, 'proctor', 'center_admin', 'program_staff')
      const since = new Date(ctx.clock().getTime() - 86_400_000).toISOString()
      const rows = await sessionsOfStaffMember(db, who.userId, await deps.centers.idsOfMember(who.userId), since)
      const centers = await deps.centers.findMany(rows.map((r) => r.center_id))
      return {
        items: await Promise.all(rows.map(async (r) => ({
          ...(await dto(r.id)), centerName: centers.get(r.center_id)?.name ?? '',
          privateEvent: !!r.private_employer_id || centers.get(r.center_id)?.kind === 'onsite',
        }))),
        nextCursor: null,
      }
    },

  }
}

export type SessionAdminService = ReturnType<typeof createSessionAdminService>
