// The candidate's printable documents: the score report of one attempt (its candidate only) and the
// certificate of one credential (its holder only). Anyone else is told the document does not exist,
// so numbers and attempt ids cannot be probed.
import { utcToZonedWallTime } from '../../../common/time-zones.js'
import { parseCertificateNumber } from '../../../common/rules/certificate-number.js'
import { credentialCopyRefusal } from '../../../common/rules/credential-copies.js'
import type { SkillResult } from '../../../common/rules/module-result.js'
import { trainingFor } from '../../../common/rules/skill-training.js'
import type { ServerContext } from '../../context.js'
import { AppError, notFound } from '../../errors.js'
import { requireActor, type Actor } from '../accounts/actor.js'
import type { ContactDirectory } from '../accounts/users.service.js'
import type { AttemptRecordsService } from '../delivery/attempt-records.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { CredentialRecordsService } from '../registry/credential-records.service.js'
import { certificatePdf } from './certificate-pdf.js'
import { credentialFileName } from '../../../common/credentials/file-names.js'
import { findResult } from './results.repository.js'
import type { HeldResults } from './results.service.js'
import { scoreReportPdf } from './score-report-pdf.js'

export interface PdfFile {
  filename: string
  pdf: Buffer
}

/** "A and B", "A, B and C". */
const listed = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`)

export function createDocumentsService(
  ctx: ServerContext,
  deps: {
    program: ProgramService; attempts: AttemptRecordsService; credentials: CredentialRecordsService; contacts: ContactDirectory; holds: HeldResults
    /** The IANA zone of a session's center (scheduling), so a sitting's date is the day at the center. */
    sessionTimeZone: (sessionId: string) => Promise<string>
  },
) {
  const { db } = ctx
  const program = deps.program.definition

  /** The name printed on a document: the holder's current account name. */
  async function nameOf(userId: string): Promise<string> {
    const contact = (await deps.contacts.contactsOf([userId])).get(userId)
    return contact ? `${contact.first_name} ${contact.last_name}`.trim() : ''
  }

  /** The title and the line under it that a certificate of this type carries. */
  function credentialWording(type: string): { title: string; note: string } {
    const mod = deps.program.module(type)
    if (mod) return { title: `${mod.name} (${mod.code}) Certificate`, note: `A certificate module of the ${program.name} (${program.code}) certification` }
    const cred = program.credentials.find((c) => c.code === type)
    if (cred) {
      const modules = cred.requiresModules.map((m) => deps.program.module(m)?.name ?? m)
      return { title: `${cred.name} (${cred.code}) Certification`, note: `Earned with the ${listed(modules)} certificates` }
    }
    return { title: type, note: `${program.name} (${program.code})` }
  }

  return {
    async scoreReport(actor: Actor | null, attemptId: string): Promise<PdfFile> {
      const who = requireActor(actor)
      const row = await findResult(db, attemptId)
      if (!row || row.candidate_id !== who.userId) throw notFound('The score report')
      // A voided attempt has no report.
      const attempt = await deps.attempts.get(attemptId)
      if (attempt?.status !== 'scored') throw notFound('The score report')
      // issue 12, integrity stream: a result held for review has no report until it is released.
      if ((await deps.holds.heldAttemptIds(db, row.candidate_id)).has(attemptId)) throw new AppError('RESULT_UNDER_REVIEW', 'This result is under review by the program; its score report is issued when the review ends.')
      const mod = deps.program.module(row.module)
      if (!mod) throw notFound('The module')
      const names = new Map(mod.skills.map((s) => [s.code, s.name]))
      const skills = (JSON.parse(row.skills) as SkillResult[]).map((s) => ({ code: s.code, name: names.get(s.code) ?? s.code, percent: s.percent, belowStandard: s.belowStandard }))
      // The day of the sitting as the center's calendar has it (an evening sitting in California is
      // the next day in UTC).
      const submitted = attempt.submitted_at ?? row.scored_at
      const date = utcToZonedWallTime(submitted, await deps.sessionTimeZone(attempt.session_id)).slice(0, 10) || submitted
      const pdf = await scoreReportPdf({
        candidateName: await nameOf(row.candidate_id),
        module: { code: mod.code, name: mod.name, passPercent: mod.passPercent },
        date, percent: Number(row.percent), passed: Number(row.passed) === 1, skills,
        training: trainingFor(skills, program.training ?? []),
        contact: `${program.contact.organization}, ${program.contact.phone}`,
        siteUrl: ctx.config.publicUrl,
        attemptId: row.attempt_id,
      })
      return { filename: `mt1-score-report-${mod.code}-${date.slice(0, 10)}.pdf`, pdf }
    },

    async certificate(actor: Actor | null, typed: string): Promise<PdfFile> {
      const who = requireActor(actor)
      const parsed = parseCertificateNumber(typed)
      if (!parsed.ok) throw new AppError('VALIDATION', parsed.reason === 'check' ? 'The certificate number has a mistyped character.' : 'That is not a certificate number.')
      const row = await deps.credentials.find(parsed.number)
      if (!row || row.candidate_id !== who.userId) throw notFound('The certificate')
      // The same rule (and answer) as the signed Open Badges file: no new copy of an inactive credential.
      const refusal = credentialCopyRefusal(row.status)
      if (refusal) throw new AppError('CONFLICT', refusal)
      const wording = credentialWording(row.type)
      const pdf = await certificatePdf({
        holderName: await nameOf(row.candidate_id),
        credentialTitle: wording.title, credentialNote: wording.note,
        issuedOn: row.issued_on, certificateNumber: row.certificate_number,
        verifyUrl: `${ctx.config.publicUrl}/registry/${row.certificate_number}`,
      })
      return { filename: credentialFileName(row.certificate_number, 'certificate'), pdf }
    },
  }
}

export type DocumentsService = ReturnType<typeof createDocumentsService>
