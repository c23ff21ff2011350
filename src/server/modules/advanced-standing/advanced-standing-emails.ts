// What the holder is told of a decision on their request for advanced standing.
import type { RequestRow } from './advanced-standing.repository.js'

export const advancedStandingEmails = {
  decided: (first: string, institution: string, program: string, r: Pick<RequestRow, 'status' | 'credits_granted' | 'decline_reason' | 'certificate_number'>, courses: readonly string[]) => ({
    subject: r.status === 'granted' ? `Advanced standing granted: ${institution}` : `Advanced standing declined: ${institution}`,
    text: `Hello ${first},\n\n`
      + (r.status === 'granted'
        ? `${institution} granted you ${r.credits_granted} advanced-standing ${r.credits_granted === 1 ? 'credit' : 'credits'} toward ${program} for your certificate ${r.certificate_number}.`
          + (courses.length > 0 ? `\n\nCourse equivalents:\n${courses.map((c) => `  - ${c}`).join('\n')}` : '')
          + '\n\nThe credit appears on your path to MT1.\n'
        : `${institution} declined your request for advanced standing toward ${program} (certificate ${r.certificate_number}).\n\nReason: ${r.decline_reason}\n\nThe credits you asked for count again toward what you may request there.\n`),
  }),
}
