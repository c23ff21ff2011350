// Cases as people see them: the whole case for staff (results with their scores, incidents, each
// decision and who took it, the notice, the appeal, and the timeline), the case list, an incident with
// the results a case on it could concern, and the candidate's own view (no staff names, no scores held).
import { appealDeadline, appealRefusal } from '../../../common/rules/appeal-window.js'
import type { CaseEvent, CaseListPage, CaseListQuery, CaseView, IncidentForCase, MyCasesView } from '../../../common/schemas/integrity.js'
import type { ServerContext } from '../../context.js'
import { decodeCursor, toPage } from '../../db/pagination.js'
import { notFound } from '../../errors.js'
import type { AttemptRecordsService } from '../delivery/attempt-records.service.js'
import type { IrregularityRecordsService } from '../delivery/irregularity-records.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { ResultsService } from '../results/results.service.js'
import { casesOfAttempts, casesOfCandidate, eventsOfCase, incidentIdsOfCase, listCases, resultsOfCase, resultsOfCases, type CaseRow } from './cases.repository.js'
import { describeIncidents, peopleRefs, sessionsWithCenters, type IncidentViewDeps } from './incident-views.js'
import { DEFAULT_TIME_ZONE } from '../../../common/time-zones.js'

export function caseViews(ctx: ServerContext, deps: IncidentViewDeps & {
  program: ProgramService; records: IrregularityRecordsService; attempts: AttemptRecordsService; results: () => ResultsService
}) {
  const { db } = ctx
  const windowDays = () => deps.program.definition.policies.appealWindowDays

  async function staffView(row: CaseRow): Promise<CaseView> {
    const [results, incidentIds, timeline] = await Promise.all([resultsOfCase(db, row.id), incidentIdsOfCase(db, row.id), eventsOfCase(db, row.id)])
    const [incidents, scores, attempts] = await Promise.all([
      deps.records.incidents(incidentIds).then((rows) => describeIncidents(db, deps, rows)),
      Promise.all(results.map((r) => deps.results().storedResult(r.attempt_id))),
      Promise.all(results.map((r) => deps.attempts.get(r.attempt_id))),
    ])
    const person = await peopleRefs(deps.contacts, [row.candidate_id, row.opened_by, row.held_by, row.decided_by, row.appeal_decided_by, ...timeline.map((e) => e.actor_id)])
    return {
      id: row.id, status: row.status, version: Number(row.version), candidate: person(row.candidate_id)!, note: row.note,
      openedBy: person(row.opened_by), openedAt: row.opened_at,
      results: results.map((r, i) => ({
        attemptId: r.attempt_id, module: r.module, sessionId: r.session_id,
        percent: scores[i]?.percent ?? null, passed: scores[i]?.passed ?? null, attemptStatus: attempts[i]?.status ?? 'unknown',
      })),
      incidents,
      heldBy: person(row.held_by), heldAt: row.held_at, holdReason: row.hold_reason,
      decidedBy: person(row.decided_by), decidedAt: row.decided_at, decisionReason: row.decision_reason,
      noticedAt: row.noticed_at, appealDeadline: appealDeadline(row.noticed_at, windowDays()),
      appeal: row.appeal_status && row.appeal_statement !== null && row.appealed_at !== null
        ? { statement: row.appeal_statement, appealedAt: row.appealed_at, status: row.appeal_status, decidedBy: person(row.appeal_decided_by), decidedAt: row.appeal_decided_at, reason: row.appeal_reason }
        : null,
      timeline: timeline.map((e): CaseEvent => ({ kind: e.kind as CaseEvent['kind'], at: e.at, actor: person(e.actor_id), reason: e.reason, details: e.details })),
    }
  }

  return {
    staffView,

    async list(query: CaseListQuery): Promise<CaseListPage> {
      const limit = query.limit ?? 50
      const rows = await listCases(db, { status: query.status, appeal: query.appeal, after: decodeCursor(query.cursor), limit: limit + 1 })
      const page = toPage(rows, limit, (r) => r, (r) => r.opened_at)
      const [results, person] = await Promise.all([resultsOfCases(db, page.items.map((r) => r.id)), peopleRefs(deps.contacts, page.items.map((r) => r.candidate_id))])
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((r) => ({
          id: r.id, status: r.status, candidate: person(r.candidate_id)!, modules: results.filter((x) => x.case_id === r.id).map((x) => x.module),
          openedAt: r.opened_at, updatedAt: r.updated_at, appealStatus: r.appeal_status,
        })),
      }
    },

    /** An incident with the candidates it may concern (its own, or everyone who sat the session) and their results. */
    async incidentForCase(incidentId: string): Promise<IncidentForCase> {
      const [row] = await deps.records.incidents([incidentId])
      if (!row) throw notFound('The incident')
      const [incident] = await describeIncidents(db, deps, [row])
      const attempts = (await deps.records.attemptsOfSession(row.session_id)).filter((a) => !incident!.candidate || a.candidate_id === incident!.candidate.id)
      const [cases, person] = await Promise.all([casesOfAttempts(db, attempts.map((a) => a.id)), peopleRefs(deps.contacts, attempts.map((a) => a.candidate_id))])
      const caseOf = new Map(cases.map((c) => [c.attempt_id, c.case_id]))
      const candidates = [...new Set(attempts.map((a) => a.candidate_id))].map((id) => ({
        candidate: person(id)!,
        results: attempts.filter((a) => a.candidate_id === id).map((a) => ({
          attemptId: a.id, module: a.module, sessionId: row.session_id, submittedAt: a.submitted_at, attemptStatus: a.status, caseId: caseOf.get(a.id) ?? null,
        })),
      }))
      candidates.sort((x, y) => x.candidate.name.localeCompare(y.candidate.name))
      return { incident: incident!, candidates }
    },

    async mine(candidateId: string, days: number): Promise<MyCasesView> {
      // A case staff have only opened is their review, not yet a decision the candidate is told of.
      const rows = (await casesOfCandidate(db, candidateId)).filter((r) => r.status !== 'open')
      const results = await resultsOfCases(db, rows.map((r) => r.id))
      // The candidate reads the case's dates at the clock of the center where they sat.
      const { sessions, centers } = await sessionsWithCenters(deps, results.map((x) => x.session_id))
      const zoneOfCase = (caseId: string) => {
        const session = sessions.get(results.find((x) => x.case_id === caseId)?.session_id ?? '')
        return (session && centers.get(session.center_id)?.time_zone) ?? DEFAULT_TIME_ZONE
      }
      const now = ctx.clock()
      return {
        items: rows.map((r) => ({
          id: r.id, status: r.status, timeZone: zoneOfCase(r.id),
          modules: results.filter((x) => x.case_id === r.id).map((x) => ({ attemptId: x.attempt_id, module: x.module, sessionId: x.session_id })),
          heldAt: r.held_at, holdReason: r.hold_reason, decidedAt: r.decided_at, decisionReason: r.decision_reason, noticedAt: r.noticed_at,
          appealDeadline: appealDeadline(r.noticed_at, days),
          canAppeal: appealRefusal({ status: r.status, appealStatus: r.appeal_status, noticedAt: r.noticed_at }, days, now) === null,
          appeal: r.appeal_status && r.appeal_statement !== null && r.appealed_at !== null
            ? { statement: r.appeal_statement, appealedAt: r.appealed_at, status: r.appeal_status, decidedAt: r.appeal_decided_at, reason: r.appeal_reason }
            : null,
        })),
      }
    },
  }
}
