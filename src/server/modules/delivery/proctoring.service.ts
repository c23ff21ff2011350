// The proctor's side of a sitting: the live console, pausing and resuming one or all, added time,
// voiding, re-admitting on another computer, incident reports, closing the session with its report;
// and the sweep that runs without anyone: it pauses sessions whose proctor has gone (recording the
// gap as an incident), submits attempts whose time is up, and finishes scoring a crash interrupted.
import { ADJUSTMENT_LABELS, type Adjustment } from '../../../common/rules/accommodations.js'
import { deadlineAfterPause, remainingMs } from '../../../common/rules/attempt-lifecycle.js'
import type { ServerContext } from '../../context.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import type { Actor } from '../accounts/actor.js'
import type { AccommodationsService } from '../accommodations/accommodations.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { ResultsService } from '../results/results.service.js'
import type { DeliveryService } from './delivery.service.js'
import {
  attemptsOfSession, centerOf, closeSession, pauseRunning, eventsOfAttempts, expiredAttemptIds, findAttempt, incidentsOfSession, insertIncident, moveAttempt, openAbsence, saveSummary,
  sessionsWithRunningAttempts, sittersOfSession, unscoredAttemptIds, updateAttempt,
} from './delivery.repository.js'
import { sessionReportPdf } from './session-report-pdf.js'

export const INCIDENT_CATEGORIES = ['proctor_absent', 'technical', 'identity', 'misconduct', 'disruption', 'health', 'other'] as const
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number]

/** How recent the candidate's last request must be to count as online / idle. */
const ONLINE_MS = 30_000
const IDLE_MS = 120_000
/** A submitted attempt still unscored after this was interrupted by a crash; the sweep scores it. */
const UNSCORED_GRACE_MS = 10_000

