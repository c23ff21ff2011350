// Proctored delivery: the proctor's presence (console heartbeats), check-in with photo ID, and the
// candidate's attempt: started only when checked in and while a certified proctor of the session is
// present; paused when no proctor has been present for the configured time; a server-side clock;
// responses saved durably, in the client's order, before the save is acknowledged.
import { randomInt } from 'node:crypto'
import { candidateItem } from '../../../common/items/candidate-item.js'
import { optionSeed, type FormItem } from '../../../common/items/form-assembly.js'
import { timeFactor } from '../../../common/rules/accommodations.js'
import { acceptsResponses, deadlineAfterPause, initialDeadline, remainingMs } from '../../../common/rules/attempt-lifecycle.js'
import { certificationCovers } from '../../../common/rules/proctoring.js'
import type { ServerContext } from '../../context.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import type { AccommodationsService } from '../accommodations/accommodations.service.js'
import type { AuditService } from '../audit/audit.service.js'
import { certificationsOf } from '../centers/proctors.repository.js'
import type { ItemBankService } from '../item-bank/item-bank.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { RegistrationsService } from '../scheduling/registrations.service.js'
import { findSession, proctorsOfSession } from '../scheduling/sessions.repository.js'
import {
  attemptFor, findAttempt, findCheckin, insertAttempt, insertCheckin, insertEvent, moveAttempt, presentProctorIds, responsesOf, saveResponse, storedSeq, upsertPresence,
} from './delivery.repository.js'

const MAX_RESPONSE_BYTES = 16 * 1024

