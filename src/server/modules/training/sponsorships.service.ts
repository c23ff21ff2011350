// Seats an employer sponsors for named employees (issue 13, item 2). One transaction takes the seats
// (a course's counter, all of them or none), pays them through the scheduling module's vouchers (codes
// of a training batch the employer bought, or a batch bought now against one invoice to the employer)
// and records one open seat per address, each with a 256-bit invitation token stored as its SHA-256
// hash; after the commit each employee is emailed the link. The seat becomes the employee's when they
// accept it, logged in with that address (enrolments.service.ts). Employers also buy training
// vouchers here: each code pays one seat of one course or one module's Learning Lab.
import { formatMoney } from '../../../common/rules/fees.js'
import type { BuyTrainingVouchersBody, SponsorBody, SponsoredSeatView, SponsorshipReceipt } from '../../../common/schemas/training.js'
import type { VoucherBatchDetail } from '../../../common/schemas/payments.js'
import type { ServerContext } from '../../context.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { fieldError } from '../../field-errors.js'
import { newId, newSecret, sha256 } from '../../ids.js'
import { hasRole, requireRole, type Actor } from '../accounts/actor.js'
import { normalizeEmail } from '../accounts/auth.service.js'
import type { UserDirectory } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { PaymentsService } from '../scheduling/payments.service.js'
import type { VoucherLedgerService } from '../scheduling/voucher-ledger.service.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import { findOffering, takeSeats } from './courses.repository.js'
import { enrolmentsOfOrganisation, insertEnrolments, invitedAmong, organisationSeatsFor, sponsoredEnrolments, type EnrolmentRow } from './enrolments.repository.js'
import type { EnrolmentsService } from './enrolments.service.js'
import { trainingEmails } from './training-emails.js'

/** issue 14: the organisation a sponsorship is made as: its id, its name (the email's signature) and its members (whose voucher batches may pay). */
export interface SponsoringOrganisation { id: string; name: string; memberIds: readonly string[] }

