// Employers as organisations (issue 14, item 2): any member sponsors people by email as the
// organisation, with an exam voucher (one code of a batch a member bought, through the scheduling
// module's ledger) or a seat in a course or a Learning Lab (through the training module's sponsored
// seats). Every member sees the organisation's sponsored candidates; a candidate's results and
// certificates appear there only while the candidate's consent to share them stands (consents.service.ts).
import type { SponsorBody, SponsorshipReceipt } from '../../../common/schemas/training.js'
import type {
  MySponsorList, SponsorVoucherBody, SponsoredCandidateList, SponsoredCandidateView, SponsorshipView,
} from '../../../common/schemas/organisations.js'
import type { ServerContext } from '../../context.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors.js'
import { requireActor, type Actor } from '../accounts/actor.js'
import { normalizeEmail } from '../accounts/auth.service.js'
import type { UserDirectory } from '../accounts/users.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { CredentialRecordsService } from '../registry/credential-records.service.js'
import type { ResultsService } from '../results/results.service.js'
import type { AssignedVoucher, VoucherLedgerService } from '../scheduling/voucher-ledger.service.js'
import type { SponsorshipsService as TrainingSponsorships } from '../training/sponsorships.service.js'
import { standingConsentsFor, standingConsentsOfCandidate } from './consents.repository.js'
import type { OrganisationsService } from './organisations.service.js'
import { organisationView } from './organisation-view.js'

