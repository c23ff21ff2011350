// The NCRC certificate's uploaded copy and staff's verification of it (issue 14). The copy is a
// PDF, PNG or JPEG (judged by its first bytes, whatever it is called), kept in the database beside
// the profile, and read only by its holder and program staff (staff reads are audited). Staff mark
// the NCRC verified, or not verified with a reason, from the person's record; any change the holder
// makes afterwards sets it back to unverified (profile.service.ts).
import { createHash } from 'node:crypto'
import type { ServerContext } from '../../context.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { cleanFileName, documentType } from '../accommodations/documents.js'
import type { AuditService } from '../audit/audit.service.js'
import { requireActor, requireRole, type Actor } from './actor.js'
import type { ProfileService } from './profile.service.js'
import { findNcrcCertificateMeta, putNcrcCertificate, readNcrcCertificate, setNcrcVerification } from './profiles.repository.js'

/** A scan or a photo of a one-page certificate: 5 MB is ample. */
export const MAX_NCRC_CERTIFICATE_BYTES = 5 * 1024 * 1024

export function createNcrcService(ctx: ServerContext, deps: { audit: AuditService; profiles: ProfileService; exists: (userId: string) => Promise<boolean> }) {
  const { db } = ctx

  return {
    async upload(actor: Actor | null, bytes: Buffer, fileName: string) {
      const who = requireRole(actor, 'candidate')
      if (bytes.length === 0) throw new AppError('VALIDATION', 'The file is empty.')
      if (bytes.length > MAX_NCRC_CERTIFICATE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `The certificate may be up to ${MAX_NCRC_CERTIFICATE_BYTES / 1024 / 1024} MB.`)
      const type = documentType(bytes)
      if (!type) throw new AppError('UNSUPPORTED_DOCUMENT', 'Upload the NCRC certificate as a PDF, PNG or JPEG file. This file is none of those, whatever its name says.')
      const now = ctx.clock().toISOString()
      const name = cleanFileName(fileName)
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      await inTransaction(db, async (trx) => {
        const before = await deps.profiles.stored(trx, who.userId)
        await putNcrcCertificate(trx, { user_id: who.userId, file_name: name, content_type: type, size: bytes.length, sha256, bytes, uploaded_at: now })
        // A new copy is a new fact to check: verification starts again.
        await deps.profiles.write(trx, who.userId, before, { ...before, updated_at: now }, true)
        await deps.audit.record(trx, { actorId: who.userId, action: 'ncrc.certificate_uploaded', entityType: 'user', entityId: who.userId, details: { contentType: type, size: bytes.length, sha256 } })
      })
      return deps.profiles.view(who.userId)
    },

    /** The holder's own uploaded copy. */
    async ownCertificate(actor: Actor | null) {
      const row = await readNcrcCertificate(db, requireActor(actor).userId)
      if (!row) throw notFound('The NCRC certificate')
      return { fileName: row.file_name, contentType: row.content_type, bytes: Buffer.from(row.bytes) }
    },

    /** A person's uploaded copy, for program staff only; every read is audited. */
    async personCertificate(actor: Actor | null, userId: string) {
      const staff = requireRole(actor, 'program_staff')
      const row = await readNcrcCertificate(db, userId)
      if (!row) throw notFound('The NCRC certificate')
      await deps.audit.record(db, { actorId: staff.userId, action: 'ncrc.certificate_read', entityType: 'user', entityId: userId, details: { sha256: row.sha256 } })
      return { fileName: row.file_name, contentType: row.content_type, bytes: Buffer.from(row.bytes) }
    },

    /** A person's NCRC as staff see it on their record: the number and the copy included. */
    async ofPerson(actor: Actor | null, userId: string) {
      requireRole(actor, 'program_staff')
      if (!(await deps.exists(userId))) throw notFound('The person')
      return deps.profiles.view(userId)
    },

    async verify(actor: Actor | null, userId: string, input: { verified: boolean; reason?: string | undefined }) {
      const staff = requireRole(actor, 'program_staff')
      if (!(await deps.exists(userId))) throw notFound('The person')
      const reason = input.reason?.trim() || null
      if (!input.verified && !reason) throw new AppError('VALIDATION', 'Say why the NCRC is not verified.', [{ path: 'body/reason', field: 'reason', message: 'Say why the NCRC is not verified.' }])
      await inTransaction(db, async (trx) => {
        const before = await deps.profiles.stored(trx, userId)
        if (!before.ncrc_level) throw new AppError('RULE_VIOLATION', 'This person has not recorded an NCRC level to verify.')
        const verdict = input.verified ? 'verified' : 'not_verified'
        const changed = await setNcrcVerification(trx, userId, before.updated_at, {
          ncrc_verification: verdict, ncrc_verification_reason: input.verified ? null : reason, ncrc_verified_by: staff.userId, ncrc_verified_at: ctx.clock().toISOString(),
        })
        if (!changed) throw new AppError('CONFLICT', 'The NCRC changed while you were looking at it. Read it again.')
        const certificate = await findNcrcCertificateMeta(trx, userId)
        await deps.audit.record(trx, {
          actorId: staff.userId, action: `ncrc.${verdict}`, entityType: 'user', entityId: userId, ...(reason && !input.verified ? { reason } : {}),
          details: { level: before.ncrc_level, date: before.ncrc_date, certificateSha256: certificate?.sha256 ?? null },
        })
        await deps.profiles.tellRegistry(trx, userId, { ...before, ncrc_verification: verdict })
      })
      return deps.profiles.view(userId)
    },
  }
}

export type NcrcService = ReturnType<typeof createNcrcService>
