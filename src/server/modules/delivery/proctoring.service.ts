// The proctor's side of a sitting: the live console, pausing and resuming one or all, added time,
// voiding, re-admitting on another computer, incident reports, closing the session with its report;
// and the sweep that runs without anyone: it pauses sessions whose proctor has gone (recording the
// gap as an incident), submits attempts whose time is up, and finishes scoring a crash interrupted.
import { DEFAULT_TIME_ZONE, formatZonedRange, formatZonedShort } from '../../../common/time-zones.js'
import { ADJUSTMENT_LABELS, type Adjustment } from '../../../common/rules/accommodations.js'
import { deadlineAfterPause, remainingMs } from '../../../common/rules/attempt-lifecycle.js'
import type { IncidentCategory, PauseReason } from '../../../common/schemas/delivery.js'
import type { ServerContext } from '../../context.js'
import type { Tx } from '../../db/database.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { hasRole, type Actor } from '../accounts/actor.js'
import type { ContactDirectory } from '../accounts/users.service.js'
import type { AccommodationsService } from '../accommodations/accommodations.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import type { ResultsService } from '../results/results.service.js'
import type { RegistrationsService } from '../scheduling/registrations.service.js'
import type { SessionAdminService } from '../scheduling/session-admin.service.js'
import type { AttemptRow, DeliveryService } from './delivery.service.js'
import {
  attemptsOfSession, changeClockIf, pauseRunning, eventsOfAttempts, expiredAttemptIds, findAttempt, incidentsOfSession, insertEvent, insertIncident,
  moveAttempt, openAbsence, readmitOpen, saveSummary, sessionsWithRunningAttempts, unscoredAttemptIds,
} from './delivery.repository.js'
import { sessionReportPdf } from './session-report-pdf.js'
import { sittersOfSession } from './sitters.js'


/** How recent the candidate's last request must be to count as online / idle. */
const ONLINE_MS = 30_000
const IDLE_MS = 120_000
/** A submitted attempt still unscored after this was interrupted by a crash; the sweep scores it. */
const UNSCORED_GRACE_MS = 10_000
/** How often a change of an attempt's clock is tried again after a concurrent change moved it. */
const CLOCK_RETRIES = 10

