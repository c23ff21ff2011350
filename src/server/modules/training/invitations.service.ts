// Accepting a sponsored seat (issue 13): the employee opens the emailed link, logged in with the
// address it was sent to (accounts do not verify email, so the 256-bit token in the link is the
// proof, and the address keeps a forwarded link from seating someone else). The seat becomes theirs,
// confirmed (the sponsor paid it), with its xAPI `registered`, in one transaction.
import type { TrainingInvitationView } from '../../../common/schemas/training.js'
import type { ServerContext } from '../../context.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors.js'
import { sha256 } from '../../ids.js'
import { requireActor, type Actor } from '../accounts/actor.js'
import { normalizeEmail } from '../accounts/auth.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { LearningRecordsService } from '../learning-records/learning-records.service.js'
import { findOffering } from './courses.repository.js'
import { findEnrolmentByTokenHash, liveEnrolmentFor, transitionEnrolment, type EnrolmentRow } from './enrolments.repository.js'
import type { EnrolmentsService } from './enrolments.service.js'

export function createInvitationsService(ctx: ServerContext, deps: { audit: AuditService; learningRecords: LearningRecordsService; enrolments: EnrolmentsService }) {
  const { db } = ctx
  const e = deps.enrolments

  /** The invitation a token names, for the account of the address it was sent to (anyone else: as if unknown). */
  async function invitationFor(who: Actor, token: string): Promise<EnrolmentRow> {
    const row = await findEnrolmentByTokenHash(db, sha256(token))
    if (!row || !row.invitee_email || row.invitee_email !== normalizeEmail(who.email)) {
      throw new AppError('INVITATION_INVALID', 'This invitation is not valid for your account. Log in with the email address it was sent to.')
    }
    return row
  }

  return {
    /** What a sponsored seat's invitation offers, to the account of the address it was sent to. */
    async lookup(actor: Actor | null, token: string): Promise<TrainingInvitationView> {
      const who = requireActor(actor)
      const row = await invitationFor(who, token)
      const [view] = await e.views([row])
      return {
        enrolmentId: row.id, title: view!.title, kind: view!.kind, offeringId: row.offering_id, module: row.module, sponsor: view!.sponsor ?? '', email: row.invitee_email!,
        status: row.status === 'invited' ? 'open' : row.status === 'cancelled' ? 'cancelled' : 'accepted', course: await e.courseViewOf(row.offering_id),
      }
    },

    /** The employee takes the sponsored seat: it becomes theirs, confirmed (the sponsor paid it). */
    async accept(actor: Actor | null, token: string) {
      const who = requireActor(actor)
      const row = await invitationFor(who, token)
      if (row.status === 'cancelled') throw new AppError('INVITATION_INVALID', 'This sponsored seat was withdrawn or its course cancelled.')
      if (row.status !== 'invited') throw new AppError('CONFLICT', 'You have already accepted this seat.', { enrolmentId: row.id })
      if (await liveEnrolmentFor(db, who.userId, row.subject)) throw new AppError('ALREADY_ENROLLED', 'You already have a seat here. Ask your employer to withdraw the sponsored one.')
      const at = ctx.clock().toISOString()
      await inTransaction(db, async (trx) => {
        const accepted = await transitionEnrolment(trx, row.id, ['invited'], { status: 'confirmed', learner_id: who.userId, accepted_at: at, updated_at: at })
        if (!accepted) throw new AppError('CONFLICT', 'This seat is no longer waiting to be accepted.')
        await deps.audit.record(trx, { actorId: who.userId, action: 'enrolment.accepted', entityType: 'enrolment', entityId: row.id, details: { sponsorId: row.sponsor_id, subject: row.subject } })
        const title = row.offering_id ? ((await findOffering(trx, row.offering_id))?.title ?? '') : e.labTitle(row.module)
        await deps.learningRecords.record(trx, e.registeredEvent(who.userId, accepted, title))
      }).catch((err: unknown) => e.orAlreadyEnrolled(err, who.userId, row.subject))
      return e.viewOf(row.id)
    },
  }
}

export type InvitationsService = ReturnType<typeof createInvitationsService>
