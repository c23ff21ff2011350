// Irregularity cases: staff open one on a candidate's result(s), with the incidents behind it; hold
// the result (withheld from the candidate and the registry: what rests on it is withdrawn), release it
// (its certificates issued or restored) or void it (the attempt voided, its certificates withdrawn). The
// candidate is told and may appeal within policies.appealWindowDays; someone who took no decision on
// the case decides the appeal, and an upheld appeal releases the result.
//
// Every action is one transaction in one lock order: the case row (a conditional update on its status
// and the version the caller read), then the attempts, then the candidate (results.reconcile), then the
// credentials. Email goes through the outbox after the commit.
import { appealDeadline, appealRefusal } from '../../../common/rules/appeal-window.js'
import type { AppealDecisionBody, CaseDecisionBody, OpenCaseBody } from '../../../common/schemas/integrity.js'
import type { ServerContext } from '../../context.js'
import type { Tx } from '../../db/database.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import type { AuditService } from '../audit/audit.service.js'
import type { AttemptRecordsService } from '../delivery/attempt-records.service.js'
import type { IrregularityRecordsService } from '../delivery/irregularity-records.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { ResultsService } from '../results/results.service.js'
import { caseEmails } from './case-emails.js'
import { caseViews } from './case-views.js'
import { readInBatches } from '../../db/id-batches.js'
import { allHeldAttemptIds, changeCaseIf, countCasesNeedingStaff, findCase, heldAttemptIdsOf, heldAttemptIdsOfCandidates, insertCase, insertCaseEvent, linkIncidents, linkResults, resultsOfCase, type CaseRow } from './cases.repository.js'
import { sessionsWithCenters, type IncidentViewDeps } from './incident-views.js'
import { DEFAULT_TIME_ZONE } from '../../../common/time-zones.js'
import { irregularityQueue } from './irregularity-queue.js'

export type IntegrityDeps = IncidentViewDeps & {
  audit: AuditService
  notifications: NotificationsService
  program: ProgramService
  records: IrregularityRecordsService
  attempts: AttemptRecordsService
  /** A getter: results is built before this module and asks it which results are held. */
  results: () => ResultsService
}

type Status = CaseRow['status']