export function createSponsorshipsService(
  ctx: ServerContext,
  deps: {
    audit: AuditService; notifications: NotificationsService; program: ProgramService; users: UserDirectory; centers: CenterDirectory
    payments: PaymentsService; voucherLedger: VoucherLedgerService; enrolments: EnrolmentsService
  },
) {
  const { db } = ctx
  const now = () => ctx.clock().toISOString()

  async function seatViews(rows: EnrolmentRow[]): Promise<SponsoredSeatView[]> {
    const [views, learners] = await Promise.all([deps.enrolments.views(rows), deps.users.contactsOf(rows.map((r) => r.learner_id).filter((x): x is string => !!x))])
    return rows.map((r, i) => {
      const v = views[i]!
      const l = r.learner_id ? learners.get(r.learner_id) : undefined
      return {
        id: r.id, email: r.invitee_email ?? l?.email ?? '', title: v.title, kind: v.kind, offeringId: r.offering_id, module: r.module, status: r.status,
        learnerName: l ? `${l.first_name} ${l.last_name}` : null, voucherCode: v.voucherCode, completion: r.completion, createdAt: r.created_at,
      }
    })
  }

  return {
    /**
     * An employer sponsors seats in a course or a module's Learning Lab for employees, by their email
     * addresses. Issue 14: as an organisation (the organisations module checked the membership), the
     * seats are the organisation's, a batch bought by any of its members pays, and its name signs the email.
     */
    async sponsor(actor: Actor | null, input: SponsorBody, organisation?: SponsoringOrganisation): Promise<SponsorshipReceipt> {
      const employer = requireRole(actor, 'employer')
      const r = await deps.enrolments.resolve(input)
      if (r.offering) {
        // An onsite course is its own employer's to fill; to another employer it does not exist.
        if (r.offering.employer_id !== null && r.offering.employer_id !== employer.userId) throw notFound('The course')
        await deps.enrolments.assertCourseOpen(r.offering)
      }
      const emails = input.emails.map(normalizeEmail)
      if (new Set(emails).size !== emails.length) throw fieldError('emails', 'Each address may be listed once.')
      const already = await invitedAmong(db, r.key, emails)
      if (already.length) throw new AppError('ALREADY_ENROLLED', `A seat here is already waiting for ${already.map((a) => a.invitee_email).join(', ')}.`, { emails: already.map((a) => a.invitee_email) })
      const paid = r.cents > 0
      if (paid && !input.payment) throw new AppError('PAYMENT_REQUIRED', `A seat costs ${formatMoney(r.cents, deps.program.definition.fees.currency)}: choose an invoice or a training voucher batch.`, { field: 'payment', amountCents: r.cents })
      if (paid && input.payment === 'voucher_batch') {
        if (!input.voucherBatchId) throw fieldError('voucherBatchId', 'Choose the training voucher batch that pays these seats.')
        const batch = await deps.voucherLedger.batchWithAvailable(input.voucherBatchId)
        if (!batch || !batch.buyer_id || !(organisation?.memberIds ?? [employer.userId]).includes(batch.buyer_id)) throw notFound('The voucher batch')
        if (batch.purpose !== 'training' || batch.training_subject !== r.key) throw new AppError('VOUCHER_INVALID', 'This voucher batch pays for other seats: choose one bought for this course or Learning Lab.', { field: 'voucherBatchId' })
        if (batch.available < emails.length) throw new AppError('VOUCHER_INVALID', `This voucher batch has ${batch.available} code${batch.available === 1 ? '' : 's'} left, for ${emails.length} seats.`, { field: 'voucherBatchId', available: batch.available })
      }
      const at = now()
      const seats = emails.map((email) => ({ id: newId(), email, token: newSecret() }))
      const receipt = await inTransaction(db, async (trx) => {
        if (r.offering && !(await takeSeats(trx, r.offering.id, seats.length))) {
          const fresh = await findOffering(trx, r.offering.id)
          const left = fresh ? fresh.seats - fresh.seats_taken : 0
          throw fresh?.status === 'scheduled'
            ? new AppError('COURSE_FULL', `The course has ${left} seat${left === 1 ? '' : 's'} left, for ${seats.length} employees.`, { seatsLeft: left })
            : new AppError('ENROLMENT_CLOSED', `The course is ${fresh?.status ?? 'gone'}.`)
        }
        let batchId: string | null = null
        let invoiceId: string | null = null
        let vouchers = new Map<string, string>()
        if (paid) {
          if (input.payment === 'invoice') {
            const bought = await deps.voucherLedger.buyTrainingIn(trx, {
              actorId: employer.userId, buyerId: employer.userId, buyerKind: 'employer', organization: null, subject: r.key, module: r.module,
              description: `Sponsored training seat: ${r.title}`, unitCents: r.cents, quantity: seats.length, expiresAt: null,
            })
            batchId = bought.batchId
            invoiceId = bought.invoice.id
          } else {
            batchId = input.voucherBatchId!
          }
          vouchers = await deps.payments.redeemFromBatchIn(trx, batchId, r.key, seats.map((s) => s.id))
        }
        const rows: EnrolmentRow[] = seats.map((s) => ({
          id: s.id, subject: r.key, offering_id: r.offering?.id ?? null, module: r.module, learner_id: null, invitee_email: s.email, invitation_token_hash: sha256(s.token),
          sponsor_id: employer.userId, status: 'invited', holds_seat: r.offering ? 1 : 0, fee_cents: r.cents, payment_method: paid ? 'voucher' : 'none',
          voucher_id: vouchers.get(s.id) ?? null, paid_at: paid ? at : null, completion: null, completion_note: null, completion_at: null, completion_by: null,
          accepted_at: null, cancelled_at: null, created_at: at, created_by: employer.userId, updated_at: at, organisation_id: organisation?.id ?? null,
        }))
        await insertEnrolments(trx, rows)
        await deps.audit.record(trx, {
          actorId: employer.userId, action: 'training.sponsored', entityType: r.offering ? 'course' : 'learning_lab', entityId: r.offering?.id ?? r.module,
          details: { subject: r.key, seats: seats.length, enrolmentIds: seats.map((s) => s.id), payment: paid ? input.payment : 'none', voucherBatchId: batchId, invoiceId, organisationId: organisation?.id ?? null },
        })
        return { rows, batchId, invoiceId }
      }).catch(async (err: unknown) => {
        // The open-seat-per-address index decides between two sponsorships of one address at once.
        if (!(err instanceof AppError) && (await invitedAmong(db, r.key, emails)).length) throw new AppError('ALREADY_ENROLLED', 'A seat here is already waiting for one of these addresses.')
        throw err
      })
      const me = (await deps.users.contactsOf([employer.userId])).get(employer.userId)
      const sponsorName = organisation?.name ?? (me ? `${me.first_name} ${me.last_name}` : '')
      const course = await deps.enrolments.courseViewOf(r.offering?.id ?? null)
      for (const s of seats) {
        const link = `${ctx.config.publicUrl}/training/invitation?token=${encodeURIComponent(s.token)}`
        await deps.notifications.send({ to: s.email, ...trainingEmails.invitation(sponsorName || 'Your employer', r.title, course, link) })
      }
      return { items: await seatViews(receipt.rows), voucherBatchId: receipt.batchId, invoiceId: receipt.invoiceId }
    },

    /** issue 14: the seats an organisation sponsored, newest first, with each learner once accepted (the organisations module checked access). */
    async ofOrganisation(organisationId: string): Promise<{ seat: SponsoredSeatView; learnerId: string | null }[]> {
      const rows = await enrolmentsOfOrganisation(db, organisationId)
      const views = await seatViews(rows)
      return rows.map((r, i) => ({ seat: views[i]!, learnerId: r.learner_id }))
    },

    /** issue 14: the organisation-sponsored seats of a person: taken by them, or waiting for their address. */
    async organisationSeatsOf(userId: string, email: string): Promise<{ seat: SponsoredSeatView; organisationId: string }[]> {
      const rows = await organisationSeatsFor(db, userId, normalizeEmail(email))
      const views = await seatViews(rows)
      return rows.map((r, i) => ({ seat: views[i]!, organisationId: r.organisation_id! }))
    },

    /** The seats an employer sponsored (staff: every sponsored seat), newest first. */
    async list(actor: Actor | null) {
      const who = requireRole(actor, 'employer', 'program_staff')
      const rows = await sponsoredEnrolments(db, hasRole(who, 'program_staff') ? null : who.userId)
      return { items: await seatViews(rows), nextCursor: null }
    },

    /**
     * Training vouchers: each code pays one seat in this course or this module's Learning Lab, at its
     * fee now; one invoice to the buyer (employers and centers for themselves, staff for an organization).
     */
    async buyVouchers(actor: Actor | null, input: BuyTrainingVouchersBody): Promise<VoucherBatchDetail> {
      const who = requireRole(actor, 'employer', 'center_admin', 'program_staff')
      const r = await deps.enrolments.resolve(input)
      if (r.offering && r.offering.employer_id !== null && r.offering.employer_id !== who.userId && !hasRole(who, 'program_staff')) throw notFound('The course')
      if (r.offering && r.offering.status !== 'scheduled') throw new AppError('ENROLMENT_CLOSED', `The course is ${r.offering.status}.`)
      if (r.cents === 0) throw new AppError('RULE_VIOLATION', 'This training is free: its seats need no voucher.')
      const total = r.cents * input.quantity
      if (input.expectedTotalCents !== undefined && input.expectedTotalCents !== total) {
        throw new AppError('PRICE_CHANGED', `The price has changed: the total is now ${formatMoney(total, deps.program.definition.fees.currency)}. Check it and confirm again.`, { totalCents: total })
      }
      const staff = hasRole(who, 'program_staff')
      const kind = staff ? 'staff' as const : hasRole(who, 'employer') ? 'employer' as const : 'center' as const
      let organization = input.organization?.trim() || null
      if (kind === 'center' && !organization) organization = [...(await deps.centers.findMany(await deps.centers.idsOfMember(who.userId))).values()][0]?.name ?? null
      const batchId = await inTransaction(db, async (trx) => (await deps.voucherLedger.buyTrainingIn(trx, {
        actorId: who.userId, buyerId: staff ? null : who.userId, buyerKind: kind, organization, subject: r.key, module: r.module,
        description: `Training voucher: ${r.title}, one seat each`, unitCents: r.cents, quantity: input.quantity, expiresAt: null,
      })).batchId)
      return deps.voucherLedger.batch(actor, batchId)
    },
  }
}

export type SponsorshipsService = ReturnType<typeof createSponsorshipsService>
