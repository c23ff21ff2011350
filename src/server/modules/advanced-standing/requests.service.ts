// Holders' requests for advanced standing (issue 14). A holder applies with a certificate under an
// agreement; the server verifies the credential then (the signed Open Badges credential and the
// registry's status, through the credentials module) and holds the credits asked for against the
// six-credit cap in the same transaction as the request. A college partner of the institution grants
// (at most what was asked) or declines with a reason; what was not granted is given back to the cap;
// the holder is emailed after the commit. A request whose credential is no longer active is flagged
// as it is read (the registry's status now), so a revocation shows at once on every open or granted one.
// The holder may withdraw a request still pending: the same conditional update as a decision closes
// it, so a withdrawal and a decision racing leave exactly one outcome, and its credits go back to the
// cap in that transaction. The institution's college partners are emailed of each new request and of
// each withdrawal, after the commit.
import { grantRefusal, requestRefusal, revocationFlag } from '../../../common/rules/advanced-standing.js'
import type { ApplyBody, DecisionBody, GrantedStanding, RequestsQuery, RequestView, WithdrawalBody } from '../../../common/schemas/advanced-standing.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx } from '../../db/database.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { csvCell } from '../../csv.js'
import { fieldError } from '../../field-errors.js'
import { newId } from '../../ids.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import type { UserDirectory } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { CredentialsService } from '../credentials/credentials.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { CredentialRecordsService } from '../registry/credential-records.service.js'
import { canonicalNumber } from '../registry/registry.service.js'
import { advancedStandingEmails, type RequestSummary } from './advanced-standing-emails.js'
import {
  committedCredits, decideRequest, insertRequest, listRequests, releaseCredits, requestById, reserveCredits, type AgreementRow, type RequestRow,
} from './advanced-standing.repository.js'
import type { AgreementsService } from './agreements.service.js'
import type { InstitutionDirectory } from './institutions.js'

const CSV_HEADER = ['requestId', 'institution', 'holderName', 'holderEmail', 'certificateNumber', 'credential', 'program', 'programCode', 'creditsRequested', 'decision', 'creditsGranted', 'courseEquivalents', 'declineReason', 'requestedAt', 'decidedAt', 'revocationFlag']

