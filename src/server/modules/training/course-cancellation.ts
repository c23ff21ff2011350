// Cancelling a course (staff, or an administrator of its center) with a reason, like cancelling a
// session: one transaction marks it cancelled only while it is scheduled (two cancels cannot both
// win), ends every live enrolment with it (seat, training voucher given back, open invoice voided) and
// audits each; after the commit every enrolled learner, and every employee a sponsored seat waited
// for, is told the reason and what became of the payment; each sponsoring employer once.
import type { ServerContext } from '../../context.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors.js'
import { fieldError } from '../../field-errors.js'
import type { Actor } from '../accounts/actor.js'
import type { UserDirectory } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import { closeOffering } from './courses.repository.js'
import type { CoursesService } from './courses.service.js'
import { enrolmentsOfOffering, type EnrolmentRow } from './enrolments.repository.js'
import type { EnrolmentsService } from './enrolments.service.js'
import { paymentFate, trainingEmails } from './training-emails.js'

export function createCourseCancellation(
  ctx: ServerContext,
  deps: { audit: AuditService; users: UserDirectory; notifications: NotificationsService; courses: CoursesService; enrolments: EnrolmentsService },
) {
  const { db } = ctx
  return async function cancelCourse(actor: Actor | null, id: string, reason: string) {
    const offering = await deps.courses.requireOffering(id)
    const who = await deps.courses.requireManage(actor, offering)
    const why = reason.trim()
    if (why.length < 3) throw fieldError('reason', 'Give the reason for cancelling (at least 3 characters).')
    if (offering.status !== 'scheduled') throw new AppError('CONFLICT', `The course is already ${offering.status}.`)
    const at = ctx.clock().toISOString()
    const ended = await inTransaction(db, async (trx) => {
      if (!(await closeOffering(trx, id, 'cancelled', at, why))) throw new AppError('CONFLICT', 'The course was cancelled or completed meanwhile.')
      await deps.audit.record(trx, { actorId: who.userId, action: 'course.cancelled', entityType: 'course', entityId: id, reason: why })
      const ended: EnrolmentRow[] = []
      for (const e of await enrolmentsOfOffering(trx, id)) {
        const row = await deps.enrolments.endIn(trx, e.id)
        if (!row) continue
        await deps.audit.record(trx, { actorId: who.userId, action: 'enrolment.cancelled', entityType: 'enrolment', entityId: e.id, reason: `the course was cancelled (${why})` })
        ended.push(row)
      }
      return ended
    })
    const course = await deps.courses.viewOf(id)
    const contacts = await deps.users.contactsOf(ended.map((e) => e.learner_id).filter((x): x is string => !!x))
    for (const e of ended) {
      const c = e.learner_id ? contacts.get(e.learner_id) : undefined
      if (c) await deps.notifications.send({ to: c.email, ...trainingEmails.courseCancelled(c.first_name, course, why, paymentFate(e)) })
      else if (e.invitee_email) await deps.notifications.send({ to: e.invitee_email, ...trainingEmails.courseCancelled('there', course, why, 'The seat your employer sponsored is withdrawn; nothing was charged to you.') })
    }
    // Each employer who sponsored seats hears once, with how many came back to its voucher batches.
    const bySponsor = new Map<string, number>()
    for (const e of ended) if (e.sponsor_id) bySponsor.set(e.sponsor_id, (bySponsor.get(e.sponsor_id) ?? 0) + 1)
    const sponsors = await deps.users.contactsOf([...bySponsor.keys()])
    for (const [id, seats] of bySponsor) {
      const c = sponsors.get(id)
      if (c) await deps.notifications.send({ to: c.email, ...trainingEmails.courseCancelled(c.first_name, course, why, `The ${seats} seat${seats === 1 ? '' : 's'} you sponsored ended with it; their voucher codes are back in your batch, to use for another seat in this course or to be settled with the program.`) })
    }
    return course
  }
}
