// The candidate's profile: the National Career Readiness Certificate (level, number, date, and
// staff's verification of it) and home state. A Silver NCRC is strongly encouraged before MT1
// testing; the system advises, never blocks. The holder also decides here whether the public
// registry may find them by name (off by default).
import { ncrcAdvice } from '../../../common/rules/ncrc-advice.js'
import { ncrcDateRefusal, ncrcFactsChanged } from '../../../common/rules/ncrc-stack.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx, Tx } from '../../db/database.js'
import { inTransaction } from '../../db/transaction.js'
import { fieldError } from '../../field-errors.js'
import type { AuditService } from '../audit/audit.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { HolderProfile } from '../registry/holders.service.js'
import { requireActor, type Actor } from './actor.js'
import { findNcrcCertificateMeta, findProfile, upsertProfile, type ProfileRow } from './profiles.repository.js'

/** What the registry needs to hear of a profile change (its copy of the holder's state, opt-in and NCRC). */
export interface ProfileListener {
  profileChanged(within: DbOrTx, userId: string, profile: HolderProfile): Promise<void>
}

type StoredProfile = NonNullable<Awaited<ReturnType<typeof findProfile>>>

const EMPTY: ProfileRow = {
  ncrc_level: null, ncrc_number: null, ncrc_date: null, state: null, registry_listed: 0, updated_at: '',
  ncrc_verification: 'unverified', ncrc_verification_reason: null, ncrc_verified_by: null, ncrc_verified_at: null,
}

const stored = (row: StoredProfile | undefined): ProfileRow => (row ? {
  ncrc_level: row.ncrc_level, ncrc_number: row.ncrc_number, ncrc_date: row.ncrc_date, state: row.state,
  registry_listed: Number(row.registry_listed), updated_at: row.updated_at, ncrc_verification: row.ncrc_verification,
  ncrc_verification_reason: row.ncrc_verification_reason, ncrc_verified_by: row.ncrc_verified_by, ncrc_verified_at: row.ncrc_verified_at,
} : EMPTY)

/** The profile as other modules read it (pathway, registrations, and the CLR): add fields here, never rename. */
const toCandidateProfile = (row: StoredProfile) => ({
  ncrcLevel: row.ncrc_level, ncrcNumber: row.ncrc_number, state: row.state, registryListed: Number(row.registry_listed) === 1,
  ncrcDate: row.ncrc_date, ncrcVerification: row.ncrc_verification, ncrcVerificationReason: row.ncrc_verification_reason, ncrcVerifiedAt: row.ncrc_verified_at,
})

export function createProfileService(ctx: ServerContext, deps: { program: ProgramService; registry: ProfileListener; audit: AuditService }) {
  const { db } = ctx
  const policies = deps.program.definition.policies

  async function forCandidate(userId: string, within: DbOrTx = db) {
    const row = await findProfile(within, userId)
    return row ? toCandidateProfile(row) : null
  }

  const view = async (userId: string) => {
    const row = await findProfile(db, userId)
    const p = row ? toCandidateProfile(row) : toCandidateProfile({ user_id: userId, ...EMPTY })
    const certificate = await findNcrcCertificateMeta(db, userId)
    return {
      ...p,
      ncrcCertificate: certificate ? { fileName: certificate.file_name, contentType: certificate.content_type, size: Number(certificate.size), uploadedAt: certificate.uploaded_at } : null,
      ncrcAdvice: ncrcAdvice(p.ncrcLevel, policies.ncrcLevels, policies.recommendedNcrcLevel).message, ncrcLevels: policies.ncrcLevels,
    }
  }

  /**
   * Writes the profile and tells the registry, in the caller's transaction. When the NCRC's facts
   * changed after staff judged them, the verdict no longer applies: it is reset and the reset audited.
   */
  async function write(trx: Tx, userId: string, before: ProfileRow, next: ProfileRow, certificateChanged: boolean) {
    const changed = certificateChanged || ncrcFactsChanged(
      { level: before.ncrc_level, number: before.ncrc_number, date: before.ncrc_date, certificateHash: null },
      { level: next.ncrc_level, number: next.ncrc_number, date: next.ncrc_date, certificateHash: null },
    )
    const row: ProfileRow = changed
      ? { ...next, ncrc_verification: 'unverified', ncrc_verification_reason: null, ncrc_verified_by: null, ncrc_verified_at: null }
      : next
    if (changed && before.ncrc_verification !== 'unverified') {
      await deps.audit.record(trx, { actorId: userId, action: 'ncrc.verification_reset', entityType: 'user', entityId: userId, details: { was: before.ncrc_verification } })
    }
    await upsertProfile(trx, userId, row)
    await tellRegistry(trx, userId, row)
  }

  /** The registry's copy of what it shows: state and opt-in (the name search), NCRC level and verification (the stack). */
  async function tellRegistry(trx: Tx, userId: string, row: ProfileRow) {
    await deps.registry.profileChanged(trx, userId, {
      state: row.state, listed: row.registry_listed === 1, ncrcLevel: row.ncrc_level, ncrcVerified: row.ncrc_verification === 'verified',
    })
  }

  return {
    forCandidate,
    view,
    write,
    tellRegistry,
    /** The stored row (verification included), read inside the caller's transaction. */
    async stored(within: DbOrTx, userId: string): Promise<ProfileRow> {
      return stored(await findProfile(within, userId))
    },

    async get(actor: Actor | null) {
      return view(requireActor(actor).userId)
    },

    async update(actor: Actor | null, input: {
      ncrcLevel?: string | null | undefined; ncrcNumber?: string | null | undefined; ncrcDate?: string | null | undefined
      state?: string | null | undefined; registryListed?: boolean | undefined
    }) {
      const who = requireActor(actor)
      if (input.ncrcLevel && !policies.ncrcLevels.includes(input.ncrcLevel)) {
        throw fieldError('ncrcLevel', `The NCRC level must be one of ${policies.ncrcLevels.join(', ')}.`)
      }
      const dateRefusal = input.ncrcDate ? ncrcDateRefusal(input.ncrcDate, ctx.clock().toISOString().slice(0, 10)) : null
      if (dateRefusal) throw fieldError('ncrcDate', dateRefusal)
      // The registry's copy changes with the profile, so a search never finds a holder who opted out.
      await inTransaction(db, async (trx) => {
        const before = stored(await findProfile(trx, who.userId))
        const next: ProfileRow = {
          ...before,
          ncrc_level: input.ncrcLevel !== undefined ? input.ncrcLevel : before.ncrc_level,
          ncrc_number: input.ncrcNumber !== undefined ? input.ncrcNumber : before.ncrc_number,
          ncrc_date: input.ncrcDate !== undefined ? input.ncrcDate : before.ncrc_date,
          state: input.state !== undefined ? (input.state?.toUpperCase() ?? null) : before.state,
          registry_listed: (input.registryListed ?? before.registry_listed === 1) ? 1 : 0,
          updated_at: ctx.clock().toISOString(),
        }
        await write(trx, who.userId, before, next, false)
      })
      return view(who.userId)
    },
  }
}

export type ProfileService = ReturnType<typeof createProfileService>
