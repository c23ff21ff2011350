// The emails the results module sends: a result released to its candidate, and a certificate issued.
// They say what happened and link to the candidate's own pages; never an answer, an item or a skill's
// content. Scoring announces a result that is not held (below); a held result's release is told by the
// integrity module's case emails, which also give the review's outcome. Send after the commit that
// stored or released what they announce: the outbox records the message then and delivers it in the
// background (notifications.service.ts).
import type { ServerContext } from '../../context.js'
import type { ContactDirectory } from '../accounts/users.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { HeldResults } from './results.service.js'
import { findResult } from './results.repository.js'

export const resultEmailTexts = {
  released: (name: string, moduleName: string, passed: boolean, link: string) => ({
    subject: `Your MT1 result for ${moduleName} is ready`,
    text: `Hello ${name},\n\nYour result for ${moduleName} has been released: ${passed ? 'you passed' : 'you did not pass this time'}.\n\nSee your result, your skills feedback and the recommended training at ${link}\n`,
  }),
  certificateIssued: (name: string, credentialName: string, certificateNumber: string, link: string) => ({
    subject: `Your ${credentialName} certificate is issued`,
    text: `Hello ${name},\n\nCongratulations: your ${credentialName} certificate has been issued, number ${certificateNumber}.\n\nDownload it (PDF and Open Badges) and share its public registry page from ${link}\n`,
  }),
}

export function createResultEmails(ctx: ServerContext, deps: { notifications: NotificationsService; contacts: ContactDirectory; program: ProgramService; holds: HeldResults }) {
  const link = (path: string) => `${ctx.config.publicUrl}${path}`

  async function to(candidateId: string) {
    return (await deps.contacts.contactsOf([candidateId])).get(candidateId)
  }

  const emails = {
    /** Tells the candidate their result (resultId: the attempt it scores) is released; nothing when there is no such result. */
    async released(resultId: string): Promise<void> {
      const result = await findResult(ctx.db, resultId)
      const contact = result && (await to(result.candidate_id))
      if (!result || !contact) return
      const moduleName = deps.program.module(result.module)?.name ?? result.module
      await deps.notifications.send({ to: contact.email, ...resultEmailTexts.released(contact.first_name, moduleName, Number(result.passed) === 1, link('/results')) })
    },

    /** Tells the candidate a certificate was issued to them. */
    async certificateIssued(candidateId: string, award: { type: string; certificateNumber: string }): Promise<void> {
      const contact = await to(candidateId)
      if (!contact) return
      const name = deps.program.definition.credentials.find((c) => c.code === award.type)?.name ?? deps.program.module(award.type)?.name ?? award.type
      await deps.notifications.send({ to: contact.email, ...resultEmailTexts.certificateIssued(contact.first_name, name, award.certificateNumber, link('/credentials')) })
    },

    /**
     * What scoring an attempt tells its candidate, after the scoring's commit: the result, then each
     * certificate it completed. Runs in the background, so a slow outbox never holds up the
     * submission's answer and a failure is logged, not thrown at the candidate.
     */
    afterScoring(candidateId: string, resultId: string, awarded: readonly { type: string; certificateNumber: string }[]): void {
      deps.notifications.inBackground(async () => {
        // A result staff hold for review (a case opened from an incident before scoring finished) is not
        // announced here, nor anything it earned: the case's release tells the candidate.
        if ((await deps.holds.heldAttemptIds(ctx.db, candidateId)).has(resultId)) return
        await emails.released(resultId)
        for (const award of awarded) await emails.certificateIssued(candidateId, award)
      })
    },
  }
  return emails
}

export type ResultEmails = ReturnType<typeof createResultEmails>
