// What the training module tells people by email: an enrolment confirmed, a sponsored seat offered,
// an enrolment or a course cancelled (with what became of the payment). Times are the place's.
import { formatMoney } from '../../../common/rules/fees.js'
import { formatZonedRange } from '../../../common/time-zones.js'
import type { CourseView } from '../../../common/schemas/training.js'
import type { EnrolmentRow } from './enrolments.repository.js'

/** The meetings of a course, one line each, on the place's clock. */
export function meetingLines(course: Pick<CourseView, 'meetings' | 'timeZone'>): string {
  return course.meetings.map((m, i) => `  ${i + 1}. ${formatZonedRange(m.startsAt, m.endsAt, course.timeZone)}`).join('\n')
}

const where = (course: CourseView) => `${course.place.name}, ${course.place.address}`

/** What changed in a course that its learners act on, one sentence each (nothing: no email). */
export function courseChanges(before: CourseView, after: CourseView): string[] {
  const out: string[] = []
  if (before.title !== after.title) out.push(`The course is now called ${after.title} (it was ${before.title}).`)
  if (meetingLines(before) !== meetingLines(after)) out.push(`The meetings have moved. They were:\n${meetingLines(before)}`)
  if (before.trainer.id !== after.trainer.id) out.push(`Your trainer is now ${after.trainer.name} (it was ${before.trainer.name}).`)
  return out
}

/** What became of an ended enrolment's payment, as its learner reads it. */
export function paymentFate(e: Pick<EnrolmentRow, 'payment_method' | 'voucher_id' | 'paid_at' | 'sponsor_id'>): string {
  if (e.payment_method === 'voucher' && e.voucher_id) {
    return e.sponsor_id ? 'The voucher your employer paid this seat with goes back to them.' : 'The voucher you paid with is available again: use the same code for another seat in the same course or Learning Lab.'
  }
  if (e.payment_method === 'invoice') return e.paid_at ? 'Your invoice was paid. Contact the program to have it refunded or applied to another course.' : 'Your open invoice is void: you owe nothing for this seat.'
  return 'Nothing was charged for this seat.'
}

export const trainingEmails = {
  enrolled: (name: string, title: string, course: CourseView | null, pending: { cents: number; currency: string } | null) => ({
    subject: pending ? `Your seat is held: ${title}` : `You are enrolled: ${title}`,
    text: `Hello ${name},\n\n${pending ? `Your seat in ${title} is held until your invoice of ${formatMoney(pending.cents, pending.currency)} is paid; the program confirms it then.` : `You are enrolled in ${title}.`}\n\n`
      + (course ? `Where: ${where(course)}\nMeetings (times at the place):\n${meetingLines(course)}\nTrainer: ${course.trainer.name}\n\n` : '')
      + 'Your courses and your attendance are on My training.\n',
  }),
  invitation: (sponsor: string, title: string, course: CourseView | null, link: string) => ({
    subject: `${sponsor} sponsored a seat for you: ${title}`,
    text: `Hello,\n\n${sponsor} sponsored a seat for you in ${title}; it is paid for.\n\n`
      + (course ? `Where: ${where(course)}\nMeetings (times at the place):\n${meetingLines(course)}\n\n` : '')
      + `To take the seat, open this link and log in (or create an account) with this email address:\n\n${link}\n\nIf you do not want it, ignore this email: nothing happens unless you accept.\n`,
  }),
  enrolmentCancelled: (name: string, title: string, why: string, fate: string) => ({
    subject: `Your training enrolment is cancelled: ${title}`,
    text: `Hello ${name},\n\nYour seat in ${title} is cancelled: ${why}.\n\n${fate}\n`,
  }),
  courseChanged: (name: string, course: CourseView, changes: string[]) => ({
    subject: `Course changed: ${course.title}`,
    text: `Hello ${name},\n\nThe course ${course.title} at ${where(course)} has changed.\n\n${changes.join('\n\n')}\n\n`
      + `It meets now (times at the place):\n${meetingLines(course)}\nTrainer: ${course.trainer.name}\n\nIf you can no longer come, give up your seat on My training before the first meeting.\n`,
  }),
  courseCancelled: (name: string, course: CourseView, why: string, fate: string) => ({
    subject: `Course cancelled: ${course.title}`,
    text: `Hello ${name},\n\nThe course ${course.title} at ${where(course)} is cancelled: ${why}.\n\nIt was to meet:\n${meetingLines(course)}\n\n${fate}\n\nOther courses are listed on the course finder.\n`,
  }),
}
