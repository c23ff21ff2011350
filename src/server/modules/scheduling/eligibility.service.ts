// Which modules a candidate may book: one live booking per module, nothing already passed, and the
// program's retake policy (the rules are src/common/rules/eligibility.ts). Registration asks inside its
// transaction after taking the candidate's lock, so two bookings of one module cannot both pass; the
// candidate asks before choosing (GET /api/v1/me/eligibility).
import { lockCandidate } from '../../db/candidate-lock.js'
import { moduleEligibility, type AttemptRecord, type Eligibility, type ModuleHistory } from '../../../common/rules/eligibility.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx, Tx } from '../../db/database.js'
import { AppError, notFound } from '../../errors.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import type { ProgramService } from '../program/program.service.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import { liveBookingsOf } from './registrations.repository.js'
import { findSessionWithCenter } from './session-centers.js'

export type EligibilityRule = 'REGISTRATION_TOO_LATE' | NonNullable<Eligibility['reason']>

/** A rule staff overrode when registering a candidate, as the audit entry names it. */
export interface OverriddenRule {
  rule: EligibilityRule
  module?: string
  nextEligibleAt?: string
}

/** ISO instant as "2026-03-17 14:00 UTC" for messages (the web shows it in the reader's time zone). */
const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`

export function createEligibilityService(
  ctx: ServerContext,
  deps: { program: ProgramService; centers: CenterDirectory; attempts: (trx: DbOrTx, candidateId: string) => Promise<AttemptRecord[]> },
) {
  const { db } = ctx
  const nameOf = (code: string) => deps.program.module(code)?.name ?? code

  async function history(trx: DbOrTx, candidateId: string): Promise<ModuleHistory & { sessionIds: Set<string> }> {
    const bookings = await liveBookingsOf(trx, candidateId)
    const attempts = await deps.attempts(trx, candidateId)
    return {
      registrations: bookings.map((b) => ({
        id: b.id, modules: JSON.parse(b.modules) as string[], status: b.status,
        session: { startsAt: b.starts_at, endsAt: b.ends_at, status: b.session_status },
      })),
      attempts,
      sessionIds: new Set(bookings.map((b) => b.session_id)),
    }
  }

  function judge(h: ModuleHistory, modules: readonly string[], startsAt: string, replacing?: string): Eligibility[] {
    // Read on every call: the policy is program data, and nothing here keeps a copy of it.
    const policy = deps.program.definition.policies.retake
    return modules.map((m) => moduleEligibility(m, startsAt, h, policy, ctx.clock(), replacing))
  }

  function message(r: Eligibility): string {
    const name = `${nameOf(r.module)} (${r.module})`
    if (r.reason === 'MODULE_ALREADY_PASSED') return `You have already passed ${name}.`
    if (r.reason === 'MODULE_ALREADY_BOOKED') return `You are already booked for ${name} at another session. Book it again once that sitting is over, or cancel it first.`
    return `You can retake ${name} at a session starting from ${utc(r.nextEligibleAt!)}: the program's waiting period after an attempt has not passed.`
  }

  return {
    /**
     * Takes the candidate's lock and judges the modules for a session starting at `startsAt`, in the
     * caller's transaction; returns the refusals (empty when every module may be booked).
     * `replacing`: the registration being moved, whose own booking does not count.
     */
    async refusals(trx: Tx, candidateId: string, modules: readonly string[], startsAt: string, replacing?: string): Promise<Eligibility[]> {
      await lockCandidate(trx, candidateId, ctx.dialect)
      return judge(await history(trx, candidateId), modules, startsAt, replacing).filter((e) => !e.eligible)
    },

    /** The 422 for the first refused module; `details.refusals` lists every one. */
    refusalError(refusals: readonly Eligibility[]): AppError {
      const first = refusals[0]!
      return new AppError(first.reason!, message(first), {
        module: first.module,
        ...(first.reason === 'RETAKE_TOO_SOON' ? { nextEligibleAt: first.nextEligibleAt } : {}),
        refusals: refusals.map((r) => ({ module: r.module, reason: r.reason, nextEligibleAt: r.nextEligibleAt })),
      })
    },

    /** What a staff override set aside, for its audit entry. */
    overridden(late: boolean, refusals: readonly Eligibility[]): OverriddenRule[] {
      return [
        ...(late ? [{ rule: 'REGISTRATION_TOO_LATE' as const }] : []),
        ...refusals.map((r) => ({ rule: r.reason!, module: r.module, ...(r.nextEligibleAt ? { nextEligibleAt: r.nextEligibleAt } : {}) })),
      ]
    },

    /**
     * issue 13, practice stream: whether the candidate may book the module for a session starting at
     * `startsAt`, by the same rules (a study plan's invitation to book the retake says from when).
     */
    async judgeFor(candidateId: string, module: string, startsAt: string): Promise<Eligibility> {
      return judge(await history(db, candidateId), [module], startsAt)[0]!
    },

    /**
     * The candidate's own view, before choosing: each module of the session (or of the program, judged
     * for a session starting now) with whether it may be booked, why not, and from when.
     */
    async forCandidate(actor: Actor | null, sessionId?: string) {
      const candidate = requireRole(actor, 'candidate')
      const h = await history(db, candidate.userId)
      if (sessionId === undefined) {
        const modules = deps.program.definition.modules.map((m) => m.code)
        return { sessionId: null, startsAt: null, items: judge(h, modules, ctx.clock().toISOString()) }
      }
      const session = await findSessionWithCenter(db, deps.centers, sessionId)
      // A private (onsite) session exists only for the candidates on its roster.
      if (!session || session.status === 'cancelled' || (session.center_kind === 'onsite' && !h.sessionIds.has(session.id))) throw notFound('The session')
      return { sessionId: session.id, startsAt: session.starts_at, items: judge(h, JSON.parse(session.modules) as string[], session.starts_at) }
    },
  }
}

export type EligibilityService = ReturnType<typeof createEligibilityService>
