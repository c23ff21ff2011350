// Special accommodations: a candidate asks, with documentation, for adjustments; program staff
// approve, partly approve or deny with a reason; approved adjustments follow the candidate to the
// proctor's roster and to delivery. Documentation is for the candidate and program staff only, and
// every read of it is audited.
import { createHash } from 'node:crypto'
import { ADJUSTMENT_LABELS, type Adjustment, type DisabilityCategory } from '../../../common/rules/accommodations.js'
import { documentQuotaRefusal } from '../../../common/rules/document-quota.js'
import type { ServerContext } from '../../context.js'
import { lockCandidate } from '../../db/candidate-lock.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { hasRole, requireActor, requireRole, type Actor } from '../accounts/actor.js'
import type { UserDirectory } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import type { ProgramService } from '../program/program.service.js'
import {
  approvedAdjustments, countPendingRequests, decide, documentCount, requestCandidates, documentsOf, documentUsage, findDocument, findRequest, insertDocument, insertRequest, requestsByStatus, requestsOf, candidatesWithApprovedAccommodations,
} from './accommodations.repository.js'
import { cleanFileName, documentType, MAX_DOCUMENT_BYTES } from './documents.js'

const MAX_DOCUMENTS_PER_REQUEST = 5
type Decision = 'approved' | 'partly_approved' | 'denied'