export function createRequestsService(ctx: ServerContext, deps: {
  audit: AuditService; notifications: NotificationsService; program: ProgramService; users: UserDirectory
  credentialRecords: CredentialRecordsService; credentials: Pick<CredentialsService, 'verifyHeld'>
  institutions: InstitutionDirectory; agreements: AgreementsService
}) {
  const { db } = ctx
  const cap = deps.program.definition.policies.advancedStandingCreditsMax
  const equivalents = (r: RequestRow): string[] => (r.course_equivalents ? (JSON.parse(r.course_equivalents) as string[]) : [])

  /** Requests as views: their institutions, agreements, holders and the credentials' status now, each read once per page. */
  async function views(within: DbOrTx, rows: readonly RequestRow[]): Promise<RequestView[]> {
    if (rows.length === 0) return []
    const [institutions, contacts, credentials, agreements] = await Promise.all([
      deps.institutions.colleges(within, rows.map((r) => r.institution_id)),
      deps.users.contactsOf(rows.map((r) => r.holder_id), within),
      deps.credentialRecords.many(rows.map((r) => r.certificate_number), within),
      Promise.all([...new Set(rows.map((r) => r.agreement_id))].map((id) => deps.agreements.find(id, within))),
    ])
    const agreementOf = new Map(agreements.flatMap((a) => (a ? [[a.id, a] as const] : [])))
    return rows.map((r) => {
      const a = agreementOf.get(r.agreement_id)!
      const contact = contacts.get(r.holder_id)
      const credential = credentials.get(r.certificate_number)
      const statusNow = credential?.status ?? 'unknown'
      return {
        id: r.id,
        institution: { id: r.institution_id, name: institutions.get(r.institution_id)?.name ?? '' },
        agreement: { id: a.id, programName: a.program_name, programCode: a.program_code, credential: a.credential, credits: Number(a.credits) },
        holder: { id: r.holder_id, name: contact ? `${contact.first_name} ${contact.last_name}` : '', email: contact?.email ?? '' },
        certificateNumber: r.certificate_number, credentialType: r.credential_type, credentialName: deps.agreements.credentialName(r.credential_type),
        credentialIssuedOn: credential?.issued_on ?? '',
        creditsRequested: Number(r.credits_requested), status: r.status, creditsGranted: r.credits_granted === null ? null : Number(r.credits_granted),
        courseEquivalents: equivalents(r), declineReason: r.decline_reason,
        verification: { signatureVerified: Number(r.signature_verified) === 1, registryStatusAtRequest: r.registry_status, verifiedAt: r.verified_at, registryStatusNow: statusNow },
        flagged: revocationFlag(r.status, statusNow),
        createdAt: r.created_at, decidedAt: r.decided_at,
      }
    })
  }

  /** The request, if the actor may see it as its institution's partner (staff: any); 404 otherwise. */
  async function visibleRequest(actor: Actor | null, id: string, within: DbOrTx) {
    const scope = await deps.agreements.scopeOf(actor, within)
    const row = await requestById(within, id)
    if (!row || (scope.institutionIds && !scope.institutionIds.includes(row.institution_id))) throw notFound('The request')
    return { scope, row }
  }

  /**
   * Emails every member of the request's institution. Called after the commit: the request stands
   * whether or not the emails go out.
   */
  async function tellPartners(view: RequestView, email: (first: string, summary: RequestSummary) => { subject: string; text: string }) {
    const summary: RequestSummary = {
      institution: view.institution.name, program: view.agreement.programName, holderName: view.holder.name, credentialName: view.credentialName,
      certificateNumber: view.certificateNumber, credits: view.creditsRequested, link: `${ctx.config.publicUrl}/college/advanced-standing`,
    }
    const contacts = await deps.users.contactsOf(await deps.institutions.memberIds(db, view.institution.id))
    for (const partner of contacts.values()) await deps.notifications.send({ to: partner.email, ...email(partner.first_name, summary) })
  }

  const overCap = (message: string, committed: number) => new AppError('RULE_VIOLATION', message, { reason: 'over_cap', cap, committed })

  return {
    /** A holder asks an institution for credit under one of its agreements with one of their certificates. */
    async apply(actor: Actor | null, body: ApplyBody): Promise<RequestView> {
      const holder = requireRole(actor, 'candidate')
      const number = canonicalNumber(body.certificateNumber)
      // Signing and verifying take a while: done before the transaction, which re-reads the status.
      const verified = await deps.credentials.verifyHeld(number, holder.email)
      if (!verified || verified.holderId !== holder.userId) throw fieldError('certificateNumber', 'You hold no certificate with this number.')
      const at = ctx.clock()
      const id = newId()
      await inTransaction(db, async (trx) => {
        const agreement = await deps.agreements.find(body.agreementId, trx)
        if (!agreement) throw fieldError('agreementId', 'Choose one of the agreements the partners list.')
        const credential = await deps.credentialRecords.find(number, trx)
        if (!credential) throw fieldError('certificateNumber', 'You hold no certificate with this number.')
        const requested = body.credits ?? Number(agreement.credits)
        const committed = await committedCredits(trx, holder.userId, agreement.institution_id)
        const refusal = requestRefusal({ terms: termsOf(agreement), credential: { type: credential.type, issuedOn: credential.issued_on, status: credential.status }, requested, committed, cap, at })
        if (refusal) throw new AppError('RULE_VIOLATION', refusal.message, { reason: refusal.reason, cap, committed })
        // The judgement above read `committed` before another request may have added to it: the
        // conditional update is what holds the cap.
        if (!(await reserveCredits(trx, holder.userId, agreement.institution_id, requested, cap))) {
          const now = await committedCredits(trx, holder.userId, agreement.institution_id)
          throw overCap(requestRefusal({ terms: termsOf(agreement), credential: { type: credential.type, issuedOn: credential.issued_on, status: credential.status }, requested, committed: now, cap, at })?.message
            ?? `At most ${cap} advanced-standing credits in all can be granted to one holder at one institution.`, now)
        }
        await insertRequest(trx, {
          id, agreement_id: agreement.id, institution_id: agreement.institution_id, holder_id: holder.userId, certificate_number: number,
          credential_type: credential.type, credits_requested: requested, status: 'pending', credits_granted: null, course_equivalents: null, decline_reason: null,
          signature_verified: verified.signatureVerified ? 1 : 0, registry_status: verified.registryStatus, verified_at: at.toISOString(),
          created_at: at.toISOString(), decided_at: null, decided_by: null,
        })
        await deps.audit.record(trx, {
          actorId: holder.userId, action: 'advanced_standing.requested', entityType: 'advanced_standing_request', entityId: id,
          details: { agreementId: agreement.id, institutionId: agreement.institution_id, certificateNumber: number, credits: requested },
        })
      })
      const [view] = await views(db, [(await requestById(db, id))!])
      await tellPartners(view!, advancedStandingEmails.requested)
      return view!
    },

    /** The holder takes back their own request still pending; its credits count again toward the cap. */
    async withdraw(actor: Actor | null, id: string, body: WithdrawalBody | undefined): Promise<RequestView> {
      const holder = requireRole(actor, 'candidate')
      const reason = body?.reason?.trim() || null
      const withdrawn = await inTransaction(db, async (trx) => {
        const row = await requestById(trx, id)
        // Another holder's request does not exist for this one.
        if (!row || row.holder_id !== holder.userId) throw notFound('The request')
        if (row.status !== 'pending') throw new AppError('CONFLICT', `This request was already ${row.status}.`, { status: row.status })
        const at = ctx.clock().toISOString()
        const change = { status: 'withdrawn' as const, decided_at: at, decided_by: holder.userId }
        // The read above may be stale: only the conditional update decides between a withdrawal and a decision.
        if (!(await decideRequest(trx, id, change))) throw new AppError('CONFLICT', 'This request was decided meanwhile.')
        await releaseCredits(trx, row.holder_id, row.institution_id, Number(row.credits_requested))
        await deps.audit.record(trx, {
          actorId: holder.userId, action: 'advanced_standing.withdrawn', entityType: 'advanced_standing_request', entityId: id,
          reason, details: { institutionId: row.institution_id, credits: Number(row.credits_requested) },
        })
        return { ...row, ...change }
      })
      const [view] = await views(db, [withdrawn])
      await tellPartners(view!, (first, summary) => advancedStandingEmails.withdrawn(first, summary, reason))
      return view!
    },

    /** The holder's own requests, newest first. */
    async mine(actor: Actor | null) {
      const holder = requireRole(actor, 'candidate')
      return { items: await views(db, await listRequests(db, { holderId: holder.userId })), nextCursor: null }
    },

    /** Requests to the institutions a college partner belongs to (staff: every institution). */
    async list(actor: Actor | null, query: RequestsQuery) {
      const scope = await deps.agreements.scopeOf(actor)
      const institutionIds = query.institutionId
        ? (scope.institutionIds && !scope.institutionIds.includes(query.institutionId) ? [] : [query.institutionId])
        : scope.institutionIds
      return { items: await views(db, await listRequests(db, { institutionIds, status: query.status })), nextCursor: null }
    },

    async get(actor: Actor | null, id: string) {
      const { row } = await visibleRequest(actor, id, db)
      return (await views(db, [row]))[0]!
    },

    /** A college partner of the institution grants credits and course equivalents, or declines with a reason. */
    async decide(actor: Actor | null, id: string, body: DecisionBody): Promise<RequestView> {
      const partner = requireRole(actor, 'college_partner')
      const decided = await inTransaction(db, async (trx) => {
        const { scope, row } = await visibleRequest(partner, id, trx)
        if (!scope.institutionIds?.includes(row.institution_id)) throw notFound('The request')
        if (row.status !== 'pending') throw new AppError('CONFLICT', `This request was already ${row.status}.`, { status: row.status })
        const requested = Number(row.credits_requested)
        const at = ctx.clock().toISOString()
        let granted = 0
        if (body.decision === 'grant') {
          granted = body.credits ?? requested
          const refusal = grantRefusal(granted, requested)
          if (refusal) throw fieldError('credits', refusal)
          const credential = await deps.credentialRecords.find(row.certificate_number, trx)
          if (credential?.status !== 'active') {
            throw new AppError('RULE_VIOLATION', `The certificate ${row.certificate_number} is ${credential?.status ?? 'unknown'} in the registry: decline the request instead.`, { reason: 'credential_not_active' })
          }
        } else if (!body.reason?.trim()) {
          throw fieldError('reason', 'Give the reason: the holder is told it.')
        }
        const change = body.decision === 'grant'
          ? { status: 'granted' as const, credits_granted: granted, course_equivalents: JSON.stringify(body.courseEquivalents ?? []), decline_reason: null }
          : { status: 'declined' as const, credits_granted: null, course_equivalents: null, decline_reason: body.reason!.trim() }
        if (!(await decideRequest(trx, id, { ...change, decided_at: at, decided_by: partner.userId }))) throw new AppError('CONFLICT', 'This request was decided meanwhile.')
        await releaseCredits(trx, row.holder_id, row.institution_id, requested - granted)
        await deps.audit.record(trx, {
          actorId: partner.userId, action: `advanced_standing.${change.status}`, entityType: 'advanced_standing_request', entityId: id,
          reason: change.decline_reason, details: { credits: granted, courseEquivalents: body.courseEquivalents ?? [] },
        })
        return { ...row, ...change, decided_at: at, decided_by: partner.userId }
      })
      const [view] = await views(db, [decided])
      // Told after the commit: the decision stands whether or not the email goes out.
      const holder = (await deps.users.contactsOf([decided.holder_id])).get(decided.holder_id)
      if (holder) await deps.notifications.send({ to: holder.email, ...advancedStandingEmails.decided(holder.first_name, view!.institution.name, view!.agreement.programName, decided, equivalents(decided)) })
      return view!
    },

    /**
     * The decisions as CSV: an institution's (its partners; staff may name any), or every institution's
     * (staff). Pending and withdrawn requests are left out: neither was decided by the institution, and
     * a registrar's record of decisions should not change meaning with the holder's second thoughts.
     */
    async exportCsv(actor: Actor | null, institutionId: string | undefined): Promise<string> {
      const scope = await deps.agreements.scopeOf(actor)
      if (institutionId && scope.institutionIds && !scope.institutionIds.includes(institutionId)) throw notFound('The institution')
      const institutionIds = institutionId ? [institutionId] : scope.institutionIds
      const rows = (await listRequests(db, { institutionIds })).filter((r) => r.status === 'granted' || r.status === 'declined')
      const lines = [CSV_HEADER.join(',')]
      for (const v of await views(db, rows)) {
        lines.push([
          v.id, v.institution.name, v.holder.name, v.holder.email, v.certificateNumber, v.credentialType, v.agreement.programName, v.agreement.programCode,
          v.creditsRequested, v.status, v.creditsGranted, v.courseEquivalents.join('; '), v.declineReason, v.createdAt, v.decidedAt, v.flagged ? 'credential no longer active' : '',
        ].map(csvCell).join(','))
      }
      return `${lines.join('\r\n')}\r\n`
    },

    /** Granted credit of one holder, for their pathway. */
    async grantedTo(holderId: string): Promise<GrantedStanding[]> {
      const rows = await listRequests(db, { holderId, status: 'granted' })
      return (await views(db, rows)).map((v) => ({
        requestId: v.id, institutionName: v.institution.name, programName: v.agreement.programName, credits: v.creditsGranted ?? 0,
        courseEquivalents: v.courseEquivalents, decidedAt: v.decidedAt ?? v.createdAt, certificateNumber: v.certificateNumber, flagged: v.flagged,
      }))
    },
  }
}

function termsOf(a: AgreementRow) {
  return {
    credential: a.credential, credits: Number(a.credits), earnedWithinYears: a.earned_within_years === null ? null : Number(a.earned_within_years),
    effectiveFrom: a.effective_from, effectiveTo: a.effective_to,
  }
}

export type RequestsService = ReturnType<typeof createRequestsService>
