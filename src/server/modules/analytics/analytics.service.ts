// Program analytics for staff (issue 15, item 4). Owns no table: it asks each owner for what it holds
// over the period (results for scored attempts, delivery for their sessions and status, scheduling for
// sessions and registrations by center, integrity for held results, accommodations for who had one
// approved, the registry for awards), then aggregates. Every read is bounded by the period (three
// years at most) or by the ids it returned, in batches; no query runs per candidate.
import { analyticsPeriodProblem, MINIMUM_GROUP } from '../../../common/rules/analytics.js'
import type { AnalyticsQuery, AnalyticsReport } from '../../../common/schemas/analytics.js'
import { fieldError } from '../../field-errors.js'
import type { AccommodationsService } from '../accommodations/accommodations.service.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import type { AttemptRecordsService } from '../delivery/attempt-records.service.js'
import type { IntegrityService } from '../integrity/integrity.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { CredentialRecordsService } from '../registry/credential-records.service.js'
import type { ResultsService } from '../results/results.service.js'
import type { SessionsService } from '../scheduling/sessions.service.js'
import {
  accommodationFigures, centerFigures, moduleFigures, periodFigures, retakeFigures, skillFigures, timeToAwardFigures, type ResultFact,
} from './figures.js'

export interface AnalyticsDeps {
  program: ProgramService
  results: ResultsService
  attempts: AttemptRecordsService
  integrity: Pick<IntegrityService, 'allHeldAttemptIds'>
  sessions: Pick<SessionsService, 'activityByCenter' | 'centersOf'>
  centers: CenterDirectory
  accommodations: Pick<AccommodationsService, 'accommodatedCandidates'>
  credentials: Pick<CredentialRecordsService, 'awardsDatedBetween'>
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString()

export function createAnalyticsService(deps: AnalyticsDeps) {
  /** The filters checked against the program and the centers; a field error names the one that is wrong. */
  async function checkFilters(query: AnalyticsQuery) {
    const problem = analyticsPeriodProblem(query.from, query.to)
    if (problem) throw fieldError('to', problem)
    if (query.module !== undefined && !deps.program.definition.modules.some((m) => m.code === query.module)) {
      throw fieldError('module', 'Choose one of the program\'s modules.')
    }
    if (query.centerId !== undefined && !(await deps.centers.findMany([query.centerId])).has(query.centerId)) {
      throw fieldError('centerId', 'Choose a center from the list.')
    }
  }

  /** The period's standing results (voided and held ones left out) that pass the filters, with their center and group. */
  async function resultFacts(query: AnalyticsQuery, fromIso: string, toIso: string, accommodated: ReadonlySet<string>): Promise<ResultFact[]> {
    const [results, held] = await Promise.all([deps.results.scoredBetween(fromIso, toIso, query.module), deps.integrity.allHeldAttemptIds()])
    const standing = results.filter((r) => !held.has(r.attempt_id))
    const attempts = new Map((await deps.attempts.sessionsOf(standing.map((r) => r.attempt_id))).map((a) => [a.id, a]))
    // A voided attempt keeps its result row; only an attempt still 'scored' counts.
    const scored = standing.filter((r) => attempts.get(r.attempt_id)?.status === 'scored')
    const centerOfSession = await deps.sessions.centersOf([...new Set(scored.map((r) => attempts.get(r.attempt_id)!.session_id))])
    return scored.map((r) => ({
      candidateId: r.candidate_id, module: r.module, passed: Number(r.passed) === 1, retake: Number(r.retake) === 1, scoredAt: r.scored_at,
      centerId: centerOfSession.get(attempts.get(r.attempt_id)!.session_id) ?? null,
      accommodated: accommodated.has(r.candidate_id),
      skills: (JSON.parse(r.skills) as { code: string; belowStandard: boolean }[]).map((s) => ({ code: s.code, belowStandard: s.belowStandard })),
    })).filter((f) => (query.centerId === undefined || f.centerId === query.centerId)
      && (query.accommodation === undefined || f.accommodated === (query.accommodation === 'with')))
  }

  return {
    /** Every figure over the filters (program staff only). */
    async report(actor: Actor | null, query: AnalyticsQuery): Promise<AnalyticsReport> {
      requireRole(actor, 'program_staff')
      await checkFilters(query)
      const program = deps.program.definition
      const grouping = query.grouping ?? 'month'
      const fromIso = `${query.from}T00:00:00.000Z`
      const toIso = nextDay(query.to)
      const accommodated = await deps.accommodations.accommodatedCandidates(toIso)
      const [facts, activity, awards] = await Promise.all([
        resultFacts(query, fromIso, toIso, accommodated),
        deps.sessions.activityByCenter(fromIso, toIso, query.centerId),
        deps.credentials.awardsDatedBetween(query.from, query.to),
      ])
      if (query.accommodation !== undefined && new Set(facts.map((f) => f.candidateId)).size < MINIMUM_GROUP) {
        // Every figure would be about a group this small: refuse rather than show it.
        throw fieldError('accommodation', `Fewer than ${MINIMUM_GROUP} candidates in this group have results in the period, so no figures are shown for it. Choose a longer period or all candidates.`)
      }
      const awarded = awards.filter((a) => query.accommodation === undefined || accommodated.has(a.candidate_id) === (query.accommodation === 'with'))
      const firstScored = new Map((await deps.results.firstScoredAt([...new Set(awarded.map((a) => a.candidate_id))])).map((r) => [r.candidate_id, r.first_at]))
      const centerIds = [...new Set([...activity.map((a) => a.center_id), ...facts.flatMap((f) => (f.centerId ? [f.centerId] : []))])]
      const centers = await deps.centers.findMany(centerIds)
      return {
        from: query.from, to: query.to, grouping, minimumGroup: MINIMUM_GROUP,
        modules: moduleFigures(program, facts, query.module),
        skills: skillFigures(program, facts, query.module),
        centers: centerFigures(
          activity.map((a) => ({ centerId: a.center_id, centerName: '', sessions: Number(a.sessions), registrations: Number(a.registrations) })),
          new Map([...centers].map(([id, c]) => [id, c.name])), facts,
        ),
        periods: periodFigures(facts, query.from, query.to, grouping),
        accommodations: accommodationFigures(facts, query.accommodation),
        retakes: retakeFigures(program, facts, query.module),
        timeToAward: timeToAwardFigures(program, awarded.map((a) => ({ candidateId: a.candidate_id, type: a.type, issuedOn: a.issued_on })), firstScored),
      }
    },
  }
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>