export function createAccommodationsService(ctx: ServerContext, deps: { audit: AuditService; notifications: NotificationsService; program: ProgramService; users: UserDirectory }) {
  const { db } = ctx
  const quota = deps.program.definition.policies.accommodationDocuments
  const now = () => ctx.clock().toISOString()

  async function withDocuments<T extends { id: string }>(rows: T[]) {
    const docs = await documentsOf(db, rows.map((r) => r.id))
    return rows.map((r) => ({ request: r, documents: docs.filter((d) => d.request_id === r.id) }))
  }

  const dto = (r: Awaited<ReturnType<typeof requestsOf>>[number], documents: Awaited<ReturnType<typeof documentsOf>>) => ({
    // Stored as the validated request and decision wrote them: the program's own category and adjustment codes.
    id: r.id, candidateId: r.candidate_id, categories: JSON.parse(r.categories) as DisabilityCategory[], adjustments: JSON.parse(r.adjustments) as Adjustment[],
    statement: r.statement, status: r.status, approvedAdjustments: r.approved_adjustments ? (JSON.parse(r.approved_adjustments) as Adjustment[]) : null,
    decisionReason: r.decision_reason, decidedAt: r.decided_at, createdAt: r.created_at,
    documents: documents.map((d) => ({ id: d.id, fileName: d.file_name, contentType: d.content_type, size: d.size, uploadedAt: d.uploaded_at })),
  })

  return {
    async request(actor: Actor | null, input: { categories: string[]; adjustments: string[]; statement: string }) {
      const candidate = requireRole(actor, 'candidate')
      const id = newId()
      await db.transaction().execute(async (trx) => {
        await insertRequest(trx, {
          id, candidate_id: candidate.userId, categories: JSON.stringify([...new Set(input.categories)]), adjustments: JSON.stringify([...new Set(input.adjustments)]),
          statement: input.statement.trim(), status: 'pending', approved_adjustments: null, decision_reason: null, decided_by: null, decided_at: null, created_at: now(),
        })
        await deps.audit.record(trx, { actorId: candidate.userId, action: 'accommodation.requested', entityType: 'accommodation_request', entityId: id, details: { categories: input.categories, adjustments: input.adjustments } })
      })
      return dto((await findRequest(db, id))!, [])
    },

    async addDocument(actor: Actor | null, requestId: string, bytes: Buffer, fileName: string) {
      const who = requireActor(actor)
      const request = await findRequest(db, requestId)
      if (!request || request.candidate_id !== who.userId) throw notFound('The accommodation request')
      if (request.status !== 'pending') throw new AppError('CONFLICT', 'Documentation can be added while the request is pending.')
      if (bytes.length === 0) throw new AppError('VALIDATION', 'The file is empty.')
      if (bytes.length > MAX_DOCUMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `Documents may be up to ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`)
      const type = documentType(bytes)
      if (!type) throw new AppError('UNSUPPORTED_DOCUMENT', 'Upload the documentation as a PDF, PNG or JPEG file. This file is none of those, whatever its name says.')
      const id = newId()
      await db.transaction().execute(async (trx) => {
        // The limits are judged inside the write's transaction, after the candidate's lock, so two
        // uploads at once cannot both fit into the room that one leaves.
        await lockCandidate(trx, who.userId, ctx.dialect)
        if ((await documentCount(trx, requestId)) >= MAX_DOCUMENTS_PER_REQUEST) throw new AppError('RULE_VIOLATION', `A request may carry up to ${MAX_DOCUMENTS_PER_REQUEST} documents.`)
        const refusal = documentQuotaRefusal(await documentUsage(trx, who.userId), bytes.length, quota)
        if (refusal) throw new AppError('DOCUMENT_QUOTA_EXCEEDED', refusal.message, { limit: refusal.limit, ...refusal.details })
        await insertDocument(trx, {
          id, request_id: requestId, file_name: cleanFileName(fileName), content_type: type, size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'), bytes, uploaded_at: now(),
        })
        await deps.audit.record(trx, { actorId: who.userId, action: 'accommodation.document_added', entityType: 'accommodation_request', entityId: requestId, details: { documentId: id, contentType: type, size: bytes.length } })
      })
      return { id, fileName: cleanFileName(fileName), contentType: type, size: bytes.length }
    },

    async mine(actor: Actor | null) {
      const who = requireActor(actor)
      return { items: (await withDocuments(await requestsOf(db, who.userId))).map((x) => dto(x.request, x.documents)), nextCursor: null }
    },

    /** Candidates with an approved accommodation decided before `before` (the analytics shows only aggregates of them). */
    accommodatedCandidates: async (before: string): Promise<ReadonlySet<string>> => new Set(await candidatesWithApprovedAccommodations(db, before)),

    /** A candidate's requests with their documents' names, for their record (the caller checks staff). */
    async ofCandidate(candidateId: string) {
      return (await withDocuments(await requestsOf(db, candidateId))).map((x) => dto(x.request, x.documents))
    },

    /** How many requests wait for a decision (the staff dashboard; the caller checks staff). */
    countPending: () => countPendingRequests(db),

    /** Whose request each of these is (the audit log names them). */
    candidatesOf: (ids: readonly string[]) => requestCandidates(db, ids),

    async queue(actor: Actor | null, status?: 'pending' | 'approved' | 'partly_approved' | 'denied') {
      requireRole(actor, 'program_staff')
      const rows = await requestsByStatus(db, status)
      const contacts = await deps.users.contactsOf(rows.map((r) => r.candidate_id))
      return {
        items: (await withDocuments(rows)).flatMap((x) => {
          const c = contacts.get(x.request.candidate_id)
          return c ? [{ ...dto(x.request, x.documents), candidate: { email: c.email, name: `${c.first_name} ${c.last_name}` } }] : []
        }),
        nextCursor: null,
      }
    },

    /** Documentation: the candidate it belongs to and program staff only; every read is audited. */
    async readDocument(actor: Actor | null, documentId: string) {
      const who = requireActor(actor)
      const doc = await findDocument(db, documentId)
      if (!doc) throw notFound('The document')
      if (doc.candidate_id !== who.userId && !hasRole(who, 'program_staff')) {
        await deps.audit.record(db, { actorId: who.userId, action: 'accommodation.document_read_refused', entityType: 'accommodation_document', entityId: documentId })
        throw new AppError('FORBIDDEN', 'Accommodation documentation is visible only to its candidate and to program staff.')
      }
      await deps.audit.record(db, { actorId: who.userId, action: 'accommodation.document_read', entityType: 'accommodation_document', entityId: documentId, details: { requestId: doc.request_id } })
      return { fileName: doc.file_name, contentType: doc.content_type, bytes: Buffer.from(doc.bytes) }
    },

    async decide(actor: Actor | null, requestId: string, input: { decision: Decision; approvedAdjustments?: string[] | undefined; reason: string }) {
      const staff = requireRole(actor, 'program_staff')
      const request = await findRequest(db, requestId)
      if (!request) throw notFound('The accommodation request')
      const asked = JSON.parse(request.adjustments) as string[]
      let approved: string[] = []
      if (input.decision === 'approved') approved = input.approvedAdjustments ?? asked
      if (input.decision === 'partly_approved') {
        approved = input.approvedAdjustments ?? []
        if (approved.length === 0) throw new AppError('VALIDATION', 'Say which adjustments are approved.')
      }
      const outside = approved.filter((a) => !asked.includes(a))
      if (outside.length) throw new AppError('VALIDATION', `Only requested adjustments can be approved; not requested: ${outside.join(', ')}.`)
      const ok = await db.transaction().execute(async (trx) => {
        const changed = await decide(trx, requestId, {
          status: input.decision, approved_adjustments: JSON.stringify(approved), decision_reason: input.reason.trim(), decided_by: staff.userId, decided_at: now(),
        })
        if (changed) await deps.audit.record(trx, { actorId: staff.userId, action: `accommodation.${input.decision}`, entityType: 'accommodation_request', entityId: requestId, reason: input.reason, details: { approved } })
        return changed
      })
      if (!ok) throw new AppError('CONFLICT', 'This request has already been decided.')
      const candidate = await deps.users.findById(request.candidate_id)
      if (candidate) {
        const list = approved.map((a) => `- ${ADJUSTMENT_LABELS[a as Adjustment] ?? a}`).join('\n')
        await deps.notifications.send({
          to: candidate.email,
          subject: 'The decision on your accommodation request',
          text: `Hello ${candidate.first_name},\n\nYour request for special accommodations was ${input.decision.replace('_', ' ')}.\n${approved.length ? `\nApproved adjustments:\n${list}\n` : ''}\nReason: ${input.reason.trim()}\n`,
        })
      }
      return dto((await findRequest(db, requestId))!, await documentsOf(db, [requestId]))
    },

    /** Approved adjustments by candidate, for rosters and delivery (never the documentation). */
    adjustmentsFor: (candidateIds: readonly string[]) => approvedAdjustments(db, candidateIds),
  }
}

export type AccommodationsService = ReturnType<typeof createAccommodationsService>
