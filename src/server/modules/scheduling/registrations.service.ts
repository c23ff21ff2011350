// Registration: a candidate takes a seat in a session for one, two or all three modules, at least
// 48 hours ahead (staff may override, audited). Seats are taken by a conditional update, so they are
// never oversold; a full session offers its waitlist, promoted in order when a seat frees. A seat is
// confirmed when its fee is paid (voucher, invoice, waiver) or when the modules carry no fee.
// The candidate's module rules (one live booking per module, none passed, the retake policy) are judged
// under the candidate's lock in the registration's transaction (eligibility.service.ts).
// A private session (an onsite company event) takes candidates only from its roster (registered on
// their behalf), program staff, or a current invitation link; to anyone else it does not exist (404).
import { ncrcAdvice } from '../../../common/rules/ncrc-advice.js'
import { isRegistrationInTime } from '../../../common/rules/registration-window.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx } from '../../db/database.js'
import type { RegistrationsTable } from '../../db/schema.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { hasRole, requireActor, requireRole, type Actor } from '../accounts/actor.js'
import type { ProfileService } from '../accounts/profile.service.js'
import { findUserById } from '../accounts/users.repository.js'
import type { AuditService } from '../audit/audit.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { EligibilityService } from './eligibility.service.js'
import type { InvitationsService } from './invitations.service.js'
import type { PaymentsService } from './payments.service.js'
import { calendarInvite, registrationEmails, type SessionPlace } from './registration-emails.js'
import {
  dueReminders, expiredHolds, findRegistration, insertRegistration, liveCandidateIds, liveRegistrationFor, liveRegistrationsOfSession,
  nextQueueNumber, oldestWaitlisted, registrationsOfCandidate, releaseSeat, takeSeat, transition, waitlistPosition,
} from './registrations.repository.js'
import { findSession, findSessionWithCenter } from './sessions.repository.js'

const HOUR = 3_600_000

export interface RegisterInput {
  sessionId: string
  modules: string[]
  waitlist?: boolean | undefined
  /** The token of an invitation link to this (private) session. */
  inviteToken?: string | undefined
}

/** How a registration reaches its session: `public` cannot reach a private (onsite) one. */
type Access = 'public' | 'trusted'

