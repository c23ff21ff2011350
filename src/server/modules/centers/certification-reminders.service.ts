// Certification expiry reminders: `policies.reminders.certificationExpiryDaysBefore` (60 and 30) days
// before a center's or a proctor's certification ends, an email to program staff and to the proctor
// or the center's administrators. Each lead goes out once per certification period (claimed in
// `certification_reminders_sent`, keyed by the end date, so a renewal starts a fresh set).
import { dueReminderLeads } from '../../../common/rules/certification-period.js'
import { DEFAULT_TIME_ZONE, formatZonedDate } from '../../../common/time-zones.js'
import type { ServerContext } from '../../context.js'
import { inTransaction } from '../../db/transaction.js'
import type { UserDirectory } from '../accounts/users.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import type { ProgramService } from '../program/program.service.js'
import { centerAdministratorIds, centersEndingBetween, claimReminder, proctorsEndingBetween } from './certification-reminders.repository.js'

const DAY_MS = 86_400_000

interface Subject { kind: 'center' | 'proctor' | 'trainer'; id: string; name: string; certifiedUntil: string; recipientIds: string[] }

/** issue 13: trainers' certifications end too; the training module owns them and answers which end soon. */
export interface TrainerCertificationsEnding {
  endingBetween(from: string, to: string): Promise<{ user_id: string; certified_until: string }[]>
}

export function createCertificationRemindersService(ctx: ServerContext, deps: { users: UserDirectory; notifications: NotificationsService; program: ProgramService; trainers?: TrainerCertificationsEnding }) {
  const { db } = ctx

  /** Claims every due lead not yet sent; the most urgent newly claimed one is the reminder to send (null: nothing new). */
  async function claimDue(subject: Subject, leads: number[]): Promise<number | null> {
    const sentAt = ctx.clock().toISOString()
    return inTransaction(db, async (trx) => {
      const claimed: number[] = []
      for (const days of leads) {
        if (await claimReminder(trx, { subject_kind: subject.kind, subject_id: subject.id, certified_until: subject.certifiedUntil, days_before: days, sent_at: sentAt })) claimed.push(days)
      }
      return claimed.length > 0 ? Math.min(...claimed) : null
    })
  }

  async function remind(subject: Subject, days: number, staffIds: string[]) {
    // The center's certification ends at a moment; its date is shown in the program's home zone
    // until centers carry their own time zone.
    const ends = formatZonedDate(subject.certifiedUntil, DEFAULT_TIME_ZONE)
    const what = subject.kind === 'center' ? `The MT1 assessment center certification of ${subject.name}` : `The MT1 ${subject.kind} certification of ${subject.name}`
    const title = subject.kind === 'center' ? 'Center' : subject.kind === 'proctor' ? 'Proctor' : 'Trainer'
    const contacts = await deps.users.contactsOf([...new Set([...subject.recipientIds, ...staffIds])])
    for (const [id, c] of contacts) {
      const staff = staffIds.includes(id) && !subject.recipientIds.includes(id)
      await deps.notifications.send({
        to: c.email,
        subject: `${title} certification ends ${ends} (${days} days)`,
        text: `Hello ${c.first_name},\n\n${what} ends on ${ends}, in ${days} days or less.\n\n`
          + (staff
            ? 'Renew it on the staff pages (Centers, Proctors or Trainers) if it should continue. Sessions that end after it are flagged on the Certifications page.\n'
            : subject.kind === 'center'
              ? 'After that date the center takes no new sessions or registrations. Contact the Manufacturing Skills Institute to renew it.\n'
              : subject.kind === 'proctor'
                ? 'After that date you cannot be assigned to sessions or count as the certified proctor present. Contact the Manufacturing Skills Institute to renew it.\n'
                : 'After that date you cannot be given courses to teach. Contact the Manufacturing Skills Institute to renew it.\n'),
      })
    }
  }

  return {
    /** Sends the reminders that have come due and were not sent yet; returns how many subjects were reminded. */
    async sendExpiryReminders(): Promise<{ reminded: number }> {
      const leads = deps.program.definition.policies.reminders.certificationExpiryDaysBefore
      if (leads.length === 0) return { reminded: 0 }
      const now = ctx.clock()
      const horizon = new Date(now.getTime() + Math.max(...leads) * DAY_MS).toISOString()
      const [centers, proctors, trainers] = await Promise.all([
        centersEndingBetween(db, now.toISOString(), horizon), proctorsEndingBetween(db, now.toISOString(), horizon),
        deps.trainers ? deps.trainers.endingBetween(now.toISOString(), horizon) : Promise.resolve([]),
      ])
      if (centers.length + proctors.length + trainers.length === 0) return { reminded: 0 }
      const proctorContacts = await deps.users.contactsOf([...proctors, ...trainers].map((p) => p.user_id))
      const subjects: Subject[] = [
        ...(await Promise.all(centers.map(async (c) => ({ kind: 'center' as const, id: c.id, name: c.name, certifiedUntil: c.certified_until!, recipientIds: await centerAdministratorIds(db, c.id) })))),
        ...proctors.map((p) => {
          const c = proctorContacts.get(p.user_id)
          return { kind: 'proctor' as const, id: p.user_id, name: c ? `${c.first_name} ${c.last_name}` : p.user_id, certifiedUntil: p.certified_until, recipientIds: [p.user_id] }
        }),
        ...trainers.map((p) => {
          const c = proctorContacts.get(p.user_id)
          return { kind: 'trainer' as const, id: p.user_id, name: c ? `${c.first_name} ${c.last_name}` : p.user_id, certifiedUntil: p.certified_until, recipientIds: [p.user_id] }
        }),
      ]
      const staffIds = await deps.users.activeIdsWithRole('program_staff')
      let reminded = 0
      for (const subject of subjects) {
        const due = dueReminderLeads(subject.certifiedUntil, now, leads)
        if (due.length === 0) continue
        const days = await claimDue(subject, due)
        if (days === null) continue
        await remind(subject, days, staffIds)
        reminded++
      }
      return { reminded }
    },
  }
}

export type CertificationRemindersService = ReturnType<typeof createCertificationRemindersService>
