// MT1 Certified Trainers: staff record a trainer's certification (training, agreement,
// conflict-of-interest declaration, certified until, suspension) and renew it by the program's period,
// with the same rules as proctors (common/rules/certification-period.ts and proctoring.ts), so a
// trainer's and a proctor's period end, lapse and renew alike. A trainer whose certification does not
// cover a course's last meeting cannot be given it.
import { daysUntil, renewedUntil } from '../../../common/rules/certification-period.js'
import { certificationCovers, certificationShortfall } from '../../../common/rules/proctoring.js'
import type { TrainerCertificationBody, TrainerCertificationView } from '../../../common/schemas/training.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx } from '../../db/database.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import type { Contact, UserDirectory } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { ProgramService } from '../program/program.service.js'
import { scheduledCoursesEndingAfter } from './courses.repository.js'
import { listTrainerCertifications, trainerCertificationsOf, trainersEndingBetween, upsertTrainerCertification } from './trainers.repository.js'

type Row = Awaited<ReturnType<typeof listTrainerCertifications>>[number]

export function createTrainersService(ctx: ServerContext, deps: { audit: AuditService; program: ProgramService; users: UserDirectory }) {
  const { db } = ctx

  const toView = (userId: string, c: Contact, r: Row | undefined): TrainerCertificationView => {
    const at = ctx.clock()
    return {
      userId, email: c.email, name: `${c.first_name} ${c.last_name}`, trainingCompletedOn: r?.training_completed_on ?? null,
      agreementSignedOn: r?.agreement_signed_on ?? null, coiDeclaredOn: r?.coi_declared_on ?? null, certifiedUntil: r?.certified_until ?? null,
      status: r?.status ?? 'none',
      certifiedNow: r ? certificationCovers({ status: r.status, certifiedUntil: r.certified_until }, at.toISOString()) : false,
      daysLeft: r ? daysUntil(r.certified_until, at) : null,
    }
  }

  async function viewOf(userId: string) {
    const [record] = await trainerCertificationsOf(db, [userId])
    const contact = (await deps.users.contactsOf([userId])).get(userId)
    if (!contact) throw notFound('The trainer')
    return toView(userId, contact, record)
  }

  const service = {
    async setCertification(actor: Actor | null, userId: string, input: TrainerCertificationBody) {
      const staff = requireRole(actor, 'program_staff')
      const user = await deps.users.findById(userId)
      if (!user) throw notFound('The user')
      if (!user.roles.includes('trainer')) throw new AppError('RULE_VIOLATION', 'Give the account the trainer role before recording a certification.')
      for (const field of ['trainingCompletedOn', 'agreementSignedOn', 'coiDeclaredOn'] as const) {
        if (Date.parse(input[field]) > Date.parse(input.certifiedUntil)) throw new AppError('VALIDATION', `${field} cannot be after certifiedUntil.`, [{ field, message: 'This date cannot be after the certification ends.' }])
      }
      await inTransaction(db, async (trx) => {
        await upsertTrainerCertification(trx, {
          user_id: userId, training_completed_on: new Date(input.trainingCompletedOn).toISOString(), agreement_signed_on: new Date(input.agreementSignedOn).toISOString(),
          coi_declared_on: new Date(input.coiDeclaredOn).toISOString(), certified_until: new Date(input.certifiedUntil).toISOString(), status: input.status,
          updated_at: ctx.clock().toISOString(), updated_by: staff.userId,
        })
        await deps.audit.record(trx, { actorId: staff.userId, action: `trainer.${input.status}`, entityType: 'user', entityId: userId, details: { ...input } })
      })
      return viewOf(userId)
    },

    /** Renews a recorded certification until a date, or by the program's period from its current end (from now once lapsed). */
    async renew(actor: Actor | null, userId: string, input: { certifiedUntil?: string | undefined }) {
      const staff = requireRole(actor, 'program_staff')
      const [record] = await trainerCertificationsOf(db, [userId])
      if (!record) {
        if (!(await deps.users.findById(userId))) throw notFound('The trainer')
        throw new AppError('RULE_VIOLATION', "Record the trainer's training, agreement and declaration before renewing a certification.")
      }
      const now = ctx.clock()
      const until = input.certifiedUntil !== undefined ? new Date(input.certifiedUntil).toISOString()
        : renewedUntil(record.certified_until, now, deps.program.definition.policies.certificationPeriodMonths)
      if (Date.parse(until) <= now.getTime()) throw new AppError('VALIDATION', 'A certification must run into the future.', [{ field: 'certifiedUntil', message: 'Choose a date in the future.' }])
      await inTransaction(db, async (trx) => {
        await upsertTrainerCertification(trx, { ...record, certified_until: until, updated_at: now.toISOString(), updated_by: staff.userId })
        await deps.audit.record(trx, {
          actorId: staff.userId, action: 'trainer.renewed', entityType: 'user', entityId: userId,
          details: { from: record.certified_until, certifiedUntil: until, byPeriod: input.certifiedUntil === undefined },
        })
      })
      return viewOf(userId)
    },

    /** Every active account with the trainer role, with its record when it has one (staff; center administrators choose trainers for courses). */
    async list(actor: Actor | null) {
      requireRole(actor, 'program_staff', 'center_admin')
      const records = new Map((await listTrainerCertifications(db)).map((r) => [r.user_id, r]))
      const ids = [...new Set([...(await deps.users.activeIdsWithRole('trainer')), ...records.keys()])]
      const contacts = await deps.users.contactsOf(ids)
      const rows = ids.flatMap((id) => { const c = contacts.get(id); return c ? [{ id, c }] : [] })
      rows.sort((a, b) => a.c.last_name.localeCompare(b.c.last_name) || a.c.first_name.localeCompare(b.c.first_name) || a.id.localeCompare(b.id))
      return { items: rows.map(({ id, c }) => toView(id, c, records.get(id))), nextCursor: null }
    },

    /**
     * Refuses (422 TRAINER_NOT_CERTIFIED) unless the account is an active trainer certified, not
     * suspended, through the course's last meeting: an expired trainer cannot be given a course.
     */
    async assertCanTeach(within: DbOrTx, trainerId: string, lastEndsAt: string) {
      const user = await deps.users.findById(trainerId, within)
      if (!user || user.status !== 'active' || !user.roles.includes('trainer')) {
        throw new AppError('TRAINER_NOT_CERTIFIED', 'Choose an account with the trainer role.', { field: 'trainerId', reason: 'not_a_trainer' })
      }
      const [c] = await trainerCertificationsOf(within, [trainerId])
      const reason = certificationShortfall(c ? { status: c.status, certifiedUntil: c.certified_until } : undefined, lastEndsAt)
      if (reason) {
        const why = reason === 'not_certified' ? 'has no certification recorded' : reason === 'suspended' ? 'is suspended' : `is certified only until ${c!.certified_until.slice(0, 10)}, before the course's last meeting ends`
        throw new AppError('TRAINER_NOT_CERTIFIED', `The trainer ${why}: an MT1 Certified Trainer must be certified through the course.`, { field: 'trainerId', reason, certifiedUntil: c?.certified_until ?? null })
      }
    },

    /** Certified trainers whose certification ends between two moments (expiry reminders). */
    endingBetween: (from: string, to: string) => trainersEndingBetween(db, from, to),

    /** Trainer id → how many of their scheduled courses end after their certification covers (flagged for staff, never cancelled). */
    async coursesNotCovered(): Promise<Map<string, number>> {
      const courses = await scheduledCoursesEndingAfter(db, ctx.clock().toISOString())
      const records = new Map((await trainerCertificationsOf(db, courses.map((c) => c.trainer_id))).map((r) => [r.user_id, r]))
      const out = new Map<string, number>()
      for (const c of courses) {
        const r = records.get(c.trainer_id)
        if (certificationShortfall(r ? { status: r.status, certifiedUntil: r.certified_until } : undefined, c.last_ends_at)) out.set(c.trainer_id, (out.get(c.trainer_id) ?? 0) + 1)
      }
      return out
    },
  }
  return service
}

export type TrainersService = ReturnType<typeof createTrainersService>