export function createRegistrationsService(
  ctx: ServerContext,
  deps: {
    audit: AuditService; notifications: NotificationsService; program: ProgramService; payments: PaymentsService; profiles: ProfileService
    invitations: InvitationsService; eligibility: EligibilityService
  },
) {
  const { db } = ctx
  const policies = deps.program.definition.policies
  const now = () => ctx.clock().toISOString()

  async function place(sessionId: string): Promise<SessionPlace> {
    const row = await db
      .selectFrom('test_sessions')
      .innerJoin('centers', 'centers.id', 'test_sessions.center_id')
      .select(['test_sessions.starts_at', 'test_sessions.ends_at', 'centers.name', 'centers.address_line1', 'centers.city', 'centers.state', 'centers.postal_code'])
      .where('test_sessions.id', '=', sessionId)
      .executeTakeFirstOrThrow()
    return { sessionId, startsAt: row.starts_at, endsAt: row.ends_at, centerName: row.name, address: `${row.address_line1}, ${row.city}, ${row.state} ${row.postal_code}` }
  }

  async function tell(candidateId: string, message: (name: string, where: SessionPlace) => { subject: string; text: string }, sessionId: string, invite?: { modules: string[]; registrationId: string }) {
    const user = await findUserById(db, candidateId)
    if (!user) return
    const where = await place(sessionId)
    const { subject, text } = message(user.first_name, where)
    await deps.notifications.send({
      to: user.email, subject, text,
      ...(invite ? { attachments: [{ filename: 'mt1-assessment.ics', content: calendarInvite(where, invite.modules, invite.registrationId), contentType: 'text/calendar; method=PUBLISH; charset=utf-8' }] } : {}),
    })
  }

  /** Seat-holding state for a registration that just got a seat: confirmed if nothing is due. */
  async function seatState(trx: DbOrTx, modules: string[], startsAt: string) {
    // Inside the caller's transaction: on SQLite, a query outside it would wait for it forever.
    const due = await deps.payments.amountDue(trx, modules)
    if (due.cents === 0) return { status: 'confirmed' as const, payment_method: 'none' as const, hold_expires_at: null }
    const hold = Math.min(ctx.clock().getTime() + policies.unpaidHoldHours * HOUR, Date.parse(startsAt))
    return { status: 'pending_payment' as const, payment_method: null, hold_expires_at: new Date(hold).toISOString() }
  }

  const dto = async (r: RegistrationsTable) => ({
    id: r.id, status: r.status, sessionId: r.session_id, candidateId: r.candidate_id, modules: JSON.parse(r.modules) as string[],
    holdExpiresAt: r.hold_expires_at, paymentMethod: r.payment_method, createdAt: r.created_at,
    amountDueCents: r.status === 'pending_payment' ? (await deps.payments.amountDue(db, JSON.parse(r.modules) as string[])).cents : 0,
    waitlistPosition: r.status === 'waitlisted' ? await waitlistPosition(db, r.session_id, Number(r.queue_no)) : null,
  })

  /** The session-side rules of a registration: reachable, open, offering the modules, in time (unless overridden). */
  async function checkRegistrable(input: RegisterInput, override: boolean, access: Access) {
    const session = await findSessionWithCenter(db, input.sessionId)
    if (!session || session.status === 'cancelled') throw notFound('The session')
    if (session.center_kind === 'onsite' && access !== 'trusted') throw notFound('The session')
    if (session.status === 'closed') throw new AppError('SESSION_CLOSED', 'The session is closed.')
    const offered = JSON.parse(session.modules) as string[]
    const modules = [...new Set(input.modules)]
    const missing = modules.filter((m) => !offered.includes(m))
    if (missing.length) throw new AppError('MODULE_NOT_OFFERED', `This session does not offer ${missing.join(', ')}.`, { offered })
    if (!override && !isRegistrationInTime(ctx.clock(), new Date(session.starts_at), policies.registrationLeadHours)) {
      throw new AppError('REGISTRATION_TOO_LATE', `Registration closes ${policies.registrationLeadHours} hours before the session starts. Choose a later session.`)
    }
    return { session, modules }
  }

  async function create(
    candidateId: string, input: RegisterInput,
    options: { createdBy: string; access: Access; overrideReason?: string; invitationId?: string; /** A registration being moved here. */ replacing?: string },
  ) {
    const { session, modules } = await checkRegistrable(input, !!options.overrideReason, options.access)
    if (await liveRegistrationFor(db, session.id, candidateId)) throw new AppError('ALREADY_REGISTERED', 'You are already registered for this session.')

    const id = newId()
    const at = now()
    let row: RegistrationsTable
    try {
      row = await db.transaction().execute(async (trx) => {
        // The candidate's module rules, judged under their lock before anything is taken; staff's override sets them aside.
        const refused = await deps.eligibility.refusals(trx, candidateId, modules, session.starts_at, options.replacing)
        if (refused.length > 0 && !options.overrideReason) throw deps.eligibility.refusalError(refused)
        const seated = await takeSeat(trx, session.id)
        if (!seated && !input.waitlist) throw new AppError('SESSION_FULL', 'The session is full. Ask to join its waitlist, or choose another session.')
        const state = seated ? await seatState(trx, modules, session.starts_at) : { status: 'waitlisted' as const, payment_method: null, hold_expires_at: null }
        const r: RegistrationsTable = {
          id, session_id: session.id, candidate_id: candidateId, modules: JSON.stringify(modules), ...state, holds_seat: seated ? 1 : 0,
          voucher_id: null, override_reason: options.overrideReason ?? null, created_by: options.createdBy, created_at: at, updated_at: at,
          cancelled_at: null, reminder_sent_at: null, queue_no: await nextQueueNumber(trx),
        }
        await insertRegistration(trx, r)
        await deps.audit.record(trx, {
          actorId: options.createdBy, action: options.overrideReason ? 'registration.override' : 'registration.created', entityType: 'registration',
          entityId: id, reason: options.overrideReason ?? null,
          details: {
            sessionId: session.id, modules, status: r.status, ...(options.invitationId ? { invitationId: options.invitationId } : {}),
            ...(options.overrideReason ? { overridden: deps.eligibility.overridden(!isRegistrationInTime(ctx.clock(), new Date(session.starts_at), policies.registrationLeadHours), refused) } : {}),
          },
        })
        return r
      })
    } catch (err) {
      if (err instanceof AppError) throw err
      // The one-live-registration index decides between two simultaneous requests of one candidate.
      if (await liveRegistrationFor(db, session.id, candidateId)) throw new AppError('ALREADY_REGISTERED', 'You are already registered for this session.')
      throw err
    }
    if (row.status === 'confirmed') await tell(candidateId, (n, w) => registrationEmails.confirmed(n, w, modules), session.id, { modules, registrationId: id })
    else if (row.status === 'pending_payment') {
      const due = await deps.payments.amountDue(db, modules)
      await tell(candidateId, (n, w) => registrationEmails.held(n, w, modules, row.hold_expires_at!, due.label), session.id)
    } else {
      const position = await waitlistPosition(db, session.id, Number(row.queue_no))
      await tell(candidateId, (n, w) => registrationEmails.waitlisted(n, w, position), session.id)
    }
    return row
  }

  async function freeSeatAndPromote(registration: RegistrationsTable) {
    if (registration.holds_seat === 1) await releaseSeat(db, registration.session_id)
    await service.promoteWaitlist(registration.session_id)
  }

  const service = {
    async register(actor: Actor | null, input: RegisterInput) {
      const candidate = requireRole(actor, 'candidate')
      // A wrong or expired token is refused whatever the session, so the candidate learns their link is bad.
      const invitation = input.inviteToken === undefined ? undefined : await deps.invitations.forRegistration(input.inviteToken, input.sessionId)
      const row = await create(candidate.userId, input, { createdBy: candidate.userId, access: invitation ? 'trusted' : 'public', ...(invitation ? { invitationId: invitation.id } : {}) })
      const profile = await deps.profiles.forCandidate(candidate.userId)
      const advice = ncrcAdvice(profile?.ncrcLevel, policies.ncrcLevels, policies.recommendedNcrcLevel)
      return { ...(await dto(row)), advice: advice.message }
    },

    /** Throws what a roster registration would be refused for on the session's side, before anything is created. */
    async checkRegistrable(input: RegisterInput) {
      await checkRegistrable(input, false, 'trusted')
    },

    /** The session's organiser registers a candidate from its roster (cohort upload): every other rule applies. */
    async registerOnBehalf(createdBy: string, candidateId: string, input: RegisterInput) {
      return dto(await create(candidateId, input, { createdBy, access: 'trusted' }))
    },

    /** Staff register a candidate with an audited reason, even inside the 48-hour window or against the module rules (the entry names them). */
    async registerByStaff(actor: Actor | null, input: RegisterInput & { candidateId: string; overrideReason: string }) {
      const staff = requireRole(actor, 'program_staff')
      const candidate = await findUserById(db, input.candidateId)
      if (!candidate) throw notFound('The candidate')
      return dto(await create(candidate.id, input, { createdBy: staff.userId, access: 'trusted', overrideReason: input.overrideReason }))
    },

    async mine(actor: Actor | null) {
      const who = requireActor(actor)
      const rows = await registrationsOfCandidate(db, who.userId)
      return {
        items: await Promise.all(rows.map(async (r) => ({
          ...(await dto(r)), startsAt: r.starts_at, endsAt: r.ends_at, centerName: r.center_name, city: r.city, state: r.state,
          canCancel: (r.status === 'pending_payment' || r.status === 'confirmed' || r.status === 'waitlisted') && isRegistrationInTime(ctx.clock(), new Date(r.starts_at), policies.registrationLeadHours),
        }))),
        nextCursor: null,
      }
    },

    async get(actor: Actor | null, id: string) {
      const who = requireActor(actor)
      const r = await findRegistration(db, id)
      if (!r || (r.candidate_id !== who.userId && !hasRole(who, 'program_staff'))) throw notFound('The registration')
      return dto(r)
    },

    /** The candidate cancels until 48 hours before the session; staff at any time. */
    async cancel(actor: Actor | null, id: string, reason?: string) {
      const who = requireActor(actor)
      const r = await findRegistration(db, id)
      const staff = hasRole(who, 'program_staff')
      if (!r || (r.candidate_id !== who.userId && !staff)) throw notFound('The registration')
      const session = (await findSession(db, r.session_id))!
      if (!staff && !isRegistrationInTime(ctx.clock(), new Date(session.starts_at), policies.registrationLeadHours)) {
        throw new AppError('REGISTRATION_TOO_LATE', `Registrations can be cancelled up to ${policies.registrationLeadHours} hours before the session. Contact the program.`)
      }
      const done = await db.transaction().execute(async (trx) => {
        const ok = await transition(trx, id, ['pending_payment', 'confirmed', 'waitlisted'], { status: 'cancelled', holds_seat: 0, cancelled_at: now(), updated_at: now(), hold_expires_at: null })
        if (!ok) return false
        if (r.voucher_id) await deps.payments.returnVoucher(trx, r.voucher_id)
        await deps.audit.record(trx, { actorId: who.userId, action: 'registration.cancelled', entityType: 'registration', entityId: id, reason: reason ?? null })
        return true
      })
      if (!done) throw new AppError('CONFLICT', 'This registration is no longer active.')
      await freeSeatAndPromote(r)
      await tell(r.candidate_id, (n, w) => registrationEmails.cancelled(n, w, staff && r.candidate_id !== who.userId ? reason ?? 'cancelled by the program' : 'you cancelled it'), r.session_id)
      return dto((await findRegistration(db, id))!)
    },

    /**
     * Moves a registration to another session, until 48 hours before the current one: the new seat
     * is taken first (every rule applies to it), then the old one is released to its waitlist. A
     * paid registration stays paid.
     */
    async reschedule(actor: Actor | null, id: string, input: { sessionId: string; waitlist?: boolean | undefined }) {
      const who = requireActor(actor)
      const staff = hasRole(who, 'program_staff')
      const old = await findRegistration(db, id)
      if (!old || (old.candidate_id !== who.userId && !staff)) throw notFound('The registration')
      if (!['pending_payment', 'confirmed', 'waitlisted'].includes(old.status)) throw new AppError('CONFLICT', 'This registration is no longer active.')
      if (old.session_id === input.sessionId) throw new AppError('CONFLICT', 'The registration is already for this session.')
      const oldSession = (await findSession(db, old.session_id))!
      if (!staff && !isRegistrationInTime(ctx.clock(), new Date(oldSession.starts_at), policies.registrationLeadHours)) {
        throw new AppError('REGISTRATION_TOO_LATE', `Registrations can be moved up to ${policies.registrationLeadHours} hours before the session. Contact the program.`)
      }
      const modules = JSON.parse(old.modules) as string[]
      const moved = await create(old.candidate_id, { sessionId: input.sessionId, modules, waitlist: input.waitlist }, { createdBy: who.userId, access: staff ? 'trusted' : 'public', replacing: old.id })
      await db.transaction().execute(async (trx) => {
        const paid = old.status === 'confirmed' && old.payment_method !== 'none' && old.payment_method !== null
        if (paid && moved.status === 'pending_payment') {
          await transition(trx, moved.id, ['pending_payment'], { status: 'confirmed', payment_method: old.payment_method, voucher_id: old.voucher_id, hold_expires_at: null, updated_at: now() })
          if (old.voucher_id) await trx.updateTable('vouchers').set({ registration_id: moved.id }).where('id', '=', old.voucher_id).execute()
        }
        await transition(trx, old.id, ['pending_payment', 'confirmed', 'waitlisted'], { status: 'cancelled', holds_seat: 0, cancelled_at: now(), updated_at: now(), hold_expires_at: null })
        await deps.audit.record(trx, { actorId: who.userId, action: 'registration.rescheduled', entityType: 'registration', entityId: old.id, details: { to: moved.id, sessionId: input.sessionId } })
      })
      await freeSeatAndPromote(old)
      return dto((await findRegistration(db, moved.id))!)
    },

    /** Gives free seats to the waitlist, oldest first. */
    async promoteWaitlist(sessionId: string) {
      for (;;) {
        const next = await oldestWaitlisted(db, sessionId)
        if (!next) return
        const session = (await findSession(db, sessionId))!
        const promoted = await db.transaction().execute(async (trx) => {
          if (!(await takeSeat(trx, sessionId))) return false
          const state = await seatState(trx, JSON.parse(next.modules) as string[], session.starts_at)
          const ok = await transition(trx, next.id, ['waitlisted'], { ...state, holds_seat: 1, updated_at: now() })
          if (!ok) {
            await releaseSeat(trx, sessionId)
            return null
          }
          await deps.audit.record(trx, { actorId: null, action: 'registration.promoted', entityType: 'registration', entityId: next.id })
          return true
        })
        if (promoted === false) return
        if (promoted) await tell(next.candidate_id, registrationEmails.promoted, sessionId)
      }
    },

    /** Marks a registration paid (voucher, invoice, waiver): the held seat is now confirmed. */
    async confirmPaid(trx: DbOrTx, id: string, method: 'voucher' | 'invoice' | 'waived', voucherId: string | null): Promise<boolean> {
      return transition(trx, id, ['pending_payment'], { status: 'confirmed', payment_method: method, voucher_id: voucherId, hold_expires_at: null, updated_at: now() })
    },

    async sendConfirmation(id: string) {
      const r = (await findRegistration(db, id))!
      const modules = JSON.parse(r.modules) as string[]
      await tell(r.candidate_id, (n, w) => registrationEmails.confirmed(n, w, modules), r.session_id, { modules, registrationId: id })
    },

    /** Releases seats held too long without payment and gives them to the waitlist. */
    async releaseExpiredHolds(): Promise<number> {
      let released = 0
      for (const hold of await expiredHolds(db, now())) {
        const r = (await findRegistration(db, hold.id))!
        const ok = await db.transaction().execute(async (trx) => {
          const changed = await transition(trx, hold.id, ['pending_payment'], { status: 'expired', holds_seat: 0, updated_at: now() })
          if (changed) await deps.audit.record(trx, { actorId: null, action: 'registration.expired', entityType: 'registration', entityId: hold.id, reason: 'unpaid when the hold ended' })
          return changed
        })
        if (!ok) continue
        released++
        await freeSeatAndPromote(r)
        await tell(r.candidate_id, (n, w) => registrationEmails.cancelled(n, w, 'the fee was not paid before the hold ended'), r.session_id)
      }
      return released
    },

    /** Emails the reminder two days before each confirmed sitting. */
    async sendReminders(): Promise<number> {
      const due = await dueReminders(db, now(), new Date(ctx.clock().getTime() + 48 * HOUR).toISOString())
      for (const { id } of due) {
        const r = (await findRegistration(db, id))!
        if (!(await transition(db, id, ['confirmed'], { reminder_sent_at: now() }))) continue
        const modules = JSON.parse(r.modules) as string[]
        await tell(r.candidate_id, (n, w) => registrationEmails.reminder(n, w, modules), r.session_id)
      }
      return due.length
    },

    async cancelAllForSession(sessionId: string, reason: string) {
      for (const r of await liveRegistrationsOfSession(db, sessionId)) {
        const ok = await db.transaction().execute(async (trx) => {
          const changed = await transition(trx, r.id, ['pending_payment', 'confirmed', 'waitlisted'], { status: 'cancelled', holds_seat: 0, cancelled_at: now(), updated_at: now() })
          if (changed && r.voucher_id) await deps.payments.returnVoucher(trx, r.voucher_id)
          return changed
        })
        if (ok) {
          if (r.holds_seat === 1) await releaseSeat(db, sessionId)
          await tell(r.candidate_id, (n, w) => registrationEmails.cancelled(n, w, `the session was cancelled (${reason})`), sessionId)
        }
      }
    },

    liveCandidateIds: (trx: DbOrTx, sessionId: string) => liveCandidateIds(trx, sessionId),
    find: (id: string) => findRegistration(db, id),
  }
  return service
}

export type RegistrationsService = ReturnType<typeof createRegistrationsService>
