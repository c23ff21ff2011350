// Registration: a candidate takes a seat in a session for one, two or all three modules, at least
// 48 hours ahead (staff may override, audited). Seats are taken by a conditional update, so they are
// never oversold; a full session offers its waitlist, promoted in order when a seat frees. A seat is
// confirmed when its fee is paid (voucher, invoice, waiver) or when the modules carry no fee.
// This service is the one owner of a registration's transitions, payment included: each is one
// transaction of conditional updates (the registration's status, its seat, its voucher or invoice,
// the audit entry), so a refusal or a crash at any step leaves nothing half done; emails go after.
// The candidate's module rules (one live booking per module, none passed, the retake policy) are judged
// under the candidate's lock in the registration's transaction (eligibility.service.ts).
// A private session (an onsite company event) takes candidates only from its roster (registered on
// their behalf), program staff, or a current invitation link; to anyone else it does not exist (404).
import { randomInt } from 'node:crypto'
import { confirmationNumberFrom } from '../../../common/rules/confirmation-number.js'
import { DEFAULT_TIME_ZONE } from '../../../common/time-zones.js'
import { dueSessionReminder, reminderHorizonHours } from '../../../common/rules/session-reminders.js'
import { holdExpiresAt } from '../../../common/rules/fees.js'
import { ncrcAdvice } from '../../../common/rules/ncrc-advice.js'
import { certificationCurrent } from '../../../common/rules/certification-period.js'
import { centerCertificationCovers } from '../../../common/rules/session-schedule.js'
import { isRegistrationInTime } from '../../../common/rules/registration-window.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx, Tx } from '../../db/database.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { hasRole, requireActor, requireRole, type Actor } from '../accounts/actor.js'
import type { ProfileService } from '../accounts/profile.service.js'
import type { UserDirectory } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { EligibilityService } from './eligibility.service.js'
import type { InvitationsService } from './invitations.service.js'
import type { PaymentsService } from './payments.service.js'
import { registrationEmails, sittingIsIn } from './registration-emails.js'
import { createRegistrationMail } from './registration-mail.js'
import {
  confirmationNumberTaken, confirmedRegistrationsOfSession, dueReminders, expiredHolds, expireHold, findRegistration, insertRegistration, liveCandidateIds, LIVE, liveRegistrationFor, liveRegistrationsOfSession, lockSessions,
  markReminded, nextQueueNumber, oldestWaitlisted, registrationsOfCandidate, releaseHeldSeat, seatRegistration, sessionsToPromote, takeSeat, transition,
  waitlistPosition, registrationsOfCandidateWithSessions, registrationsWithSessions, type RegistrationRow,
} from './registrations.repository.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import { findSessionWithCenter } from './session-centers.js'
import { findSession, proctorsOfSession } from './sessions.repository.js'
import type { TrainingConflicts } from '../training/impartiality.js'

const HOUR = 3_600_000

/** A center's IANA zone (migration 0016 adds the column); the program's default until it exists. */
const timeZoneOf = (center: object | undefined): string =>
  center && 'time_zone' in center && typeof center.time_zone === 'string' ? center.time_zone : DEFAULT_TIME_ZONE

export interface RegisterInput {
  sessionId: string
  modules: string[]
  waitlist?: boolean | undefined
  /** The token of an invitation link to this (private) session. */
  inviteToken?: string | undefined
}

/** How a registration reaches its session: `public` cannot reach a private (onsite) one. */
type Access = 'public' | 'trusted'

interface CreateOptions {
  createdBy: string
  access: Access
  overrideReason?: string | undefined
  invitationId?: string | undefined
  /** The registration being moved here: its booking does not count against the rules, and what was paid for it comes along. */
  replacing?: RegistrationRow | undefined
  /** Sessions whose rows to lock (in id order) after the candidate's lock, before the seat is taken. */
  lockSessions?: string[] | undefined
}

type PaymentState = Pick<RegistrationRow, 'status' | 'payment_method' | 'voucher_id' | 'paid_at' | 'hold_expires_at'>

