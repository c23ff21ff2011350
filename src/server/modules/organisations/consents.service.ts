// A candidate's consent to share their results (module results and certificates) with an organisation
// that sponsors them (issue 14, item 2): recorded when granted, kept when withdrawn, audited both ways.
// The sponsored-candidates read asks for the standing consent every time, so a withdrawal hides the
// results from the very next read.
import type { ConsentView, GrantConsentBody } from '../../../common/schemas/organisations.js'
import type { ServerContext } from '../../context.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { requireActor, type Actor } from '../accounts/actor.js'
import type { AuditService } from '../audit/audit.service.js'
import { consentsByIds, findConsent, insertConsent, standingConsentsOfCandidate, withdrawConsent, type ConsentRow } from './consents.repository.js'
import type { OrganisationSponsorships } from './sponsorships.service.js'

const view = (c: ConsentRow): ConsentView => ({ id: c.id, organisationId: c.organisation_id, scope: c.scope, grantedAt: c.granted_at, withdrawnAt: c.withdrawn_at })

export function createConsentsService(ctx: ServerContext, deps: { audit: AuditService; sponsorships: Pick<OrganisationSponsorships, 'mySponsors'> }) {
  const { db } = ctx
  return {
    /** Whose consent to which organisation, for the audit log's names (the caller checked staff). */
    describe: async (ids: readonly string[]) => (await consentsByIds(db, ids)).map((c) => ({ id: c.id, candidateId: c.candidate_id, organisationId: c.organisation_id })),

    /** The candidate shares their results with an organisation that sponsors them; granting again gives the standing consent. */
    async grant(actor: Actor | null, input: GrantConsentBody): Promise<ConsentView> {
      const who = requireActor(actor)
      const sponsors = await deps.sponsorships.mySponsors(who)
      // Only a sponsoring organisation can be chosen; any other is as if it did not exist.
      if (!sponsors.items.some((s) => s.organisation.id === input.organisationId)) throw notFound('The sponsoring organisation')
      const standing = (await standingConsentsOfCandidate(db, who.userId)).find((c) => c.organisation_id === input.organisationId && c.scope === input.scope)
      if (standing) return view(standing)
      const row: ConsentRow = { id: newId(), candidate_id: who.userId, organisation_id: input.organisationId, scope: input.scope, granted_at: ctx.clock().toISOString(), withdrawn_at: null }
      await inTransaction(db, async (trx) => {
        await insertConsent(trx, row)
        await deps.audit.record(trx, { actorId: who.userId, action: 'consent.granted', entityType: 'consent', entityId: row.id, details: { organisationId: row.organisation_id, scope: row.scope } })
      }).catch(async (err: unknown) => {
        // The one-standing-consent index decides between two grants at once: the other one stands.
        if (!(err instanceof AppError) && (await standingConsentsOfCandidate(db, who.userId)).some((c) => c.organisation_id === row.organisation_id && c.scope === row.scope)) return
        throw err
      })
      return view((await standingConsentsOfCandidate(db, who.userId)).find((c) => c.organisation_id === row.organisation_id && c.scope === row.scope)!)
    },

    /** The candidate stops sharing: from now on the organisation sees "not shared". */
    async withdraw(actor: Actor | null, consentId: string): Promise<ConsentView> {
      const who = requireActor(actor)
      const consent = await findConsent(db, consentId)
      if (!consent || consent.candidate_id !== who.userId) throw notFound('The consent')
      const withdrawn = await inTransaction(db, async (trx) => {
        const row = await withdrawConsent(trx, consent.id, ctx.clock().toISOString())
        if (!row) throw new AppError('CONFLICT', 'This consent was already withdrawn.')
        await deps.audit.record(trx, { actorId: who.userId, action: 'consent.withdrawn', entityType: 'consent', entityId: row.id, details: { organisationId: row.organisation_id, scope: row.scope } })
        return row
      })
      return view(withdrawn)
    },
  }
}

export type ConsentsService = ReturnType<typeof createConsentsService>