export function createProctoringService(ctx: ServerContext, deps: {
  audit: AuditService; accommodations: AccommodationsService; delivery: DeliveryService; results: ResultsService; sessions: SessionAdminService
  registrations: RegistrationsService; users: ContactDirectory; centers: CenterDirectory
}) {
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

  const event = (id: string, kind: string, actorId: string | null, reason: string | null) => ({ id: newId(), attempt_id: id, kind, actor_id: actorId, reason, at: iso() })
  const auditEntry = (actorId: string | null, action: string, entityId: string, details: Record<string, unknown>) => ({ actorId, action, entityType: 'attempt', entityId, details })

  /** A pause and its event, together. */
  async function pauseOne(id: string, actorId: string | null, reason: string, kind: 'proctor' | 'no_proctor_present'): Promise<boolean> {
    return inTransaction(db, async (trx) => {
      if (!(await pauseRunning(trx, id, kind, iso()))) return false
      await insertEvent(trx, event(id, 'paused', actorId, reason))
      return true
    })
  }

  /**
   * Runs a change of an attempt's clock as read now, in one transaction with what goes with it; if a
   * concurrent change moved the clock in between (the version check fails), reads again and retries.
   * `plan` returns null when the attempt, as read, cannot take the change.
   */
  async function changeClock(
    id: string,
    plan: (a: AttemptRow) => { statuses: AttemptRow['status'][]; change: Parameters<typeof changeClockIf>[3]; addedMinutes?: number; also: (trx: Tx) => Promise<void> } | null,
  ): Promise<boolean> {
    for (let i = 0; i < CLOCK_RETRIES; i++) {
      const attempt = await findAttempt(db, id)
      const planned = attempt && plan(attempt)
      if (!attempt || !planned) return false
      const done = await inTransaction(db, async (trx) => {
        if (!(await changeClockIf(trx, id, { statuses: planned.statuses, deadline_at: attempt.deadline_at, paused_at: attempt.paused_at }, planned.change, planned.addedMinutes))) return false
        await planned.also(trx)
        return true
      })
      if (done) return true
    }
    throw new AppError('CONFLICT', 'The attempt keeps changing; try again.')
  }

  /** Resumes a paused attempt: its deadline moves by the pause, computed from the row as it is. */
  async function resumeOne(id: string, actorId: string): Promise<boolean> {
    return changeClock(id, (a) => a.status !== 'paused' || !a.paused_at ? null : {
      statuses: ['paused'],
      change: { status: 'in_progress', deadline_at: deadlineAfterPause(a.deadline_at, a.paused_at, now()), paused_at: null, pause_reason: null, updated_at: iso() },
      also: (trx) => insertEvent(trx, event(id, 'resumed', actorId, null)),
    })
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
    id: i.id, category: i.category as IncidentCategory, occurredAt: i.occurred_at, endedAt: i.ended_at, narrative: i.narrative, actionTaken: i.action_taken,
    registrationId: i.registration_id, reportedBy: i.reported_by, automatic: Number(i.automatic) === 1,
  })

  /** Everything the console and the session report show, in four queries and a presence check. */
  async function sittingOf(sessionId: string) {
    const [sitters, attempts, incidents] = await Promise.all([sittersOfSession(db, deps, sessionId), attemptsOfSession(db, sessionId), incidentsOfSession(db, sessionId)])
    const ids = attempts.map((a) => a.id)
    const [summaries, events, adjustments] = await Promise.all([saveSummary(db, ids), eventsOfAttempts(db, ids), deps.accommodations.adjustmentsFor(sitters.map((s) => s.candidate_id))])
    const summary = new Map(summaries.map((s) => [s.attempt_id, s]))
    const eventsBy = new Map<string, typeof events>()
    for (const e of events) eventsBy.set(e.attempt_id, [...(eventsBy.get(e.attempt_id) ?? []), e])
    const attemptView = (a: (typeof attempts)[number]) => {
      const evs = eventsBy.get(a.id) ?? []
      return {
        id: a.id, module: a.module, status: a.status, pauseReason: a.status === 'paused' ? (a.pause_reason as PauseReason | null) : null, deadline: a.deadline_at,
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
      const center = await deps.centers.find(session.center_id)
      return {
        session: {
          id: session.id, centerName: center?.name ?? '', startsAt: session.starts_at, endsAt: session.ends_at, status: session.status, closedAt: session.closed_at,
          timeZone: center?.time_zone ?? DEFAULT_TIME_ZONE,
        },
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

    /**
     * Adds time to an open attempt: the deadline as it is now plus the minutes, with its event and audit
     * entry, in one transaction; a concurrent change of the clock (a resume, other added time) is read
     * again, never overwritten.
     */
    async addTime(actor: Actor | null, id: string, input: { minutes: number; reason: string }) {
      const { proctor } = await proctorOfAttempt(actor, id)
      let closed: string | null = null
      const added = await changeClock(id, (a) => {
        if (a.status !== 'in_progress' && a.status !== 'paused') closed = 'Time can be added only to an attempt that is still open.'
        else if (a.status === 'in_progress' && Date.parse(a.deadline_at) < now().getTime()) closed = 'Time is already up for this attempt; it is being submitted.'
        if (closed) return null
        return {
          statuses: ['in_progress', 'paused'],
          change: { deadline_at: new Date(Date.parse(a.deadline_at) + input.minutes * 60_000).toISOString(), updated_at: iso() },
          addedMinutes: input.minutes,
          also: async (trx) => {
            await insertEvent(trx, event(id, 'time_added', proctor.userId, `${input.minutes} min: ${input.reason}`))
            await deps.audit.record(trx, auditEntry(proctor.userId, 'attempt.time_added', id, { minutes: input.minutes, reason: input.reason }))
          },
        }
      })
      if (!added) throw new AppError('ATTEMPT_CLOSED', closed ?? 'The attempt is closed.')
      return state(id)
    },

    /**
     * Voids an attempt in one transaction: its status, its event and audit entry, and the candidate's
     * certificates brought in line (one resting on it is withdrawn), whatever it was when the proctor
     * looked: a submission finishing meanwhile is voided with its awards.
     */
    async void(actor: Actor | null, id: string, reason: string) {
      const { proctor, attempt } = await proctorOfAttempt(actor, id)
      const voided = await inTransaction(db, async (trx) => {
        if (!(await moveAttempt(trx, id, 'voided', { updated_at: iso() }))) return false
        await insertEvent(trx, event(id, 'voided', proctor.userId, reason))
        await deps.audit.record(trx, auditEntry(proctor.userId, 'attempt.voided', id, { reason }))
        await deps.results.reconcile(trx, attempt.candidate_id)
        return true
      })
      if (!voided) throw new AppError('CONFLICT', 'The attempt is already voided.')
      return { id, status: 'voided' as const }
    },

    /** Lets the candidate continue on another computer: the next device to ask takes the attempt over. */
    async readmit(actor: Actor | null, id: string) {
      const { proctor } = await proctorOfAttempt(actor, id)
      const allowed = await inTransaction(db, async (trx) => {
        if (!(await readmitOpen(trx, id, iso()))) return false
        await insertEvent(trx, event(id, 'readmitted', proctor.userId, null))
        await deps.audit.record(trx, auditEntry(proctor.userId, 'attempt.readmitted', id, {}))
        return true
      })
      if (!allowed) throw new AppError('ATTEMPT_CLOSED', 'The attempt is closed.')
      return { id }
    },

    async reportIncident(actor: Actor | null, sessionId: string, input: { category: IncidentCategory; occurredAt: string; narrative: string; actionTaken: string; registrationId?: string | undefined }) {
      const { proctor } = await delivery.requireSessionProctor(actor, sessionId)
      if (input.registrationId && !(await sittersOfSession(db, deps, sessionId)).some((s) => s.registration_id === input.registrationId)) throw notFound('The candidate in this session')
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
      const closed = await inTransaction(db, async (trx) => {
        if (!(await deps.sessions.closeIn(trx, sessionId, at))) return false
        await deps.audit.record(trx, { actorId: proctor.userId, action: 'session.closed', entityType: 'session', entityId: sessionId, details: {} })
        return true
      })
      // Closed by another proctor meanwhile: the first close stands.
      if (!closed) return { id: sessionId, closedAt: (await deps.sessions.find(sessionId))!.closed_at! }
      return { id: sessionId, closedAt: at }
    },

    async report(actor: Actor | null, sessionId: string): Promise<Buffer> {
      // issue 12 (integrity stream): program staff read any session's report from the irregularity queue.
      const staffSession = hasRole(actor, 'program_staff') ? await deps.sessions.find(sessionId) : undefined
      if (hasRole(actor, 'program_staff') && !staffSession) throw notFound('The session')
      const { session } = staffSession ? { session: staffSession } : await delivery.requireSessionProctor(actor, sessionId)
      const sitting = await sittingOf(sessionId)
      const center = await deps.centers.find(session.center_id)
      const zone = center?.time_zone ?? DEFAULT_TIME_ZONE
      return sessionReportPdf({
        title: `Session report: ${center?.name ?? 'Assessment center'}`,
        subtitle: `${formatZonedRange(session.starts_at, session.ends_at, zone)} · ${center ? `${center.city}, ${center.state}` : ''} · ${session.closed_at ? `closed ${formatZonedShort(session.closed_at, zone)}` : 'not closed yet (interim report)'}`,
        generatedAt: iso(),
        timeZone: zone,
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