/** Thrown inside a promotion's transaction when the seat went to someone else first: nothing is kept. */
class NoSeat extends Error {}

const modulesOf = (r: { modules: string }) => JSON.parse(r.modules) as string[]

/** A confirmation number no registration has (the unique index would refuse a clash drawn at the same instant elsewhere). */
async function freshConfirmationNumber(trx: Tx): Promise<string> {
  for (;;) {
    const code = confirmationNumberFrom(Array.from({ length: 8 }, () => randomInt(1 << 16)))
    if (!(await confirmationNumberTaken(trx, code))) return code
  }
}
const notActive = () => new AppError('CONFLICT', 'This registration is no longer active.')

export function createRegistrationsService(
  ctx: ServerContext,
  deps: {
    audit: AuditService; notifications: NotificationsService; program: ProgramService; payments: PaymentsService; profiles: ProfileService
    invitations: InvitationsService; eligibility: EligibilityService; users: UserDirectory; centers: CenterDirectory
    /** When each of these registrations was checked in (delivery's check-ins), read in the caller's transaction. */
    checkins: (within: DbOrTx, registrationIds: readonly string[]) => Promise<Map<string, string>>
    /** issue 13: whether a proctor of the session trained the candidate within the impartiality period (the training module). */
    impartiality: TrainingConflicts
  },
) {
  const { db } = ctx
  const policies = deps.program.definition.policies
  const now = () => ctx.clock().toISOString()

  const { tell, announce } = createRegistrationMail(ctx, deps)

  /**
   * What a registration that has just got a seat becomes: confirmed if it was paid (a payment carried
   * from the registration it replaces) or nothing is due; otherwise held for payment, without expiry
   * while an invoice it carries is open.
   */
  async function seatedState(trx: Tx, modules: string[], startsAt: string, carried?: RegistrationRow): Promise<PaymentState> {
    if (carried?.paid_at) return { status: 'confirmed', payment_method: carried.payment_method, voucher_id: carried.voucher_id, paid_at: carried.paid_at, hold_expires_at: null }
    const due = await deps.payments.amountDue(trx, modules)
    if (due.cents === 0) return { status: 'confirmed', payment_method: 'none', voucher_id: null, paid_at: null, hold_expires_at: null }
    if (carried?.payment_method === 'invoice') return { status: 'pending_payment', payment_method: 'invoice', voucher_id: null, paid_at: null, hold_expires_at: null }
    return { status: 'pending_payment', payment_method: null, voucher_id: null, paid_at: null, hold_expires_at: holdExpiresAt(ctx.clock(), policies.unpaidHoldHours, startsAt) }
  }

  /** A waitlisted registration keeps a payment it carries, so it is confirmed when a seat comes. */
  const waitingState = (carried?: RegistrationRow): PaymentState => carried?.paid_at
    ? { status: 'waitlisted', payment_method: carried.payment_method, voucher_id: carried.voucher_id, paid_at: carried.paid_at, hold_expires_at: null }
    : { status: 'waitlisted', payment_method: null, voucher_id: null, paid_at: null, hold_expires_at: null }

  const dto = async (r: RegistrationRow) => ({
    id: r.id, confirmationNumber: r.confirmation_number, status: r.status, sessionId: r.session_id, candidateId: r.candidate_id, modules: modulesOf(r),
    holdExpiresAt: r.hold_expires_at, paymentMethod: r.payment_method, createdAt: r.created_at,
    amountDueCents: r.status === 'pending_payment' ? (await deps.payments.amountDue(db, modulesOf(r))).cents : 0,
    waitlistPosition: r.status === 'waitlisted' ? await waitlistPosition(db, r.session_id, Number(r.queue_no)) : null,
  })

  /** The session-side rules of a registration: reachable, open, offering the modules, in time (unless overridden). */
  async function checkRegistrable(input: RegisterInput, override: boolean, access: Access) {
    const session = await findSessionWithCenter(db, deps.centers, input.sessionId)
    if (!session || session.status === 'cancelled') throw notFound('The session')
    if (session.center_kind === 'onsite' && access !== 'trusted') throw notFound('The session')
    if (session.status === 'closed') throw new AppError('SESSION_CLOSED', 'The session is closed.')
    // An expired or suspended center takes no new registrations (staff included: the center may not
    // run the session). Its existing ones stay, flagged for staff on the certifications page.
    if (!certificationCurrent(session.center_status, session.center_certified_until, ctx.clock()) || !centerCertificationCovers(session.center_certified_until, session.ends_at)) {
      throw new AppError('CENTER_NOT_CERTIFIED', 'This center\'s certification does not cover the session, so it takes no new registrations. Choose a session at another center.', { certifiedUntil: session.center_certified_until })
    }
    const offered = JSON.parse(session.modules) as string[]
    const modules = [...new Set(input.modules)]
    const missing = modules.filter((m) => !offered.includes(m))
    if (missing.length) throw new AppError('MODULE_NOT_OFFERED', `This session does not offer ${missing.join(', ')}.`, { offered })
    if (!override && !isRegistrationInTime(ctx.clock(), new Date(session.starts_at), policies.registrationLeadHours)) {
      throw new AppError('REGISTRATION_TOO_LATE', `Registration closes ${policies.registrationLeadHours} hours before the session starts. Choose a later session.`)
    }
    return { session, modules }
  }

  /** A new registration in the caller's transaction: the candidate's rules under their lock, a seat or the waitlist, the row, its audit entry. */
  async function createIn(trx: Tx, candidateId: string, session: { id: string; starts_at: string }, modules: string[], waitlist: boolean, options: CreateOptions): Promise<RegistrationRow> {
    const refused = await deps.eligibility.refusals(trx, candidateId, modules, session.starts_at, options.replacing?.id)
    if (refused.length > 0 && !options.overrideReason) throw deps.eligibility.refusalError(refused)
    // issue 13, ISO/IEC 17024: a candidate whose trainer proctors the session is refused, not flagged,
    // and staff's override does not lift it: the proctor could not admit them at check-in anyway, so the
    // seat would be a trap. The center assigns another proctor (or the candidate picks another session).
    const trained = await deps.impartiality(trx, { trainerIds: await proctorsOfSession(trx, session.id), learnerIds: [candidateId], sessionStartsAt: session.starts_at })
    if (trained.conflicts.length > 0) {
      throw new AppError('TRAINER_IMPARTIALITY', `A proctor assigned to this session trained you within the ${trained.months} months before it, so they may not proctor your assessment (ISO/IEC 17024 impartiality). Choose another session, or ask the center to assign another proctor.`, { conflicts: 1 })
    }
    // Every transaction locks in one order: the registration it changes, the candidate, then sessions.
    if (options.lockSessions) await lockSessions(trx, options.lockSessions, ctx.dialect)
    const seated = await takeSeat(trx, session.id)
    if (!seated && !waitlist) throw new AppError('SESSION_FULL', 'The session is full. Ask to join its waitlist, or choose another session.')
    const state = seated ? await seatedState(trx, modules, session.starts_at, options.replacing) : waitingState(options.replacing)
    const at = now()
    const row: RegistrationRow = {
      id: newId(), session_id: session.id, candidate_id: candidateId, modules: JSON.stringify(modules), ...state, holds_seat: seated ? 1 : 0,
      override_reason: options.overrideReason ?? null, created_by: options.createdBy, created_at: at, updated_at: at,
      cancelled_at: null, reminder_sent_at: null, queue_no: await nextQueueNumber(trx), confirmation_number: await freshConfirmationNumber(trx),
    }
    await insertRegistration(trx, row)
    await deps.audit.record(trx, {
      actorId: options.createdBy, action: options.overrideReason ? 'registration.override' : 'registration.created', entityType: 'registration',
      entityId: row.id, reason: options.overrideReason ?? null,
      details: {
        sessionId: session.id, modules, status: row.status, ...(options.invitationId ? { invitationId: options.invitationId } : {}),
        ...(options.replacing ? { replaces: options.replacing.id } : {}),
        ...(options.overrideReason ? { overridden: deps.eligibility.overridden(!isRegistrationInTime(ctx.clock(), new Date(session.starts_at), policies.registrationLeadHours), refused) } : {}),
      },
    })
    return row
  }

  /** The one-live-registration index decides between two simultaneous requests of one candidate. */
  async function orAlreadyRegistered(err: unknown, sessionId: string, candidateId: string): Promise<never> {
    if (!(err instanceof AppError) && (await liveRegistrationFor(db, sessionId, candidateId))) throw new AppError('ALREADY_REGISTERED', 'You are already registered for this session.')
    throw err
  }

  async function create(candidateId: string, input: RegisterInput, options: CreateOptions) {
    const { session, modules } = await checkRegistrable(input, !!options.overrideReason, options.access)
    if (await liveRegistrationFor(db, session.id, candidateId)) throw new AppError('ALREADY_REGISTERED', 'You are already registered for this session.')
    const row = await inTransaction(db, (trx) => createIn(trx, candidateId, session, modules, !!input.waitlist, options))
      .catch((err: unknown) => orAlreadyRegistered(err, session.id, candidateId))
    await announce(row)
    return row
  }

  /**
   * Cancels a live registration in the caller's transaction: its status, the seat it held (released
   * once, with the counter), its voucher given back and its open invoices voided. Nothing if it was not live.
   */
  async function endIn(trx: Tx, id: string): Promise<RegistrationRow | undefined> {
    const row = await transition(trx, id, LIVE, { status: 'cancelled', cancelled_at: now(), updated_at: now(), hold_expires_at: null })
    if (row) await settleEndedIn(trx, row)
    return row
  }

  async function settleEndedIn(trx: Tx, row: RegistrationRow) {
    await releaseHeldSeat(trx, row)
    await deps.payments.settleCancelledIn(trx, row)
  }

  async function requireOwnPending(actor: Actor | null, registrationId: string) {
    const who = requireActor(actor)
    const r = await findRegistration(db, registrationId)
    if (!r || r.candidate_id !== who.userId) throw notFound('The registration')
    if (r.status !== 'pending_payment') throw new AppError('CONFLICT', r.status === 'confirmed' ? 'This registration is already paid.' : 'This registration has no seat waiting for payment.')
    return { who, r }
  }

  async function sendConfirmation(id: string) {
    await announce((await findRegistration(db, id))!)
  }

  /** The fields of a registration being confirmed by a payment. */
  const paidBy = (method: 'voucher' | 'invoice' | 'waived', voucherId: string | null) =>
    ({ status: 'confirmed' as const, payment_method: method, voucher_id: voucherId, paid_at: now(), hold_expires_at: null, updated_at: now() })

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
      const candidate = await deps.users.findById(input.candidateId)
      if (!candidate) throw notFound('The candidate')
      return dto(await create(candidate.id, input, { createdBy: staff.userId, access: 'trusted', overrideReason: input.overrideReason }))
    },

    async mine(actor: Actor | null) {
      const who = requireActor(actor)
      const rows = await registrationsOfCandidate(db, who.userId)
      const centers = await deps.centers.findMany(rows.map((r) => r.center_id))
      const vouchers = await deps.payments.voucherCodesOf(rows.filter((r) => r.payment_method === 'voucher').map((r) => r.id))
      return {
        items: await Promise.all(rows.map(async (r) => ({
          voucherCode: vouchers.get(r.id) ?? null,
          ...(await dto(r)), startsAt: r.starts_at, endsAt: r.ends_at, centerName: centers.get(r.center_id)?.name ?? '', city: centers.get(r.center_id)?.city ?? '', state: centers.get(r.center_id)?.state ?? '',
          canCancel: (r.status === 'pending_payment' || r.status === 'confirmed' || r.status === 'waitlisted') && isRegistrationInTime(ctx.clock(), new Date(r.starts_at), policies.registrationLeadHours),
          timeZone: centers.get(r.center_id)?.time_zone ?? DEFAULT_TIME_ZONE,
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
      const ended = await inTransaction(db, async (trx) => {
        const row = await endIn(trx, id)
        if (row) await deps.audit.record(trx, { actorId: who.userId, action: 'registration.cancelled', entityType: 'registration', entityId: id, reason: reason ?? null })
        return row
      })
      if (!ended) throw notActive()
      await service.promoteWaitlist(r.session_id)
      await tell(r.candidate_id, (n, w) => registrationEmails.cancelled(n, w, staff && r.candidate_id !== who.userId ? reason ?? 'cancelled by the program' : 'you cancelled it'), r.session_id)
      return dto((await findRegistration(db, id))!)
    },

    /**
     * Moves a registration to another session, until 48 hours before the current one, in one
     * transaction: the old registration is ended first (so a second move or a cancel at the same time
     * finds it gone), the new one takes a seat or the waitlist under every rule, what was paid moves
     * with it (a voucher, a paid or open invoice; onto a waitlist too, confirmed when a seat comes), and
     * the old seat is released. A refusal at any step leaves the old registration as it was.
     */
    async reschedule(actor: Actor | null, id: string, input: { sessionId: string; waitlist?: boolean | undefined; reason?: string | undefined }, staffMove = false) {
      const who = requireActor(actor)
      const staff = hasRole(who, 'program_staff')
      const old = await findRegistration(db, id)
      if (!old || (old.candidate_id !== who.userId && !staff)) throw notFound('The registration')
      if (!LIVE.includes(old.status)) throw notActive()
      if (old.session_id === input.sessionId) throw new AppError('CONFLICT', 'The registration is already for this session.')
      const oldSession = (await findSession(db, old.session_id))!
      if (!staff && !isRegistrationInTime(ctx.clock(), new Date(oldSession.starts_at), policies.registrationLeadHours)) {
        throw new AppError('REGISTRATION_TOO_LATE', `Registrations can be moved up to ${policies.registrationLeadHours} hours before the session. Contact the program.`)
      }
      const modules = modulesOf(old)
      const access: Access = staff ? 'trusted' : 'public'
      // Staff moving a registration from the person's record may set the 48-hour rule aside (the audit entry says so).
      const { session } = await checkRegistrable({ sessionId: input.sessionId, modules }, staffMove, access)
      const late = !isRegistrationInTime(ctx.clock(), new Date(session.starts_at), policies.registrationLeadHours)
      if (await liveRegistrationFor(db, session.id, old.candidate_id)) throw new AppError('ALREADY_REGISTERED', 'You are already registered for this session.')
      const moved = await inTransaction(db, async (trx) => {
        const current = await transition(trx, old.id, LIVE, { status: 'cancelled', cancelled_at: now(), updated_at: now(), hold_expires_at: null })
        if (!current) throw notActive()
        const row = await createIn(trx, current.candidate_id, session, modules, !!input.waitlist, { createdBy: who.userId, access, replacing: current, lockSessions: [current.session_id, session.id] })
        await deps.payments.transferIn(trx, current, row.id, row.status === 'pending_payment' && row.payment_method === 'invoice')
        await releaseHeldSeat(trx, current)
        await deps.audit.record(trx, { actorId: who.userId, action: 'registration.rescheduled', entityType: 'registration', entityId: old.id, reason: input.reason ?? null, details: { to: row.id, sessionId: session.id, status: row.status, ...(late ? { overridden: [{ rule: 'REGISTRATION_TOO_LATE' }] } : {}) } })
        return row
      }).catch((err: unknown) => orAlreadyRegistered(err, session.id, old.candidate_id))
      await service.promoteWaitlist(old.session_id)
      await announce(moved)
      return dto((await findRegistration(db, moved.id))!)
    },

    /**
     * Staff move a registration to another session at any time, even one starting within 48 hours,
     * with a reason the audit entry keeps; the module rules still apply.
     */
    async rescheduleByStaff(actor: Actor | null, id: string, input: { sessionId: string; reason: string; waitlist?: boolean | undefined }) {
      requireRole(actor, 'program_staff')
      return service.reschedule(actor, id, input, true)
    },

    /**
     * Staff mark a confirmed registration a no-show once its session is over (closed, or past its end)
     * and the candidate never checked in. The seat is released with it (the books stay balanced); a
     * fee paid is not returned. A no-show is not a live booking, so the modules may be booked again
     * under the eligibility rules (no attempt was made, so no retake wait applies).
     */
    async markNoShow(actor: Actor | null, id: string, note: string) {
      const staff = requireRole(actor, 'program_staff')
      const r = await findRegistration(db, id)
      if (!r) throw notFound('The registration')
      if (r.status !== 'confirmed') throw new AppError('CONFLICT', 'Only a confirmed registration can be marked a no-show.')
      const session = (await findSession(db, r.session_id))!
      if (session.status !== 'closed' && Date.parse(session.ends_at) > ctx.clock().getTime()) {
        throw new AppError('SESSION_NOT_OVER', 'A no-show can be marked once the session has ended.')
      }
      await inTransaction(db, async (trx) => {
        if ((await deps.checkins(trx, [id])).has(id)) throw new AppError('CHECKED_IN', 'This candidate checked in at the session: they were not a no-show.')
        const row = await transition(trx, id, ['confirmed'], { status: 'no_show', updated_at: now(), hold_expires_at: null })
        if (!row) throw new AppError('CONFLICT', 'Only a confirmed registration can be marked a no-show.')
        await releaseHeldSeat(trx, row)
        await deps.audit.record(trx, { actorId: staff.userId, action: 'registration.no_show', entityType: 'registration', entityId: id, reason: note, details: { sessionId: r.session_id } })
      })
      return dto((await findRegistration(db, id))!)
    },

    /**
     * A candidate's registrations for their record (the caller checks staff): each with its session,
     * center, payment and check-in, and whether staff may mark it a no-show now.
     */
    async ofCandidate(candidateId: string) {
      const rows = await registrationsOfCandidateWithSessions(db, candidateId)
      const [centers, checkins] = await Promise.all([deps.centers.findMany(rows.map((r) => r.center_id)), deps.checkins(db, rows.map((r) => r.id))])
      const at = ctx.clock().getTime()
      return Promise.all(rows.map(async (r) => {
        const center = centers.get(r.center_id)
        const over = r.session_status === 'closed' || Date.parse(r.ends_at) <= at
        return {
          ...(await dto(r)), paidAt: r.paid_at, overrideReason: r.override_reason, updatedAt: r.updated_at,
          session: { id: r.session_id, startsAt: r.starts_at, endsAt: r.ends_at, status: r.session_status, centerId: r.center_id, centerName: center?.name ?? '', city: center?.city ?? '', state: center?.state ?? '', timeZone: timeZoneOf(center) },
          checkedInAt: checkins.get(r.id) ?? null,
          canMarkNoShow: r.status === 'confirmed' && over && !checkins.has(r.id),
          canReschedule: LIVE.includes(r.status),
          canWaive: r.status === 'pending_payment',
        }
      }))
    },

    /** Registrations by id as the audit log names them: whose, and which session (one page at a time). */
    async describe(ids: readonly string[]) {
      return registrationsWithSessions(db, ids)
    },

    /** Gives free seats to the waitlist, oldest first: each promotion takes its seat in its own transaction. */
    async promoteWaitlist(sessionId: string) {
      const tried = new Set<string>()
      for (;;) {
        const next = await oldestWaitlisted(db, sessionId)
        if (!next || tried.has(next.id)) return
        tried.add(next.id)
        const session = (await findSession(db, sessionId))!
        let promoted: RegistrationRow | null
        try {
          promoted = await inTransaction(db, async (trx) => {
            const state = await seatedState(trx, modulesOf(next), session.starts_at, next.paid_at ? next : undefined)
            const row = await seatRegistration(trx, next.id, { ...state, updated_at: now() })
            if (!row) return null // cancelled, moved or promoted meanwhile: look again
            if (!(await takeSeat(trx, sessionId))) throw new NoSeat()
            await deps.audit.record(trx, { actorId: null, action: 'registration.promoted', entityType: 'registration', entityId: next.id, details: { status: row.status } })
            return row
          })
        } catch (err) {
          if (err instanceof NoSeat) return
          throw err
        }
        if (promoted) await tell(next.candidate_id, registrationEmails.promoted, sessionId)
      }
    },

    /** Promotes where a seat is free and someone waits: what a crash between a release and its promotion left. */
    async promotePending(): Promise<void> {
      for (const sessionId of await sessionsToPromote(db)) await service.promoteWaitlist(sessionId)
    },

    /** Pays a held registration with a voucher that covers its modules, once. */
    async payWithVoucher(actor: Actor | null, registrationId: string, rawCode: string) {
      const { who, r } = await requireOwnPending(actor, registrationId)
      const holder = await deps.users.findById(r.candidate_id)
      if (!holder) throw notFound('The candidate')
      const voucher = await deps.payments.voucherFor(rawCode, modulesOf(r), holder.email)
      await inTransaction(db, async (trx) => {
        if (!(await transition(trx, registrationId, ['pending_payment'], paidBy('voucher', voucher.id)))) throw new AppError('CONFLICT', 'This registration is no longer waiting for payment.')
        await deps.payments.redeemIn(trx, voucher.code, registrationId, holder.email)
        // An invoice asked for earlier is no longer due.
        await deps.payments.voidInvoicesIn(trx, registrationId)
        await deps.audit.record(trx, { actorId: who.userId, action: 'registration.paid', entityType: 'registration', entityId: registrationId, details: { method: 'voucher', voucherId: voucher.id } })
      })
      await sendConfirmation(registrationId)
      return service.get(actor, registrationId)
    },

    /** Asks for an invoice: the seat stays held (no expiry) until staff mark it paid. Asking again gives the same invoice. */
    async requestInvoice(actor: Actor | null, registrationId: string) {
      const { who } = await requireOwnPending(actor, registrationId)
      const invoice = await inTransaction(db, async (trx) => {
        const held = await transition(trx, registrationId, ['pending_payment'], { payment_method: 'invoice', hold_expires_at: null, updated_at: now() })
        if (!held) throw new AppError('CONFLICT', 'This registration has no seat waiting for payment.')
        const out = await deps.payments.invoiceIn(trx, registrationId, modulesOf(held), who.userId)
        if (out.issued) await deps.audit.record(trx, { actorId: who.userId, action: 'invoice.issued', entityType: 'invoice', entityId: out.invoice.id, details: { registrationId, amountCents: out.invoice.amount_cents } })
        return out.invoice
      })
      return { invoiceId: invoice.id, amountCents: invoice.amount_cents, currency: invoice.currency }
    },

    /** Staff mark an open invoice paid, which confirms its registration if that still waits for payment. */
    async markInvoicePaid(actor: Actor | null, invoiceId: string, paymentReference: string | null = null) {
      const staff = requireRole(actor, 'program_staff')
      const invoice = await deps.payments.findInvoice(invoiceId)
      if (!invoice) throw notFound('The invoice')
      if (invoice.status !== 'open') throw new AppError('CONFLICT', 'This invoice is not open.')
      // A voucher batch's invoice confirms no registration: the voucher ledger settles it.
      const registrationId = invoice.registration_id
      if (registrationId === null) throw new AppError('CONFLICT', 'This invoice is not a registration\'s.')
      await inTransaction(db, async (trx) => {
        if (!(await transition(trx, registrationId, ['pending_payment'], paidBy('invoice', null)))) {
          throw new AppError('CONFLICT', 'This invoice\'s registration is no longer waiting for payment.')
        }
        await deps.payments.payInvoiceIn(trx, invoiceId, registrationId, staff.userId, paymentReference)
        await deps.audit.record(trx, { actorId: staff.userId, action: 'invoice.paid', entityType: 'invoice', entityId: invoiceId, details: { registrationId, paymentReference } })
      })
      await sendConfirmation(registrationId)
      return { id: invoiceId, status: 'paid' as const }
    },

    async waive(actor: Actor | null, registrationId: string, reason: string) {
      const staff = requireRole(actor, 'program_staff')
      await inTransaction(db, async (trx) => {
        if (!(await transition(trx, registrationId, ['pending_payment'], paidBy('waived', null)))) throw new AppError('CONFLICT', 'This registration is not waiting for payment.')
        await deps.payments.voidInvoicesIn(trx, registrationId)
        await deps.audit.record(trx, { actorId: staff.userId, action: 'registration.fee_waived', entityType: 'registration', entityId: registrationId, reason })
      })
      await sendConfirmation(registrationId)
      return service.get(actor, registrationId)
    },

    /** Releases seats held too long without payment and gives them to the waitlist. */
    async releaseExpiredHolds(): Promise<number> {
      let released = 0
      for (const hold of await expiredHolds(db, now())) {
        const ended = await inTransaction(db, async (trx) => {
          const row = await expireHold(trx, hold.id, now())
          if (!row) return undefined
          await settleEndedIn(trx, row)
          await deps.audit.record(trx, { actorId: null, action: 'registration.expired', entityType: 'registration', entityId: hold.id, reason: 'unpaid when the hold ended' })
          return row
        })
        if (!ended) continue
        released++
        await service.promoteWaitlist(ended.session_id)
        await tell(ended.candidate_id, (n, w) => registrationEmails.cancelled(n, w, 'the fee was not paid before the hold ended'), ended.session_id)
      }
      // Seats a crash freed between a release and its promotion go to their waitlists now.
      await service.promotePending()
      return released
    },

    /**
     * Emails the reminders the program's policy asks for (`policies.reminders.sessionHoursBefore`, each
     * entry one reminder) before each confirmed sitting; each goes once, and a late registration gets
     * only the closest one due (dueSessionReminder).
     */
    async sendReminders(): Promise<number> {
      const hours = deps.program.definition.policies.reminders.sessionHoursBefore
      const horizon = reminderHorizonHours(hours)
      if (horizon === 0) return 0
      const at = ctx.clock()
      let sent = 0
      for (const r of await dueReminders(db, at.toISOString(), new Date(at.getTime() + horizon * HOUR).toISOString())) {
        const due = dueSessionReminder(hours, r.sent, r.starts_at, at)
        if (!due) continue
        // The entry sent is recorded first: the instance that records it is the one that sends it.
        if (!(await markReminded(db, r.id, due.send, at.toISOString()))) continue
        for (const covered of due.record.filter((h) => h !== due.send)) await markReminded(db, r.id, covered, at.toISOString())
        const row = (await findRegistration(db, r.id))!
        const modules = modulesOf(row)
        await tell(row.candidate_id, (n, w) => registrationEmails.reminder(n, w, modules, sittingIsIn(w.startsAt, at, w.timeZone)), row.session_id)
        sent++
      }
      return sent
    },

    /** Cancels every live registration of a session being cancelled, in the session's transaction; returns them so the caller can tell each candidate (session-cancellation.ts). */
    /** A session's confirmed registrations, for delivery's console (read in the caller's transaction when given). */
    confirmedInSession(sessionId: string, within: DbOrTx = db) {
      return confirmedRegistrationsOfSession(within, sessionId)
    },

    async cancelAllIn(trx: Tx, sessionId: string, reason: string, actorId: string): Promise<RegistrationRow[]> {
      const ended: RegistrationRow[] = []
      for (const r of await liveRegistrationsOfSession(trx, sessionId)) {
        const row = await endIn(trx, r.id)
        if (!row) continue
        await deps.audit.record(trx, { actorId, action: 'registration.cancelled', entityType: 'registration', entityId: r.id, reason: `the session was cancelled (${reason})` })
        ended.push(row)
      }
      return ended
    },

    liveCandidateIds: (trx: DbOrTx, sessionId: string) => liveCandidateIds(trx, sessionId),
    /** The candidate's live registration in the session, if any. */
    liveFor: (sessionId: string, candidateId: string) => liveRegistrationFor(db, sessionId, candidateId),
    find: (id: string) => findRegistration(db, id),
  }
  return service
}

export type RegistrationsService = ReturnType<typeof createRegistrationsService>