export function createIntegrityService(ctx: ServerContext, deps: IntegrityDeps) {
  const { db } = ctx
  const windowDays = () => deps.program.definition.policies.appealWindowDays
  const views = caseViews(ctx, deps)

  async function caseOrNotFound(id: string, within = db) {
    const row = await findCase(within, id)
    if (!row) throw notFound('The case')
    return row
  }

  /** Why a conditional update of the case matched nothing, as the error the caller gets. */
  async function refusal(trx: Tx, id: string, version: number): Promise<AppError> {
    const now = await findCase(trx, id)
    if (!now) return notFound('The case')
    if (now.version !== version) return new AppError('CASE_CHANGED', 'Someone changed this case since you opened it; look at it again before deciding.', { version: now.version, status: now.status })
    if (now.appeal_status === 'pending') return new AppError('APPEAL_PENDING', 'The candidate has appealed; the appeal is decided first.', { status: now.status })
    return new AppError('CASE_DECIDED', `This case is ${now.status}; that decision cannot be taken on it now.`, { status: now.status })
  }

  /** Appends events to the case's timeline, numbered after the version the change produced. */
  async function events(trx: Tx, row: CaseRow, at: string, list: { kind: string; actorId: string | null; reason?: string | null; details?: Record<string, unknown> }[]) {
    for (const [i, e] of list.entries()) {
      await insertCaseEvent(trx, {
        id: newId(), case_id: row.id, kind: e.kind, actor_id: e.actorId, reason: e.reason ?? null,
        details: e.details ? JSON.stringify(e.details) : null, at, seq: row.version * 10 + i,
      })
    }
  }

  /** The case's modules, and the zone of the center where they were sat (its emails' dates are read there). */
  async function placeOf(caseId: string) {
    const results = await resultsOfCase(db, caseId)
    const { sessions, centers } = await sessionsWithCenters(deps, results.slice(0, 1).map((r) => r.session_id))
    const session = results[0] ? sessions.get(results[0].session_id) : undefined
    return { modules: results.map((r) => r.module), zone: (session && centers.get(session.center_id)?.time_zone) ?? DEFAULT_TIME_ZONE }
  }

  /** Emails the candidate after the commit; a lost message never undoes the decision. */
  async function tell(candidateId: string, message: (firstName: string, modules: string[], zone: string) => { subject: string; text: string }, caseId: string) {
    const contact = (await deps.contacts.contactsOf([candidateId])).get(candidateId)
    if (!contact) return
    const { modules, zone } = await placeOf(caseId)
    const { subject, text } = message(contact.first_name, modules, zone)
    await deps.notifications.send({ to: contact.email, subject, text })
  }

  const audit = (trx: Tx, actorId: string, action: string, caseId: string, reason: string | null, details: Record<string, unknown>) =>
    deps.audit.record(trx, { actorId, action, entityType: 'irregularity_case', entityId: caseId, reason, details })

  /**
   * One staff decision (hold, release, void) as one transaction: the guarded change of the case, then
   * `also` (attempts), then the candidate's certificates brought in line with what is now held.
   */
  async function decide(actor: Actor | null, id: string, body: CaseDecisionBody, plan: {
    from: Status[]; to: Status; action: string; notice: boolean
    set: (staffId: string, at: string, reason: string) => Partial<CaseRow>
    also?: (trx: Tx, row: CaseRow, staffId: string, at: string, reason: string) => Promise<void>
    reasons: { withdrawn: string; restored: string }
  }) {
    const staff = requireRole(actor, 'program_staff')
    await caseOrNotFound(id)
    const reason = body.reason.trim()
    const at = ctx.clock().toISOString()
    const outcome = await inTransaction(db, async (trx) => {
      const row = await changeCaseIf(trx, id, { version: body.version, from: plan.from, appeal: [null, 'denied'] }, { ...plan.set(staff.userId, at, reason), status: plan.to, updated_at: at, ...(plan.notice ? { noticed_at: at } : {}) })
      if (!row) throw await refusal(trx, id, body.version)
      if (plan.also) await plan.also(trx, row, staff.userId, at, reason)
      const { awarded, withdrawn } = await deps.results().reconcile(trx, row.candidate_id, plan.reasons)
      const details = { awarded: awarded.map((a) => a.certificateNumber), withdrawn }
      await events(trx, row, at, [{ kind: plan.to, actorId: staff.userId, reason, details }, ...(plan.notice || plan.to === 'released' ? [{ kind: 'notified', actorId: null }] : [])])
      await audit(trx, staff.userId, plan.action, id, reason, { candidateId: row.candidate_id, ...details })
      return { row, awarded }
    })
    return outcome
  }

  return {
    queue: (actor: Actor | null, query: Parameters<typeof irregularityQueue>[2]) => {
      requireRole(actor, 'program_staff')
      return irregularityQueue(db, deps, query)
    },

    incidentForCase: (actor: Actor | null, incidentId: string) => {
      requireRole(actor, 'program_staff')
      return views.incidentForCase(incidentId)
    },

    list: (actor: Actor | null, query: Parameters<typeof views.list>[0]) => {
      requireRole(actor, 'program_staff')
      return views.list(query)
    },

    async get(actor: Actor | null, id: string) {
      requireRole(actor, 'program_staff')
      return views.staffView(await caseOrNotFound(id))
    },

    /** Which of a candidate's results a case holds now (results asks, inside its own transaction). */
    /** Cases holding results and appeals awaiting a decision: counts for the staff dashboard. */
    needingStaff(): Promise<{ held: number; appealsPending: number }> {
      return countCasesNeedingStaff(db)
    },

    /** Every result held for review now (the analytics leaves them out until staff decide). */
    async allHeldAttemptIds(): Promise<ReadonlySet<string>> {
      return new Set(await allHeldAttemptIds(db))
    },

    async heldAttemptIds(within: Parameters<typeof heldAttemptIdsOf>[0], candidateId: string): Promise<ReadonlySet<string>> {
      return new Set(await heldAttemptIdsOf(within, candidateId))
    },

    /** heldAttemptIds for many candidates at once (a rescoring batch): the held attempt ids, whoever's they are. */
    async heldAttemptIdsOfMany(within: Parameters<typeof heldAttemptIdsOf>[0], candidateIds: readonly string[]): Promise<ReadonlySet<string>> {
      return new Set((await readInBatches(candidateIds, (slice) => heldAttemptIdsOfCandidates(within, slice))).map((r) => r.attempt_id))
    },

    async open(actor: Actor | null, body: OpenCaseBody) {
      const staff = requireRole(actor, 'program_staff')
      const attempts = await Promise.all(body.attemptIds.map((a) => deps.attempts.get(a)))
      if (attempts.some((a) => !a)) throw notFound('The result')
      const candidateId = attempts[0]!.candidate_id
      if (attempts.some((a) => a!.candidate_id !== candidateId)) throw new AppError('VALIDATION', 'A case concerns one candidate: choose results of the same person.', { field: 'attemptIds' })
      const unscored = attempts.find((a) => a!.status !== 'scored')
      if (unscored) throw new AppError('CONFLICT', `The ${unscored.module} attempt is ${unscored.status}, not scored: only a scored result can be held, released or voided.`, { attemptId: unscored.id })
      const incidents = await deps.records.incidents(body.incidentIds)
      if (incidents.length !== body.incidentIds.length) throw notFound('The incident')
      const id = newId()
      const at = ctx.clock().toISOString()
      const note = body.note.trim()
      await inTransaction(db, async (trx) => {
        const row: CaseRow = {
          id, candidate_id: candidateId, status: 'open', version: 1, opened_by: staff.userId, opened_at: at, note, held_by: null, held_at: null, hold_reason: null,
          decided_by: null, decided_at: null, decision_reason: null, noticed_at: null, appeal_statement: null, appealed_at: null, appeal_status: null,
          appeal_decided_by: null, appeal_decided_at: null, appeal_reason: null, updated_at: at,
        }
        await insertCase(trx, row)
        if (!(await linkResults(trx, attempts.map((a) => ({ case_id: id, attempt_id: a!.id, module: a!.module, session_id: a!.session_id }))))) {
          throw new AppError('RESULT_IN_CASE', 'One of these results is already in a case; open that case instead.')
        }
        if (!(await linkIncidents(trx, body.incidentIds.map((i) => ({ case_id: id, incident_id: i }))))) {
          throw new AppError('CONFLICT', 'One of these incidents is already in another case.')
        }
        await events(trx, { ...row, version: 0 }, at, [{ kind: 'opened', actorId: staff.userId, reason: note, details: { attemptIds: body.attemptIds, incidentIds: body.incidentIds } }])
        await audit(trx, staff.userId, 'irregularity.case_opened', id, note, { candidateId, attemptIds: body.attemptIds, incidentIds: body.incidentIds })
      })
      return views.staffView(await caseOrNotFound(id))
    },

    async hold(actor: Actor | null, id: string, body: CaseDecisionBody) {
      const { row } = await decide(actor, id, body, {
        from: ['open'], to: 'held', action: 'irregularity.result_held', notice: true,
        set: (by, at, reason) => ({ held_by: by, held_at: at, hold_reason: reason }),
        reasons: { withdrawn: `held for irregularity review (case ${id})`, restored: 'restored' },
      })
      await tell(row.candidate_id, (n, m, zone) => caseEmails.held(n, m, row.hold_reason!, appealDeadline(row.noticed_at, windowDays())!, zone, ctx.config.publicUrl), id)
      return views.staffView(row)
    },

    async release(actor: Actor | null, id: string, body: CaseDecisionBody) {
      const { row, awarded } = await decide(actor, id, body, {
        from: ['open', 'held'], to: 'released', action: 'irregularity.result_released', notice: false,
        set: (by, at, reason) => ({ decided_by: by, decided_at: at, decision_reason: reason }),
        reasons: { withdrawn: 'withdrawn', restored: `released after irregularity review (case ${id})` },
      })
      await tell(row.candidate_id, (n, m) => caseEmails.released(n, m, row.decision_reason!, awarded.map((a) => `${a.type} ${a.certificateNumber}`), ctx.config.publicUrl), id)
      return views.staffView(row)
    },

    async void(actor: Actor | null, id: string, body: CaseDecisionBody) {
      const { row } = await decide(actor, id, body, {
        from: ['open', 'held'], to: 'voided', action: 'irregularity.result_voided', notice: true,
        set: (by, at, reason) => ({ decided_by: by, decided_at: at, decision_reason: reason }),
        // The attempts are voided first: reconcile then finds nothing standing on them.
        also: async (trx, r, by, at, reason) => {
          for (const result of await resultsOfCase(trx, r.id)) await deps.records.voidIn(trx, result.attempt_id, { actorId: by, reason, at })
        },
        reasons: { withdrawn: `voided after irregularity review (case ${id})`, restored: 'restored' },
      })
      const deadline = row.appeal_status === null ? appealDeadline(row.noticed_at, windowDays()) : null
      await tell(row.candidate_id, (n, m, zone) => caseEmails.voided(n, m, row.decision_reason!, deadline, zone, ctx.config.publicUrl), id)
      return views.staffView(row)
    },

    async decideAppeal(actor: Actor | null, id: string, body: AppealDecisionBody) {
      const staff = requireRole(actor, 'program_staff')
      const current = await caseOrNotFound(id)
      if (current.appeal_status !== 'pending') throw new AppError('CONFLICT', 'No appeal is waiting on this case.', { appealStatus: current.appeal_status })
      // Someone who took no decision on the case reviews the appeal against it.
      if (staff.userId === current.held_by || staff.userId === current.decided_by) {
        throw new AppError('SAME_DECIDER', 'You took the decision under appeal; another staff member must decide the appeal.')
      }
      const reason = body.reason.trim()
      const upheld = body.outcome === 'upheld'
      const at = ctx.clock().toISOString()
      const row = await inTransaction(db, async (trx) => {
        const changed = await changeCaseIf(trx, id, { version: body.version, from: ['held', 'voided'], appeal: ['pending'] }, {
          appeal_status: body.outcome, appeal_decided_by: staff.userId, appeal_decided_at: at, appeal_reason: reason, updated_at: at,
          ...(upheld ? { status: 'released' as const, decided_by: staff.userId, decided_at: at, decision_reason: `Appeal upheld: ${reason}` } : {}),
        })
        if (!changed) throw await refusal(trx, id, body.version)
        let details: Record<string, unknown> = {}
        if (upheld) {
          if (current.status === 'voided') {
            for (const r of await resultsOfCase(trx, id)) await deps.records.unvoidIn(trx, r.attempt_id, { actorId: staff.userId, reason: `appeal upheld: ${reason}`, at })
          }
          const { awarded } = await deps.results().reconcile(trx, changed.candidate_id, { withdrawn: 'withdrawn', restored: `released on appeal (case ${id})` })
          details = { awarded: awarded.map((a) => a.certificateNumber) }
        }
        await events(trx, changed, at, [{ kind: upheld ? 'appeal_upheld' : 'appeal_denied', actorId: staff.userId, reason, details }, { kind: 'notified', actorId: null }])
        await audit(trx, staff.userId, upheld ? 'irregularity.appeal_upheld' : 'irregularity.appeal_denied', id, reason, { candidateId: changed.candidate_id, ...details })
        return changed
      })
      await tell(row.candidate_id, (n) => caseEmails.appealDecided(n, upheld, reason, ctx.config.publicUrl), id)
      return views.staffView(row)
    },

    /** The candidate's own cases: what is under review, what was decided, and their appeal. */
    async mine(actor: Actor | null) {
      const candidate = requireRole(actor, 'candidate')
      return views.mine(candidate.userId, windowDays())
    },

    async appeal(actor: Actor | null, id: string, statement: string) {
      const candidate = requireRole(actor, 'candidate')
      const current = await findCase(db, id)
      // Another candidate's case does not exist, as far as this one can tell.
      if (!current || current.candidate_id !== candidate.userId) throw notFound('The case')
      const refused = appealRefusal({ status: current.status, appealStatus: current.appeal_status, noticedAt: current.noticed_at }, windowDays(), ctx.clock())
      if (refused === 'not_appealable') throw new AppError('NOT_APPEALABLE', 'There is no decision on this case to appeal.', { status: current.status })
      if (refused === 'appeal_exists') throw new AppError('APPEAL_EXISTS', 'You have already appealed on this case; each case takes one appeal.')
      if (refused === 'window_closed') {
        const deadline = appealDeadline(current.noticed_at, windowDays())
        throw new AppError('APPEAL_WINDOW_CLOSED', `The appeal window closed on ${deadline}: appeals are taken within ${windowDays()} days of the notice.`, { deadline, appealWindowDays: windowDays() })
      }
      const text = statement.trim()
      const at = ctx.clock().toISOString()
      await inTransaction(db, async (trx) => {
        const row = await changeCaseIf(trx, id, { version: current.version, from: ['held', 'voided'], appeal: [null] }, { appeal_statement: text, appealed_at: at, appeal_status: 'pending', updated_at: at })
        if (!row) {
          const now = await findCase(trx, id)
          if (now?.appeal_status) throw new AppError('APPEAL_EXISTS', 'You have already appealed on this case; each case takes one appeal.')
          throw new AppError('NOT_APPEALABLE', 'The decision on this case changed while you wrote; look at your results page again.', { status: now?.status })
        }
        await events(trx, row, at, [{ kind: 'appealed', actorId: candidate.userId, reason: null }])
        await audit(trx, candidate.userId, 'irregularity.appealed', id, null, { candidateId: candidate.userId })
      })
      return (await views.mine(candidate.userId, windowDays())).items.find((c) => c.id === id)!
    },
  }
}

export type IntegrityService = ReturnType<typeof createIntegrityService>
