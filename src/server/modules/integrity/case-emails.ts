// What an irregularity case tells its candidate. The wording lives here; the service sends it through
// the notifications outbox after the action's transaction has committed. The "result released"
// message is this module's own, not results' scoring email: it gives the review's outcome and reason.
import { formatZonedDateTime } from '../../../common/time-zones.js'

// The deadline at the clock of the center where the result was sat.
const appealLine = (deadline: string, zone: string, publicUrl: string) =>
  `You may appeal this decision until ${formatZonedDateTime(deadline, zone)} on your results page: ${publicUrl}/results\n` +
  'Write a statement saying why the decision should be reversed; a program staff member who did not take the decision reviews it.\n'

export const caseEmails = {
  held(firstName: string, modules: string[], reason: string, deadline: string, zone: string, publicUrl: string) {
    return {
      subject: 'Your MT1 result is under review',
      text: `Hello ${firstName},\n\nYour result for ${modules.join(', ')} is under review by the program because of an irregularity reported during your session. ` +
        'Until the review ends, the result is not shown and no certificate is issued from it.\n\n' +
        `Reason: ${reason}\n\n${appealLine(deadline, zone, publicUrl)}`,
    }
  },
  released(firstName: string, modules: string[], reason: string, certificates: string[], publicUrl: string) {
    return {
      subject: 'Your MT1 result has been released',
      text: `Hello ${firstName},\n\nThe review of your result for ${modules.join(', ')} has ended and the result is released. You can see it on your results page: ${publicUrl}/results\n\n` +
        `Reason: ${reason}\n` +
        (certificates.length > 0 ? `\nCertificates issued or restored: ${certificates.join(', ')}. They are in your credentials: ${publicUrl}/credentials\n` : ''),
    }
  },
  voided(firstName: string, modules: string[], reason: string, deadline: string | null, zone: string, publicUrl: string) {
    return {
      subject: 'Your MT1 result has been voided',
      text: `Hello ${firstName},\n\nAfter reviewing an irregularity, the program has voided your result for ${modules.join(', ')}. The attempt counts as voided and any certificate that rested on it is no longer valid.\n\n` +
        `Reason: ${reason}\n\n` + (deadline ? appealLine(deadline, zone, publicUrl) : 'Your appeal on this case has already been decided.\n'),
    }
  },
  appealDecided(firstName: string, upheld: boolean, reason: string, publicUrl: string) {
    return {
      subject: upheld ? 'Your MT1 appeal has been upheld' : 'Your MT1 appeal has been denied',
      text: `Hello ${firstName},\n\n` + (upheld
        ? `Your appeal has been upheld: the decision is reversed and your result is released. See it on your results page: ${publicUrl}/results\n\n`
        : 'Your appeal has been reviewed and denied: the decision stands.\n\n') + `Reason: ${reason}\n`,
    }
  },
}
