// Certified proctors: their certification record (training, agreement, conflict-of-interest
// declaration, certified until, suspension), declared conflicts with candidates they train, and the
// eligibility check every session assignment goes through.
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
  const toDto = (r: Awaited<ReturnType<typeof listCertifications>>[number] & Contact) => ({
    userId: r.user_id, email: r.email, name: `${r.first_name} ${r.last_name}`, trainingCompletedOn: r.training_completed_on,
    agreementSignedOn: r.agreement_signed_on, coiDeclaredOn: r.coi_declared_on, certifiedUntil: r.certified_until, status: r.status,
    certifiedNow: certificationCovers({ status: r.status, certifiedUntil: r.certified_until }, ctx.clock().toISOString()),
  })

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
      return (await this.list(actor)).items.find((p) => p.userId === userId)!
    },

    async list(actor: Actor | null) {
      requireRole(actor, 'program_staff', 'center_admin')
      const rows = await listCertifications(db)
      const contacts = await deps.users.contactsOf(rows.map((r) => r.user_id))
      const withContacts = rows.flatMap((r) => { const c = contacts.get(r.user_id); return c ? [{ ...r, ...c }] : [] })
      withContacts.sort((a, b) => a.last_name.localeCompare(b.last_name) || a.first_name.localeCompare(b.first_name))
      return { items: withContacts.map(toDto), nextCursor: null }
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
