// The candidate's pathway (NCRC → modules → MS → MT1): gathers the profile, results, certificates,
// registrations and upcoming public sessions, and leaves the judging to src/common/rules/pathway.ts.
import { ncrcAdvice } from '../../../common/rules/ncrc-advice.js'
import { computePathway, type PathwayInput } from '../../../common/rules/pathway.js'
import { isRegistrationInTime } from '../../../common/rules/registration-window.js'
import type { GrantedStanding } from '../../../common/schemas/advanced-standing.js'
import type { ServerContext } from '../../context.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import type { ProfileService } from '../accounts/profile.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { CredentialRecordsService } from '../registry/credential-records.service.js'
import type { RegistrationsService } from '../scheduling/registrations.service.js'
import type { SessionsService } from '../scheduling/sessions.service.js'
import type { ResultsService } from './results.service.js'

const HOUR = 3_600_000
/** Sessions read per page, and at most this many pages: enough to find one open session per module. */
const PAGE = 100
const MAX_PAGES = 5

export function createPathwayService(
  ctx: ServerContext,
  deps: {
    program: ProgramService; profiles: ProfileService; registrations: RegistrationsService; sessions: SessionsService
    results: ResultsService; credentials: CredentialRecordsService
    /** issue 14: the credit partner institutions granted the holder (the advanced-standing module). */
    advancedStanding: { grantedTo(holderId: string): Promise<GrantedStanding[]> }
  },
) {
  const program = deps.program.definition
  const { policies } = program

  /**
   * Public sessions from the registration deadline on, page by page, until every module still to
   * pass has an open session with a seat (the pathway's next session for it) or the pages run out.
   */
  async function upcomingSessions(now: Date, modules: Set<string>): Promise<PathwayInput['sessions']> {
    const from = new Date(now.getTime() + policies.registrationLeadHours * HOUR).toISOString()
    const found: PathwayInput['sessions'][number][] = []
    const waiting = new Set(modules)
    let cursor: string | undefined
    for (let page = 0; page < MAX_PAGES && waiting.size > 0; page++) {
      const result = await deps.sessions.listPublic({ from, limit: PAGE, cursor })
      found.push(...result.items)
      for (const s of result.items) {
        if (s.status !== 'scheduled' || s.seatsAvailable <= 0 || !isRegistrationInTime(now, new Date(s.startsAt), policies.registrationLeadHours)) continue
        for (const m of s.modules) waiting.delete(m)
      }
      if (!result.nextCursor) break
      cursor = result.nextCursor
    }
    return found
  }

  return {
    async mine(actor: Actor | null) {
      const candidate = requireRole(actor, 'candidate')
      const now = ctx.clock()
      const profile = await deps.profiles.forCandidate(candidate.userId)
      const results = await deps.results.scoredResults(candidate.userId)
      const held = await deps.credentials.ofCandidate(candidate.userId)
      const registrations = (await deps.registrations.mine(candidate)).items
      const passed = new Set(results.filter((r) => Number(r.passed) === 1).map((r) => r.module))
      const toPass = new Set(program.modules.map((m) => m.code).filter((m) => !passed.has(m)))

      const pathway = computePathway({
        now,
        leadHours: policies.registrationLeadHours,
        modules: program.modules,
        credentials: program.credentials,
        results: results.map((r) => ({ module: r.module, sessionId: r.session_id, percent: Number(r.percent), passed: Number(r.passed) === 1, passedOn: r.passed_on })),
        held: held.map((c) => ({ type: c.type, certificateNumber: c.certificate_number, issuedOn: c.issued_on, status: c.status })),
        registrations,
        sessions: toPass.size > 0 ? await upcomingSessions(now, toPass) : [],
      })
      const advice = ncrcAdvice(profile?.ncrcLevel, policies.ncrcLevels, policies.recommendedNcrcLevel)
      return {
        ncrc: {
          level: profile?.ncrcLevel ?? null, recommended: policies.recommendedNcrcLevel, meetsRecommendation: advice.meetsRecommendation, advice: advice.message,
          // issue 14: the NCRC's date and staff's verification, shown on its step.
          date: profile?.ncrcDate ?? null, verification: profile?.ncrcVerification ?? 'unverified',
        },
        ...pathway,
        advancedStanding: await deps.advancedStanding.grantedTo(candidate.userId),
      }
    },
  }
}

export type PathwayService = ReturnType<typeof createPathwayService>