export function createDeliveryService(
  ctx: ServerContext,
  deps: { audit: AuditService; program: ProgramService; itemBank: ItemBankService; accommodations: AccommodationsService; registrations: RegistrationsService },
) {
  const { db } = ctx
  const presenceMs = () => deps.program.definition.policies.proctorPresenceSeconds * 1000
  const now = () => ctx.clock()

  async function requireSessionProctor(actor: Actor | null, sessionId: string) {
    const proctor = requireRole(actor, 'proctor')
    const session = await findSession(db, sessionId)
    if (!session) throw notFound('The session')
    if (!(await proctorsOfSession(db, sessionId)).includes(proctor.userId)) throw new AppError('FORBIDDEN', 'Only a proctor assigned to this session can do this.')
    const [cert] = await certificationsOf(db, [proctor.userId])
    if (!certificationCovers(cert ? { status: cert.status, certifiedUntil: cert.certified_until } : undefined, now().toISOString())) {
      throw new AppError('PROCTOR_NOT_CERTIFIED', 'Your proctor certification is not current.')
    }
    return { proctor, session }
  }

  /** Whether a certified proctor of the session has been present within the presence window. */
  async function proctorPresent(sessionId: string): Promise<boolean> {
    const ids = await presentProctorIds(db, sessionId, new Date(now().getTime() - presenceMs()).toISOString())
    if (ids.length === 0) return false
    const certs = await certificationsOf(db, ids)
    return certs.some((c) => certificationCovers({ status: c.status, certifiedUntil: c.certified_until }, now().toISOString()))
  }

  const event = (attemptId: string, kind: string, actorId: string | null, reason: string | null) =>
    insertEvent(db, { id: newId(), attempt_id: attemptId, kind, actor_id: actorId, reason, at: now().toISOString() })

  /** Pauses a running attempt whose session has had no proctor present (the candidate is told why). */
  async function pauseIfUnproctored(attempt: NonNullable<Awaited<ReturnType<typeof findAttempt>>>) {
    if (attempt.status !== 'in_progress' || (await proctorPresent(attempt.session_id))) return attempt
    if (await moveAttempt(db, attempt.id, 'paused', { paused_at: now().toISOString(), pause_reason: 'no_proctor_present', updated_at: now().toISOString() })) {
      await event(attempt.id, 'paused', null, 'no_proctor_present')
    }
    return (await findAttempt(db, attempt.id))!
  }

  async function ownAttempt(actor: Actor | null, id: string) {
    const candidate = requireRole(actor, 'candidate')
    const attempt = await findAttempt(db, id)
    // Another candidate's attempt does not exist, as far as this candidate can tell.
    if (!attempt || attempt.candidate_id !== candidate.userId) throw notFound('The attempt')
    return { candidate, attempt }
  }

  async function view(attempt: NonNullable<Awaited<ReturnType<typeof findAttempt>>>) {
    const form = JSON.parse(attempt.form) as FormItem[]
    const models = new Map((await deps.itemBank.versions(form)).map((v) => [`${v.itemId}@${v.version}`, v.model]))
    const items = form.map((f) => {
      const model = models.get(`${f.itemId}@${f.version}`)!
      return candidateItem(f.itemId, model.type, model.presentation, optionSeed(Number(attempt.seed), f.itemId))
    })
    const responses = Object.fromEntries((await responsesOf(db, attempt.id)).map((r) => [r.item_id, { response: JSON.parse(r.response) as unknown, seq: Number(r.seq), savedAt: r.saved_at }]))
    return {
      id: attempt.id, module: attempt.module, status: attempt.status, startedAt: attempt.started_at, deadline: attempt.deadline_at,
      remainingMs: remainingMs({ status: attempt.status, deadlineAt: attempt.deadline_at, pausedAt: attempt.paused_at }, now()),
      pauseReason: attempt.status === 'paused' ? attempt.pause_reason : null, items, responses,
    }
  }

  return {
    proctorPresent,

    /** The proctor's console heartbeat: present for the configured window after it. */
    async heartbeat(actor: Actor | null, sessionId: string) {
      const { proctor } = await requireSessionProctor(actor, sessionId)
      await upsertPresence(db, sessionId, proctor.userId, now().toISOString())
      return { presentUntil: new Date(now().getTime() + presenceMs()).toISOString() }
    },

    /** Checks a candidate in after their photo ID was verified, which admits them to the session. */
    async checkIn(actor: Actor | null, sessionId: string, input: { registrationId: string; idVerified: boolean }) {
      const { proctor } = await requireSessionProctor(actor, sessionId)
      if (input.idVerified !== true) throw new AppError('RULE_VIOLATION', 'A candidate is admitted only after their photo ID is verified.')
      const registration = await deps.registrations.find(input.registrationId)
      if (!registration || registration.session_id !== sessionId) throw notFound('The registration in this session')
      if (registration.status !== 'confirmed') throw new AppError('RULE_VIOLATION', `The registration is ${registration.status.replace('_', ' ')}, not confirmed.`)
      const at = now().toISOString()
      const created = await db.transaction().execute(async (trx) => {
        const fresh = await insertCheckin(trx, registration.id, sessionId, proctor.userId, at)
        if (fresh) await deps.audit.record(trx, { actorId: proctor.userId, action: 'candidate.checked_in', entityType: 'registration', entityId: registration.id, details: { idVerified: true } })
        return fresh
      })
      const checkin = (await findCheckin(db, registration.id))!
      return { created, checkin: { registrationId: checkin.registration_id, checkedInAt: checkin.checked_in_at, checkedInBy: checkin.checked_in_by } }
    },

    async start(actor: Actor | null, input: { registrationId: string; module: string }) {
      const candidate = requireRole(actor, 'candidate')
      const registration = await deps.registrations.find(input.registrationId)
      if (!registration || registration.candidate_id !== candidate.userId) throw notFound('The registration')
      const modules = JSON.parse(registration.modules) as string[]
      if (registration.status !== 'confirmed') throw new AppError('RULE_VIOLATION', 'The registration is not confirmed.')
      if (!modules.includes(input.module)) throw new AppError('MODULE_NOT_OFFERED', `You are registered for ${modules.join(', ')}, not ${input.module}.`)
      const session = (await findSession(db, registration.session_id))!
      const at = now()
      if (session.status === 'cancelled' || at.getTime() < Date.parse(session.starts_at) || at.getTime() > Date.parse(session.ends_at)) {
        throw new AppError('RULE_VIOLATION', 'Attempts start only during the session.')
      }
      if (!(await findCheckin(db, registration.id))) throw new AppError('NOT_CHECKED_IN', 'A proctor must check you in (photo ID) before you start.')
      if (!(await proctorPresent(session.id))) throw new AppError('NO_PROCTOR_PRESENT', 'No certified proctor is present for this session right now. Wait for the proctor.')
      const existing = await attemptFor(db, registration.id, input.module)
      if (existing) throw new AppError('ATTEMPT_EXISTS', 'You have already started this module; resume it.', { attemptId: existing.id })
      const mod = deps.program.module(input.module)!
      const adjustments = (await deps.accommodations.adjustmentsFor([candidate.userId])).get(candidate.userId) ?? []
      const factor = timeFactor(adjustments)
      const seed = randomInt(0, 2 ** 32 - 1)
      const assembled = await deps.itemBank.assemble(input.module, 'operational', seed)
      const id = newId()
      try {
        await db.transaction().execute(async (trx) => {
          await insertAttempt(trx, {
            id, registration_id: registration.id, session_id: session.id, candidate_id: candidate.userId, module: input.module, status: 'in_progress', seed,
            form: JSON.stringify(assembled.form), time_factor: factor, started_at: at.toISOString(), deadline_at: initialDeadline(at, mod.timeLimitMinutes, factor),
            paused_at: null, pause_reason: null, submitted_at: null, updated_at: at.toISOString(),
          })
          await deps.itemBank.recordExposure(trx, assembled.form.map((f) => f.itemId))
          await insertEvent(trx, { id: newId(), attempt_id: id, kind: 'started', actor_id: candidate.userId, reason: null, at: at.toISOString() })
        })
      } catch (err) {
        const raced = await attemptFor(db, registration.id, input.module)
        if (raced) throw new AppError('ATTEMPT_EXISTS', 'You have already started this module; resume it.', { attemptId: raced.id })
        throw err
      }
      return view((await findAttempt(db, id))!)
    },

    async get(actor: Actor | null, id: string) {
      const { attempt } = await ownAttempt(actor, id)
      return view(await pauseIfUnproctored(attempt))
    },

    /** Saves one response; 200 means it is committed. An older sequence number is acknowledged and ignored. */
    async save(actor: Actor | null, id: string, itemId: string, input: { response: unknown; seq?: number | undefined }) {
      const { attempt: found } = await ownAttempt(actor, id)
      const attempt = await pauseIfUnproctored(found)
      if (attempt.status === 'paused') throw new AppError('ATTEMPT_PAUSED', 'The attempt is paused; your proctor will resume it.', { reason: attempt.pause_reason })
      if (!acceptsResponses(attempt.status, attempt.deadline_at, now())) throw new AppError('ATTEMPT_CLOSED', 'This attempt is closed: it was submitted or its time is up.')
      const form = JSON.parse(attempt.form) as FormItem[]
      if (!form.some((f) => f.itemId === itemId)) throw notFound('The item in this attempt')
      const text = JSON.stringify(input.response ?? null)
      if (Buffer.byteLength(text) > MAX_RESPONSE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'The response is too large.')
      const seq = input.seq ?? ((await storedSeq(db, id, itemId)) ?? 0)
      const saved = await saveResponse(db, id, itemId, text, seq, now().toISOString())
      return { itemId, seq: saved.seq, applied: saved.applied, savedAt: now().toISOString() }
    },

    /** A proctor of the session resumes a paused attempt; the pause does not count against its time. */
    async resume(actor: Actor | null, id: string) {
      const attempt = await findAttempt(db, id)
      if (!attempt) throw notFound('The attempt')
      const { proctor } = await requireSessionProctor(actor, attempt.session_id)
      if (attempt.status !== 'paused' || !attempt.paused_at) throw new AppError('CONFLICT', 'The attempt is not paused.')
      await upsertPresence(db, attempt.session_id, proctor.userId, now().toISOString())
      const moved = await moveAttempt(db, id, 'in_progress', {
        deadline_at: deadlineAfterPause(attempt.deadline_at, attempt.paused_at, now()), paused_at: null, pause_reason: null, updated_at: now().toISOString(),
      })
      if (!moved) throw new AppError('CONFLICT', 'The attempt is not paused.')
      await event(id, 'resumed', proctor.userId, null)
      return { id, status: 'in_progress' as const, deadline: (await findAttempt(db, id))!.deadline_at }
    },
  }
}

export type DeliveryService = ReturnType<typeof createDeliveryService>