export function createOrganisationSponsorships(
  ctx: ServerContext,
  deps: {
    organisations: OrganisationsService; training: TrainingSponsorships; voucherLedger: VoucherLedgerService; results: Pick<ResultsService, 'scoredResults'>
    credentials: Pick<CredentialRecordsService, 'ofCandidate'>; users: UserDirectory; notifications: NotificationsService; program: ProgramService
  },
) {
  const { db } = ctx
  const moduleNames = (codes: string[]) => codes.map((c) => deps.program.module(c)?.name ?? c).join(', ')

  const voucherView = (v: AssignedVoucher): SponsorshipView => ({
    id: v.id, kind: 'voucher', title: `Exam voucher: ${moduleNames(v.modules)}`, email: v.email, status: v.status, voucherCode: v.code, createdAt: v.assignedAt,
  })

  /** An employer organisation the caller belongs to (staff too), with its members (whose batches may pay). */
  async function asEmployer(actor: Actor | null, organisationId: string) {
    const a = await deps.organisations.access(actor, organisationId)
    if (a.org.kind !== 'employer') throw new AppError('RULE_VIOLATION', 'Only an employer organisation sponsors candidates.')
    const memberIds = (await deps.organisations.membersOf(db, organisationId)).map((m) => m.user_id)
    return { ...a, memberIds }
  }

  /** What a person's consent lets the organisation see: their results and certificates, read now. */
  async function sharedRecord(candidateId: string) {
    const [results, credentials] = await Promise.all([deps.results.scoredResults(candidateId), deps.credentials.ofCandidate(candidateId)])
    return {
      results: results.map((r) => ({ module: r.module, moduleName: deps.program.module(r.module)?.name ?? r.module, percent: Number(r.percent), passed: Number(r.passed) === 1, scoredAt: r.scored_at })),
      certificates: credentials.map((c) => ({ certificateNumber: c.certificate_number, type: c.type, issuedOn: c.issued_on, status: c.status })),
    }
  }

  return {
    /** Seats in a course or a Learning Lab for people by email, as the organisation (any member). */
    async sponsorSeats(actor: Actor | null, organisationId: string, input: SponsorBody): Promise<SponsorshipReceipt> {
      const { org, memberIds } = await asEmployer(actor, organisationId)
      return deps.training.sponsor(actor, input, { id: org.id, name: org.name, memberIds })
    },

    /** One exam voucher code of a member's batch for a person by email, who is sent the code. */
    async sponsorVoucher(actor: Actor | null, organisationId: string, input: SponsorVoucherBody): Promise<SponsorshipView> {
      const { who, org, memberIds } = await asEmployer(actor, organisationId)
      const email = normalizeEmail(input.email)
      const voucher = await inTransaction(db, (trx) => deps.voucherLedger.assignIn(trx, { batchId: input.voucherBatchId, memberIds, organisationId: org.id, email, actorId: who.userId }))
      await deps.notifications.send({
        to: email,
        subject: `${org.name} sponsored your MT1 exam: voucher ${voucher.code}`,
        text: `Hello,\n\n${org.name} sponsored your MT1 exam: this voucher pays for ${moduleNames(voucher.modules)}.\n\nVoucher code: ${voucher.code}\n\n`
          + `Register for a session at ${ctx.config.publicUrl}/sessions and enter the code when you pay.\n\n`
          + `${org.name} sees your results only if you agree: you can share them, and stop sharing at any time, on your account page (${ctx.config.publicUrl}/account).\n`,
      })
      return voucherView(voucher)
    },

    /** Every person the organisation sponsored, with their sponsorships; results and certificates only under standing consent. */
    async sponsoredCandidates(actor: Actor | null, organisationId: string): Promise<SponsoredCandidateList> {
      await asEmployer(actor, organisationId)
      const [seats, vouchers] = await Promise.all([deps.training.ofOrganisation(organisationId), deps.voucherLedger.assignedByOrganisation(organisationId)])
      const byEmail = new Map<string, { sponsorships: SponsorshipView[]; learnerId: string | null }>()
      const entry = (email: string) => byEmail.get(email) ?? byEmail.set(email, { sponsorships: [], learnerId: null }).get(email)!
      for (const s of seats) {
        const e = entry(s.seat.email)
        e.sponsorships.push({ id: s.seat.id, kind: s.seat.kind, title: s.seat.title, email: s.seat.email, status: s.seat.status, voucherCode: s.seat.voucherCode, createdAt: s.seat.createdAt })
        e.learnerId ??= s.learnerId
      }
      for (const v of vouchers) entry(v.email).sponsorships.push(voucherView(v))
      // The person behind each address: the learner who took a seat, else the account with that address.
      const people = await Promise.all([...byEmail].map(async ([email, e]) => ({ email, e, userId: e.learnerId ?? (await deps.users.findByEmail(email))?.id ?? null })))
      const ids = people.map((p) => p.userId).filter((x): x is string => !!x)
      const [contacts, consents] = await Promise.all([deps.users.contactsOf(ids), standingConsentsFor(db, organisationId, ids)])
      const consentOf = new Map(consents.map((c) => [c.candidate_id, c]))
      const items: SponsoredCandidateView[] = await Promise.all(people.map(async (p) => {
        const c = p.userId ? contacts.get(p.userId) : undefined
        const consent = p.userId ? consentOf.get(p.userId) : undefined
        const shared = consent && p.userId ? await sharedRecord(p.userId) : null
        return {
          email: p.email, name: c ? `${c.first_name} ${c.last_name}` : null, sponsorships: p.e.sponsorships.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)),
          sharing: consent ? 'shared' as const : 'not_shared' as const, sharedSince: consent?.granted_at ?? null,
          results: shared?.results ?? null, certificates: shared?.certificates ?? null,
        }
      }))
      items.sort((a, b) => (a.name ?? a.email).localeCompare(b.name ?? b.email) || a.email.localeCompare(b.email))
      return { items, nextCursor: null }
    },

    /** The organisations that sponsor me, what each sponsored, and my consent to each. */
    async mySponsors(actor: Actor | null): Promise<MySponsorList> {
      const who = requireActor(actor)
      const email = normalizeEmail(who.email)
      const [seats, vouchers, consents] = await Promise.all([
        deps.training.organisationSeatsOf(who.userId, email), deps.voucherLedger.assignedTo(email), standingConsentsOfCandidate(db, who.userId),
      ])
      const byOrg = new Map<string, SponsorshipView[]>()
      const add = (orgId: string, s: SponsorshipView) => (byOrg.get(orgId) ?? byOrg.set(orgId, []).get(orgId)!).push(s)
      for (const s of seats) add(s.organisationId, { id: s.seat.id, kind: s.seat.kind, title: s.seat.title, email: s.seat.email, status: s.seat.status, voucherCode: s.seat.voucherCode, createdAt: s.seat.createdAt })
      for (const v of vouchers) add(v.organisationId, voucherView(v))
      const orgs = await deps.organisations.many(db, [...byOrg.keys()])
      const consentOf = new Map(consents.map((c) => [c.organisation_id, c]))
      const items = [...byOrg].flatMap(([orgId, sponsorships]) => {
        const org = orgs.get(orgId)
        if (!org) return []
        const c = consentOf.get(orgId)
        return [{ organisation: organisationView(org), sponsorships, consent: c ? { id: c.id, organisationId: c.organisation_id, scope: c.scope, grantedAt: c.granted_at, withdrawnAt: c.withdrawn_at } : null }]
      })
      items.sort((a, b) => a.organisation.name.localeCompare(b.organisation.name))
      return { items, nextCursor: null }
    },
  }
}

export type OrganisationSponsorships = ReturnType<typeof createOrganisationSponsorships>