export function createProctoringService(ctx: ServerContext, deps: { audit: AuditService; accommodations: AccommodationsService; delivery: DeliveryService; results: ResultsService }) {
  const { db } = ctx
  const { delivery } = deps
  const now = () => ctx.clock()
  const iso = () => ctx.clock().toISOString()

  async function proctorOfAttempt(actor: Actor | null, id: string) {
    const attempt = await findAttempt(db, id)
    if (!attempt) throw notFound('The attempt')
    const { proctor } = await delivery.requireSessionProctor(actor, attempt.session_id)
    return { attempt, proctor }
  }

  const audited = (actorId: string | null, action: string, entityId: string, details: Record<string, unknown>) =>
    db.transaction().execute((trx) => deps.audit.record(trx, { actorId, action, entityType: 'attempt', entityId, details }))

  async function pauseOne(id: string, actorId: string | null, reason: string, kind: 'proctor' | 'no_proctor_present'): Promise<boolean> {
    if (!(await pauseRunning(db, id, kind, iso()))) return false
    await delivery.event(id, 'paused', actorId, reason)
    return true
  }

  async function resumeOne(id: string, actorId: string): Promise<boolean> {
    const attempt = await findAttempt(db, id)
    if (!attempt || attempt.status !== 'paused' || !attempt.paused_at) return false
    const moved = await moveAttempt(db, id, 'in_progress', { deadline_at: deadlineAfterPause(attempt.deadline_at, attempt.paused_at, now()), paused_at: null, pause_reason: null, updated_at: iso() })
    if (moved) await delivery.event(id, 'resumed', actorId, null)
    return moved
  }

  const state = async (id: string) => {
    const a = (await findAttempt(db, id))!
    return { id, status: a.status, deadline: a.deadline_at }
  }

  function connection(lastSeenAt: string | null): 'online' | 'idle' | 'offline' {
    const age = lastSeenAt ? now().getTime() - Date.parse(lastSeenAt) : Number.POSITIVE_INFINITY
    return age <= ONLINE_MS ? 'online' : age <= IDLE_MS ? 'idle' : 'offline'
  }

  const incidentView = (i: Awaited<ReturnType<typeof incidentsOfSession>>[number]) => ({
    id: i.id, category: i.category, occurredAt: i.occurred_at, endedAt: i.ended_at, narrative: i.narrative, actionTaken: i.action_taken,
    registrationId: i.registration_id, reportedBy: i.reported_by, automatic: Number(i.automatic) === 1,
  })

  /** Everything the console and the session report show, in four queries and a presence check. */
  async function sittingOf(sessionId: string) {
    const [sitters, attempts, incidents] = await Promise.all([sittersOfSession(db, sessionId), attemptsOfSession(db, sessionId), incidentsOfSession(db, sessionId)])
    const ids = attempts.map((a) => a.id)
    const [summaries, events, adjustments] = await Promise.all([saveSummary(db, ids), eventsOfAttempts(db, ids), deps.accommodations.adjustmentsFor(sitters.map((s) => s.candidate_id))])
    const summary = new Map(summaries.map((s) => [s.attempt_id, s]))
    const eventsBy = new Map<string, typeof events>()
    for (const e of events) eventsBy.set(e.attempt_id, [...(eventsBy.get(e.attempt_id) ?? []), e])
    const attemptView = (a: (typeof attempts)[number]) => {
      const evs = eventsBy.get(a.id) ?? []
      return {
        id: a.id, module: a.module, status: a.status, pauseReason: a.status === 'paused' ? a.pause_reason : null, deadline: a.deadline_at,
        remainingMs: remainingMs({ status: a.status, deadlineAt: a.deadline_at, pausedAt: a.paused_at }, now()),
        answered: Number(summary.get(a.id)?.answered ?? 0), total: (JSON.parse(a.form) as unknown[]).length, lastSaveAt: (summary.get(a.id)?.last_save_at as string | null | undefined) ?? null,
        connection: connection(a.last_seen_at), focusLost: evs.filter((e) => e.kind === 'focus_lost').length, awaitingReadmit: Number(a.awaiting_readmit) === 1,
        extraMinutes: Number(a.extra_minutes), startedAt: a.started_at, submittedAt: a.submitted_at, events: evs,
      }
    }
    return {
      incidents: incidents.map(incidentView),
      candidates: sitters.map((s) => ({
        registrationId: s.registration_id, candidateId: s.candidate_id, name: `${s.first_name} ${s.last_name}`, modules: JSON.parse(s.modules) as string[],
        checkedInAt: s.checked_in_at, accommodations: adjustments.get(s.candidate_id) ?? [],
        attempts: attempts.filter((a) => a.registration_id === s.registration_id).map(attemptView),
      })),
    }
  }

  return {
    async console(actor: Actor | null, sessionId: string) {
      const { session } = await delivery.requireSessionProctor(actor, sessionId)
      const sitting = await sittingOf(sessionId)
      return {
        session: { id: session.id, centerName: (await centerOf(db, session.center_id))?.name ?? '', startsAt: session.starts_at, endsAt: session.ends_at, status: session.status, closedAt: session.closed_at },
        proctorPresent: await delivery.proctorPresent(sessionId),
        incidents: sitting.incidents,
        candidates: sitting.candidates.map((c) => ({ ...c, attempts: c.attempts.map(({ events: _events, startedAt: _s, submittedAt: _u, ...rest }) => rest) })),
      }
    },

    async pause(actor: Actor | null, id: string, reason: string) {
      const { proctor } = await proctorOfAttempt(actor, id)
      if (!(await pauseOne(id, proctor.userId, reason, 'proctor'))) throw new AppError('CONFLICT', 'Only a running attempt can be paused.')
      return state(id)
    },

    /** A proctor of the session resumes a paused attempt; the pause does not count against its time. */
    async resume(actor: Actor | null, id: string) {
      const { proctor, attempt } = await proctorOfAttempt(actor, id)
      await delivery.heartbeat(actor, attempt.session_id)
      if (!(await resumeOne(id, proctor.userId))) throw new AppError('CONFLICT', 'The attempt is not paused.')
      return state(id)
    },

    async pauseAll(actor: Actor | null, sessionId: string, reason: string) {
      const { proctor } = await delivery.requireSessionProctor(actor, sessionId)
      let changed = 0
      for (const a of await attemptsOfSession(db, sessionId)) if (a.status === 'in_progress' && (await pauseOne(a.id, proctor.userId, reason, 'proctor'))) changed++
      return { changed }
    },

    /** Resumes every attempt paused by a proctor or by the proctor's absence; breaks stay the candidate's. */
    async resumeAll(actor: Actor | null, sessionId: string) {
      const { proctor } = await delivery.requireSessionProctor(actor, sessionId)
      await delivery.heartbeat(actor, sessionId)
      let changed = 0
      for (const a of await attemptsOfSession(db, sessionId)) if (a.status === 'paused' && a.pause_reason !== 'break' && (await resumeOne(a.id, proctor.userId))) changed++
      return { changed }
    },

    async addTime(actor: Actor | null, id: string, input: { minutes: number; reason: string }) {
      const { proctor, attempt } = await proctorOfAttempt(actor, id)
      if (attempt.status !== 'in_progress' && attempt.status !== 'paused') throw new AppError('ATTEMPT_CLOSED', 'Time can be added only to an attempt that is still open.')
      if (attempt.status === 'in_progress' && Date.parse(attempt.deadline_at) < now().getTime()) throw new AppError('ATTEMPT_CLOSED', 'Time is already up for this attempt; it is being submitted.')
      const deadline = new Date(Date.parse(attempt.deadline_at) + input.minutes * 60_000).toISOString()
      await updateAttempt(db, id, { deadline_at: deadline, extra_minutes: Number(attempt.extra_minutes) + input.minutes, updated_at: iso() })
      await delivery.event(id, 'time_added', proctor.userId, `${input.minutes} min: ${input.reason}`)
      await audited(proctor.userId, 'attempt.time_added', id, { minutes: input.minutes, reason: input.reason })
      return state(id)
    },

    /** Voids an attempt; a scored one stops counting, and certificates resting on it are withdrawn. */
    async void(actor: Actor | null, id: string, reason: string) {
      const { proctor, attempt } = await proctorOfAttempt(actor, id)
      if (!(await moveAttempt(db, id, 'voided', { updated_at: iso() }))) throw new AppError('CONFLICT', 'The attempt is already voided.')
      await delivery.event(id, 'voided', proctor.userId, reason)
      await audited(proctor.userId, 'attempt.voided', id, { reason })
      if (attempt.status === 'scored') await db.transaction().execute((trx) => deps.results.reconcile(trx, attempt.candidate_id))
      return { id, status: 'voided' as const }
    },

    /** Lets the candidate continue on another computer: the next device to ask takes the attempt over. */
    async readmit(actor: Actor | null, id: string) {
      const { proctor, attempt } = await proctorOfAttempt(actor, id)
      if (attempt.status !== 'in_progress' && attempt.status !== 'paused') throw new AppError('ATTEMPT_CLOSED', 'The attempt is closed.')
      await updateAttempt(db, id, { readmit_allowed: 1, updated_at: iso() })
      await delivery.event(id, 'readmitted', proctor.userId, null)
      await audited(proctor.userId, 'attempt.readmitted', id, {})
      return { id }
    },

    async reportIncident(actor: Actor | null, sessionId: string, input: { category: IncidentCategory; occurredAt: string; narrative: string; actionTaken: string; registrationId?: string | undefined }) {
      const { proctor } = await delivery.requireSessionProctor(actor, sessionId)
      if (input.registrationId && !(await sittersOfSession(db, sessionId)).some((s) => s.registration_id === input.registrationId)) throw notFound('The candidate in this session')
      const id = newId()
      await insertIncident(db, {
        id, session_id: sessionId, category: input.category, occurred_at: new Date(input.occurredAt).toISOString(), ended_at: null, narrative: input.narrative,
        action_taken: input.actionTaken, registration_id: input.registrationId ?? null, reported_by: proctor.userId, automatic: 0, created_at: iso(),
      })
      return incidentView((await incidentsOfSession(db, sessionId)).find((i) => i.id === id)!)
    },

    async close(actor: Actor | null, sessionId: string) {
      const { proctor, session } = await delivery.requireSessionProctor(actor, sessionId)
      if (session.closed_at) return { id: sessionId, closedAt: session.closed_at }
      const running = (await attemptsOfSession(db, sessionId)).filter((a) => a.status === 'in_progress' || a.status === 'paused')
      if (running.length > 0) throw new AppError('ATTEMPTS_RUNNING', 'Candidates are still testing; the session closes when every attempt has ended.', { attemptIds: running.map((a) => a.id) })
      const at = iso()
      await db.transaction().execute(async (trx) => {
        await closeSession(trx, sessionId, at)
        await deps.audit.record(trx, { actorId: proctor.userId, action: 'session.closed', entityType: 'session', entityId: sessionId, details: {} })
      })
      return { id: sessionId, closedAt: at }
    },

    async report(actor: Actor | null, sessionId: string): Promise<Buffer> {
      const { session } = await delivery.requireSessionProctor(actor, sessionId)
      const sitting = await sittingOf(sessionId)
      const center = await centerOf(db, session.center_id)
      return sessionReportPdf({
        title: `Session report: ${center?.name ?? 'Assessment center'}`,
        subtitle: `${session.starts_at.slice(0, 16).replace('T', ' ')} to ${session.ends_at.slice(11, 16)} UTC · ${center ? `${center.city}, ${center.state}` : ''} · ${session.closed_at ? `closed ${session.closed_at.slice(0, 16).replace('T', ' ')} UTC` : 'not closed yet (interim report)'}`,
        generatedAt: iso(),
        candidates: sitting.candidates.map((c) => ({
          name: c.name, checkedInAt: c.checkedInAt, accommodations: c.accommodations.map((a) => ADJUSTMENT_LABELS[a as Adjustment] ?? a).join(', '),
          attempts: c.attempts.map((a) => ({ module: a.module, status: a.status, startedAt: a.startedAt, submittedAt: a.submittedAt, answered: a.answered, total: a.total, events: a.events.map((e) => ({ kind: e.kind, at: e.at, reason: e.reason })) })),
        })),
        incidents: sitting.incidents,
      })
    },

    /**
     * Runs every few seconds without anyone asking: pauses attempts in sessions whose proctor has
     * gone (each gap recorded once as an incident), submits attempts whose time is up (the
     * candidate's browser may be gone), and scores attempts a crash left submitted but unscored.
     */
    async sweep() {
      const summary = { paused: 0, submitted: 0, scored: 0, breaksEnded: 0 }
      // Time that is up is dealt with first: an expired attempt is submitted, never paused.
      for (const id of await expiredAttemptIds(db, iso())) if (await delivery.submitAttempt(id, { actorId: null, reason: 'deadline' })) summary.submitted++
      // A break that has run its length ends: its clock runs again (and pauses below if no proctor is there).
      summary.breaksEnded = await delivery.endOverlongBreaks()
      for (const sessionId of await sessionsWithRunningAttempts(db)) {
        if (await delivery.proctorPresent(sessionId)) continue
        for (const a of await attemptsOfSession(db, sessionId)) if (a.status === 'in_progress' && (await pauseOne(a.id, null, 'no_proctor_present', 'no_proctor_present'))) summary.paused++
        if (!(await openAbsence(db, sessionId))) {
          await insertIncident(db, {
            id: newId(), session_id: sessionId, category: 'proctor_absent', occurred_at: iso(), ended_at: null, registration_id: null, reported_by: null, automatic: 1, created_at: iso(),
            narrative: 'No certified proctor of the session was present (console heartbeat) for the configured time while candidates were testing.',
            action_taken: 'Running attempts were paused automatically; their clocks stopped until a proctor resumed them.',
          })
        }
      }
      for (const id of await unscoredAttemptIds(db, new Date(now().getTime() - UNSCORED_GRACE_MS).toISOString())) {
        await delivery.scoreSubmitted(id)
        summary.scored++
      }
      return summary
    },
  }
}

export type ProctoringService = ReturnType<typeof createProctoringService>
