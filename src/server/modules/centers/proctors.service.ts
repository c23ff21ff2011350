// Certified proctors: their certification record (training, agreement, conflict-of-interest
// declaration, certified until, suspension), declared conflicts with candidates they train, and the
// eligibility check every session assignment goes through.
import { daysUntil, renewedUntil } from '../../../common/rules/certification-period.js'
import { certificationCovers, certificationShortfall, proctorsRequired } from '../../../common/rules/proctoring.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx, Tx } from '../../db/database.js'
import { AppError, notFound } from '../../errors.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import type { Contact, UserDirectory } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { ProgramService } from '../program/program.service.js'
import { certificationsOf, conflictsBetween, countProctorsCertifiedUntilBetween, insertConflict, listCertifications, lockCertifications, upsertCertification } from './proctors.repository.js'

export interface CertificationInput {
  trainingCompletedOn: string
  agreementSignedOn: string
  coiDeclaredOn: string
  certifiedUntil: string
  status: 'certified' | 'suspended'
}

export function createProctorsService(ctx: ServerContext, deps: { audit: AuditService; program: ProgramService; users: UserDirectory }) {
  const { db } = ctx
  type CertificationRow = Awaited<ReturnType<typeof listCertifications>>[number]
  const toDto = (userId: string, c: Contact, r: CertificationRow | undefined) => {
    const at = ctx.clock()
    return {
      userId, email: c.email, name: `${c.first_name} ${c.last_name}`, trainingCompletedOn: r?.training_completed_on ?? null,
      agreementSignedOn: r?.agreement_signed_on ?? null, coiDeclaredOn: r?.coi_declared_on ?? null, certifiedUntil: r?.certified_until ?? null,
      status: r?.status ?? ('none' as const),
      certifiedNow: r ? certificationCovers({ status: r.status, certifiedUntil: r.certified_until }, at.toISOString()) : false,
      daysLeft: r ? daysUntil(r.certified_until, at) : null,
    }
  }

  async function viewOf(userId: string) {
    const [record] = await certificationsOf(db, [userId])
    const contact = (await deps.users.contactsOf([userId])).get(userId)
    if (!contact) throw notFound('The proctor')
    return toDto(userId, contact, record)
  }

  return {
    /** Certified proctors whose certification ends between two moments (the staff dashboard). */
    certificationsEndingBetween: (from: string, to: string) => countProctorsCertifiedUntilBetween(ctx.db, from, to),

    async setCertification(actor: Actor | null, userId: string, input: CertificationInput) {
      const staff = requireRole(actor, 'program_staff')
      const user = await deps.users.findById(userId)
      if (!user) throw notFound('The user')
      if (!user.roles.includes('proctor')) throw new AppError('RULE_VIOLATION', 'Give the account the proctor role before recording a certification.')
      for (const field of ['trainingCompletedOn', 'agreementSignedOn', 'coiDeclaredOn'] as const) {
        if (Date.parse(input[field]) > Date.parse(input.certifiedUntil)) throw new AppError('VALIDATION', `${field} cannot be after certifiedUntil.`)
      }
      await db.transaction().execute(async (trx) => {
        await upsertCertification(trx, {
          user_id: userId, training_completed_on: input.trainingCompletedOn, agreement_signed_on: input.agreementSignedOn,
          coi_declared_on: input.coiDeclaredOn, certified_until: input.certifiedUntil, status: input.status,
          updated_at: ctx.clock().toISOString(), updated_by: staff.userId,
        })
        await deps.audit.record(trx, { actorId: staff.userId, action: `proctor.${input.status}`, entityType: 'user', entityId: userId, details: { ...input } })
      })
      return viewOf(userId)
    },

    /**
     * Renews a recorded certification until a date, or by the program's period from its current end
     * (from now once lapsed). A suspension stays a suspension: reinstating is a decision of its own.
     */
    async renew(actor: Actor | null, userId: string, input: { certifiedUntil?: string | undefined }) {
      const staff = requireRole(actor, 'program_staff')
      const [record] = await certificationsOf(db, [userId])
      if (!record) {
        if (!(await deps.users.findById(userId))) throw notFound('The proctor')
        throw new AppError('RULE_VIOLATION', 'Record the proctor\'s training, agreement and declaration before renewing a certification.')
      }
      const now = ctx.clock()
      const until = input.certifiedUntil !== undefined ? new Date(input.certifiedUntil).toISOString()
        : renewedUntil(record.certified_until, now, deps.program.definition.policies.certificationPeriodMonths)
      if (Date.parse(until) <= now.getTime()) throw new AppError('VALIDATION', 'A certification must run into the future.', [{ field: 'certifiedUntil', message: 'Choose a date in the future.' }])
      await db.transaction().execute(async (trx) => {
        await upsertCertification(trx, { ...record, certified_until: until, updated_at: now.toISOString(), updated_by: staff.userId })
        await deps.audit.record(trx, {
          actorId: staff.userId, action: 'proctor.renewed', entityType: 'user', entityId: userId,
          details: { from: record.certified_until, certifiedUntil: until, byPeriod: input.certifiedUntil === undefined },
        })
      })
      return viewOf(userId)
    },

    /**
     * Every active account with the proctor role, with its certification record when it has one: a
     * proctor created a moment ago is listed at once (as not yet certified) so staff can record it.
     * Records of accounts that lost the role are still listed, since their sessions may name them.
     */
    async list(actor: Actor | null) {
      requireRole(actor, 'program_staff', 'center_admin')
      const records = new Map((await listCertifications(db)).map((r) => [r.user_id, r]))
      const ids = [...new Set([...(await deps.users.activeIdsWithRole('proctor')), ...records.keys()])]
      const contacts = await deps.users.contactsOf(ids)
      const rows = ids.flatMap((id) => { const c = contacts.get(id); return c ? [{ id, c }] : [] })
      rows.sort((a, b) => a.c.last_name.localeCompare(b.c.last_name) || a.c.first_name.localeCompare(b.c.first_name) || a.id.localeCompare(b.id))
      return { items: rows.map(({ id, c }) => toDto(id, c, records.get(id))), nextCursor: null }
    },

    async declareConflict(actor: Actor | null, proctorId: string, candidateId: string, reason: string) {
      const who = requireRole(actor, 'program_staff', 'proctor')
      if (!who.roles.includes('program_staff') && who.userId !== proctorId) throw new AppError('FORBIDDEN', 'Proctors declare their own conflicts.')
      const proctor = await deps.users.findById(proctorId)
      if (!proctor || !proctor.roles.includes('proctor')) throw notFound('The proctor')
      if (!(await deps.users.findById(candidateId))) throw notFound('The candidate')
      await db.transaction().execute(async (trx) => {
        await insertConflict(trx, proctorId, candidateId, reason, ctx.clock().toISOString())
        await deps.audit.record(trx, { actorId: who.userId, action: 'proctor.conflict_declared', entityType: 'user', entityId: proctorId, reason, details: { candidateId } })
      })
    },

    /**
     * Throws 422 unless every proctor is certified through the session's end, none trains a
     * candidate registered for it, and there are enough of them for the seats.
     */
    async assertAssignable(trx: DbOrTx, input: { proctorIds: readonly string[]; endsAt: string; seats: number; candidateIds: readonly string[] }) {
      const certs = new Map((await certificationsOf(trx, input.proctorIds)).map((c) => [c.user_id, c]))
      const shortfalls = input.proctorIds.flatMap((id) => {
        const c = certs.get(id)
        const reason = certificationShortfall(c ? { status: c.status, certifiedUntil: c.certified_until } : undefined, input.endsAt)
        return reason ? [{ proctorId: id, reason, certifiedUntil: c?.certified_until ?? null }] : []
      })
      if (shortfalls.length > 0) {
        throw new AppError('PROCTOR_NOT_CERTIFIED', 'A proctor is not certified (or is suspended, or their certification ends before the session does).', {
          proctorIds: shortfalls.map((s) => s.proctorId), proctors: shortfalls,
        })
      }
      const needed = proctorsRequired(input.seats, deps.program.definition.policies.seatsPerProctor)
      if (new Set(input.proctorIds).size < needed) {
        throw new AppError('NOT_ENOUGH_PROCTORS', `A session of ${input.seats} seats needs ${needed} certified proctors.`, { needed })
      }
      const conflicts = await conflictsBetween(trx, input.proctorIds, input.candidateIds)
      if (conflicts.length > 0) {
        throw new AppError('PROCTOR_CONFLICT', 'A proctor trains a candidate registered for this session and may not proctor it.', {
          conflicts: conflicts.map((c) => ({ proctorId: c.proctor_id, candidateId: c.candidate_id })),
        })
      }
    },

    /** The certifications of these proctors (delivery asks whether the present ones are current). */
    certifications: (proctorIds: readonly string[]) => certificationsOf(db, proctorIds),

    /** Locks the proctors' certifications for the caller's transaction: see lockCertifications. */
    lockForAssignment: (trx: Tx, proctorIds: readonly string[]) => lockCertifications(trx, proctorIds, ctx.dialect),

    /** Whether a proctor trains any of these candidates (for registrations into a staffed session). */
    async conflictsFor(trx: DbOrTx, proctorIds: readonly string[], candidateIds: readonly string[]) {
      return conflictsBetween(trx, proctorIds, candidateIds)
    },
  }
}

export type ProctorsService = ReturnType<typeof createProctorsService>
