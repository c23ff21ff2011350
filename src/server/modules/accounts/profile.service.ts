// The candidate's profile: the National Career Readiness Certificate (level and number) and home
// state. A Silver NCRC is strongly encouraged before MT1 testing; the system advises, never blocks.
// The holder also decides here whether the public registry may find them by name (off by default).
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
    return row ? { ncrcLevel: row.ncrc_level, ncrcNumber: row.ncrc_number, state: row.state, registryListed: Number(row.registry_listed) === 1 } : null
  }

  const view = async (userId: string) => {
    const p = (await forCandidate(userId)) ?? { ncrcLevel: null, ncrcNumber: null, state: null, registryListed: false }
    return { ...p, ncrcAdvice: ncrcAdvice(p.ncrcLevel, policies.ncrcLevels, policies.recommendedNcrcLevel).message, ncrcLevels: policies.ncrcLevels }
  }

  return {
    forCandidate,

    async get(actor: Actor | null) {
      return view(requireActor(actor).userId)
    },

    async update(actor: Actor | null, input: { ncrcLevel?: string | null | undefined; ncrcNumber?: string | null | undefined; state?: string | null | undefined; registryListed?: boolean | undefined }) {
      const who = requireActor(actor)
      if (input.ncrcLevel && !policies.ncrcLevels.includes(input.ncrcLevel)) {
        throw new AppError('VALIDATION', `The NCRC level must be one of ${policies.ncrcLevels.join(', ')}.`)
      }
      const current = await forCandidate(who.userId)
      const next = {
        ncrc_level: input.ncrcLevel !== undefined ? input.ncrcLevel : current?.ncrcLevel ?? null,
        ncrc_number: input.ncrcNumber !== undefined ? input.ncrcNumber : current?.ncrcNumber ?? null,
        state: input.state !== undefined ? (input.state?.toUpperCase() ?? null) : current?.state ?? null,
        registry_listed: (input.registryListed ?? current?.registryListed ?? false) ? 1 : 0,
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
