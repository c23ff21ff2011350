// What advanced standing emails: the holder is told of a decision on their request; the college
// partners of the institution are told of a new request and of one its holder withdrew.
import type { RequestRow } from './advanced-standing.repository.js'

const creditsText = (n: number) => `${n} advanced-standing ${n === 1 ? 'credit' : 'credits'}`

/** What a college partner is told of a request: who asks, with which credential, for what. */
export interface RequestSummary {
  institution: string
  program: string
  holderName: string
  credentialName: string
  certificateNumber: string
  credits: number
  /** The college's requests page, where the partner decides. */
  link: string
}

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

  requested: (first: string, r: RequestSummary) => ({
    subject: `New request for advanced standing: ${r.holderName}`,
    text: `Hello ${first},\n\n${r.holderName} asks ${r.institution} for ${creditsText(r.credits)} toward ${r.program}`
      + ` with their ${r.credentialName} (certificate ${r.certificateNumber}, verified by the program).\n\n`
      + `Grant or decline it here:\n${r.link}\n`,
  }),

  withdrawn: (first: string, r: RequestSummary, reason: string | null) => ({
    subject: `Request for advanced standing withdrawn: ${r.holderName}`,
    text: `Hello ${first},\n\n${r.holderName} withdrew their request to ${r.institution} for ${creditsText(r.credits)} toward ${r.program}`
      + ` (${r.credentialName}, certificate ${r.certificateNumber}). There is nothing to decide.\n\n`
      + (reason ? `Their reason: ${reason}\n\n` : '')
      + `Your requests:\n${r.link}\n`,
  }),
}
