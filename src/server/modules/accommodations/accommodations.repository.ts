import type { DbOrTx } from '../../db/database.js'
import type { AccommodationDocumentsTable, AccommodationRequestsTable } from '../../db/schema.js'

export async function insertRequest(db: DbOrTx, row: AccommodationRequestsTable): Promise<void> {
  await db.insertInto('accommodation_requests').values(row).execute()
}

export async function findRequest(db: DbOrTx, id: string) {
  return db.selectFrom('accommodation_requests').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function requestsOf(db: DbOrTx, candidateId: string) {
  return db.selectFrom('accommodation_requests').selectAll().where('candidate_id', '=', candidateId).orderBy('created_at', 'desc').execute()
}

export async function requestsByStatus(db: DbOrTx, status: AccommodationRequestsTable['status'] | undefined) {
  let q = db
    .selectFrom('accommodation_requests')
    .selectAll()
  if (status) q = q.where('status', '=', status)
  return q.orderBy('created_at').execute()
}

export async function decide(db: DbOrTx, id: string, change: Pick<AccommodationRequestsTable, 'status' | 'approved_adjustments' | 'decision_reason' | 'decided_by' | 'decided_at'>) {
  const result = await db.updateTable('accommodation_requests').set(change).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function insertDocument(db: DbOrTx, row: AccommodationDocumentsTable): Promise<void> {
  await db.insertInto('accommodation_documents').values(row).execute()
}

export async function documentsOf(db: DbOrTx, requestIds: readonly string[]) {
  if (requestIds.length === 0) return []
  return db.selectFrom('accommodation_documents').select(['id', 'request_id', 'file_name', 'content_type', 'size', 'uploaded_at']).where('request_id', 'in', requestIds).orderBy('uploaded_at').execute()
}

/** How many documents a candidate has stored, and their total size, over all their requests. */
export async function documentUsage(db: DbOrTx, candidateId: string): Promise<{ files: number; bytes: number }> {
  const row = await db
    .selectFrom('accommodation_documents')
    .innerJoin('accommodation_requests', 'accommodation_requests.id', 'accommodation_documents.request_id')
    .select((eb) => [eb.fn.countAll<number | string>().as('files'), eb.fn.sum<number | string | null>('accommodation_documents.size').as('bytes')])
    .where('accommodation_requests.candidate_id', '=', candidateId)
    .executeTakeFirst()
  return { files: Number(row?.files ?? 0), bytes: Number(row?.bytes ?? 0) }
}

/** How many documents one request carries. */
export async function documentCount(db: DbOrTx, requestId: string): Promise<number> {
  const row = await db.selectFrom('accommodation_documents').select((eb) => eb.fn.countAll<number | string>().as('n')).where('request_id', '=', requestId).executeTakeFirst()
  return Number(row?.n ?? 0)
}

export async function findDocument(db: DbOrTx, id: string) {
  return db
    .selectFrom('accommodation_documents')
    .innerJoin('accommodation_requests', 'accommodation_requests.id', 'accommodation_documents.request_id')
    .selectAll('accommodation_documents')
    .select('accommodation_requests.candidate_id')
    .where('accommodation_documents.id', '=', id)
    .executeTakeFirst()
}

/** The adjustments of each candidate's latest decided, approved request. */
export async function approvedAdjustments(db: DbOrTx, candidateIds: readonly string[]): Promise<Map<string, string[]>> {
  if (candidateIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('accommodation_requests')
    .select(['candidate_id', 'approved_adjustments', 'decided_at'])
    .where('candidate_id', 'in', candidateIds)
    .where('status', 'in', ['approved', 'partly_approved'])
    .orderBy('decided_at', 'desc')
    .execute()
  const out = new Map<string, string[]>()
  for (const r of rows) if (!out.has(r.candidate_id)) out.set(r.candidate_id, JSON.parse(r.approved_adjustments ?? '[]') as string[])
  return out
}

/** Requests waiting for a decision (the staff dashboard). */
export async function countPendingRequests(db: DbOrTx): Promise<number> {
  const row = await db.selectFrom('accommodation_requests').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Requests by id with their candidate (the audit log names them). */
export async function requestCandidates(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db.selectFrom('accommodation_requests').select(['id', 'candidate_id']).where('id', 'in', [...new Set(ids)]).execute()
}

/**
 * The candidates with an accommodation approved (wholly or in part) before `before`, distinct: the
 * analytics groups results by it and shows only aggregates. Read by the (status, created_at) index.
 */
export async function candidatesWithApprovedAccommodations(db: DbOrTx, before: string): Promise<string[]> {
  const rows = await db.selectFrom('accommodation_requests')
    .select('candidate_id').distinct()
    .where('status', 'in', ['approved', 'partly_approved'])
    .where('decided_at', '<', before)
    .execute()
  return rows.map((r) => r.candidate_id)
}
