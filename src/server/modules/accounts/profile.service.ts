// The candidate's profile: the National Career Readiness Certificate (level and number) and home
// state. A Silver NCRC is strongly encouraged before MT1 testing; the system advises, never blocks.
// The holder also decides here whether the public registry may find them by name (off by default).
import { ncrcAdvice } from '../../../common/rules/ncrc-advice.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx } from '../../db/database.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors.js'
import type { ProgramService } from '../program/program.service.js'
import { requireActor, type Actor } from './actor.js'
import { findProfile, upsertProfile } from './profiles.repository.js'

/** What the registry needs to hear of a profile change (its copy of the holder's state and opt-in). */
export interface ProfileListener {
  profileChanged(within: DbOrTx, userId: string, profile: { state: string | null; listed: boolean }): Promise<void>
}

export function createProfileService(ctx: ServerContext, deps: { program: ProgramService; registry: ProfileListener }) {
  const { db } = ctx
  const policies = deps.program.definition.policies

  async function forCandidate(userId: string) {
    const row = await findProfile(db, userId)
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
      // The registry's copy changes with the profile, so a search never finds a holder who opted out.
      await inTransaction(db, async (trx) => {
        await upsertProfile(trx, who.userId, next)
        await deps.registry.profileChanged(trx, who.userId, { state: next.state, listed: next.registry_listed === 1 })
      })
      return view(who.userId)
    },
  }
}

export type ProfileService = ReturnType<typeof createProfileService>
