// The candidate's profile: the National Career Readiness Certificate (level and number) and home
// state. A Silver NCRC is strongly encouraged before MT1 testing; the system advises, never blocks.
import { ncrcAdvice } from '../../../common/rules/ncrc-advice.js'
import type { ServerContext } from '../../context.js'
import { AppError } from '../../errors.js'
import type { ProgramService } from '../program/program.service.js'
import { requireActor, type Actor } from './actor.js'

export function createProfileService(ctx: ServerContext, deps: { program: ProgramService }) {
  const { db } = ctx
  const policies = deps.program.definition.policies

  async function forCandidate(userId: string) {
    const row = await db.selectFrom('candidate_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst()
    return row ? { ncrcLevel: row.ncrc_level, ncrcNumber: row.ncrc_number, state: row.state } : null
  }

  const view = async (userId: string) => {
    const p = (await forCandidate(userId)) ?? { ncrcLevel: null, ncrcNumber: null, state: null }
    return { ...p, ncrcAdvice: ncrcAdvice(p.ncrcLevel, policies.ncrcLevels, policies.recommendedNcrcLevel).message, ncrcLevels: policies.ncrcLevels }
  }

  return {
    forCandidate,

    async get(actor: Actor | null) {
      return view(requireActor(actor).userId)
    },

    async update(actor: Actor | null, input: { ncrcLevel?: string | null | undefined; ncrcNumber?: string | null | undefined; state?: string | null | undefined }) {
      const who = requireActor(actor)
      if (input.ncrcLevel && !policies.ncrcLevels.includes(input.ncrcLevel)) {
        throw new AppError('VALIDATION', `The NCRC level must be one of ${policies.ncrcLevels.join(', ')}.`)
      }
      const current = await forCandidate(who.userId)
      const next = {
        ncrc_level: input.ncrcLevel !== undefined ? input.ncrcLevel : current?.ncrcLevel ?? null,
        ncrc_number: input.ncrcNumber !== undefined ? input.ncrcNumber : current?.ncrcNumber ?? null,
        state: input.state !== undefined ? (input.state?.toUpperCase() ?? null) : current?.state ?? null,
        updated_at: ctx.clock().toISOString(),
      }
      await db
        .insertInto('candidate_profiles')
        .values({ user_id: who.userId, ...next })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(next))
        .execute()
      return view(who.userId)
    },
  }
}

export type ProfileService = ReturnType<typeof createProfileService>
