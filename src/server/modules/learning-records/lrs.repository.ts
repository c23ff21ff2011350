// SQL for forwarding statements to external learning record stores: the endpoints staff configure and
// the delivery queue (one row per statement and endpoint).
import type { DbOrTx } from '../../db/database.js'
import type { LrsDeliveriesTable, LrsEndpointsTable } from '../../db/schema.js'

export type EndpointRow = LrsEndpointsTable

export function allEndpoints(db: DbOrTx) {
  return db.selectFrom('lrs_endpoints').selectAll().orderBy('created_at', 'asc').orderBy('id', 'asc').execute()
}

export function findEndpoint(db: DbOrTx, id: string) {
  return db.selectFrom('lrs_endpoints').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The active endpoints with what decides who they receive statements of (read in the recording transaction). */
export function activeEndpointAudiences(db: DbOrTx) {
  return db.selectFrom('lrs_endpoints').select(['id', 'owner_kind', 'owner_id']).where('active', '=', 1).execute()
}

/** Endpoints whose secret is still plaintext (written before migration 0034). */
export function endpointsWithPlaintextSecret(db: DbOrTx) {
  return db.selectFrom('lrs_endpoints').select(['id', 'auth_secret']).where('auth_secret_kek_id', 'is', null).execute()
}

/** The KEK ids secrets are sealed under other than `kekId`, with how many endpoints each. */
export function endpointSecretsUnderOtherKeks(db: DbOrTx, kekId: string) {
  return db.selectFrom('lrs_endpoints').select(['auth_secret_kek_id', (eb) => eb.fn.countAll<number>().as('endpoints')])
    .where('auth_secret_kek_id', 'is not', null).where('auth_secret_kek_id', '!=', kekId).groupBy('auth_secret_kek_id').execute()
}

/** Replaces a plaintext secret by its sealed form, only if the row still holds that plaintext (two instances starting together). */
export async function sealPlaintextSecret(db: DbOrTx, id: string, plaintext: string, sealed: Pick<LrsEndpointsTable, 'auth_secret' | 'auth_secret_kek_id'>): Promise<boolean> {
  const row = await db.updateTable('lrs_endpoints').set(sealed).where('id', '=', id).where('auth_secret_kek_id', 'is', null).where('auth_secret', '=', plaintext).returning('id').executeTakeFirst()
  return row !== undefined
}

export async function insertEndpoint(db: DbOrTx, row: LrsEndpointsTable): Promise<void> {
  await db.insertInto('lrs_endpoints').values(row).execute()
}

export async function updateEndpoint(db: DbOrTx, id: string, change: Partial<Omit<LrsEndpointsTable, 'id' | 'created_at' | 'created_by'>>) {
  const row = await db.updateTable('lrs_endpoints').set(change).where('id', '=', id).returning('id').executeTakeFirst()
  return row !== undefined
}

export async function insertDeliveries(db: DbOrTx, rows: LrsDeliveriesTable[]): Promise<void> {
  // 11 columns a row: 50 rows stay well under SQLite's 999 bound parameters.
  for (let i = 0; i < rows.length; i += 50) await db.insertInto('lrs_deliveries').values(rows.slice(i, i + 50)).execute()
}

/**
 * Claims up to `limit` due deliveries to active endpoints for this dispatcher until `lockUntil`: the
 * conditional update is the claim, so of two dispatchers (two instances on PostgreSQL) only one gets
 * each row. Returns the claimed rows with their statement and endpoint.
 */
export async function claimDue(db: DbOrTx, now: string, lockUntil: string, limit: number) {
  const due = await db.selectFrom('lrs_deliveries as d')
    .innerJoin('lrs_endpoints as e', 'e.id', 'd.endpoint_id')
    .select('d.id')
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', now)
    .where((w) => w.or([w('d.locked_until', 'is', null), w('d.locked_until', '<=', now)]))
    .where('e.active', '=', 1)
    .orderBy('d.next_attempt_at', 'asc')
    .orderBy('d.id', 'asc')
    .limit(limit)
    .execute()
  if (due.length === 0) return []
  const claimed = await db.updateTable('lrs_deliveries')
    .set({ locked_until: lockUntil })
    .where('id', 'in', due.map((r) => r.id))
    .where('status', '=', 'pending')
    .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<=', now)]))
    .returning('id')
    .execute()
  if (claimed.length === 0) return []
  return db.selectFrom('lrs_deliveries as d')
    .innerJoin('lrs_endpoints as e', 'e.id', 'd.endpoint_id')
    .innerJoin('learning_statements as s', 's.id', 'd.statement_id')
    .select(['d.id', 'd.attempts', 'd.endpoint_id', 'e.url', 'e.auth_key', 'e.auth_secret', 'e.auth_secret_kek_id', 's.statement', 's.stored_at'])
    .where('d.id', 'in', claimed.map((r) => r.id))
    .orderBy('s.stored_at', 'asc')
    .orderBy('d.id', 'asc')
    .execute()
}

/** Records an attempt's outcome on the deliveries it covered and releases the claim. */
export async function settleDeliveries(db: DbOrTx, ids: readonly string[], change: Pick<LrsDeliveriesTable, 'status' | 'attempts' | 'next_attempt_at' | 'last_error' | 'last_attempt_at' | 'sent_at'>) {
  if (ids.length === 0) return
  await db.updateTable('lrs_deliveries').set({ ...change, locked_until: null }).where('id', 'in', [...ids]).execute()
}

/** Puts an endpoint's failed deliveries back in the queue, due now, with their attempts counted afresh. */
export async function requeueFailed(db: DbOrTx, endpointId: string, now: string): Promise<number> {
  const rows = await db.updateTable('lrs_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, locked_until: null })
    .where('endpoint_id', '=', endpointId)
    .where('status', '=', 'failed')
    .returning('id')
    .execute()
  return rows.length
}

/** How many deliveries each endpoint has in each status. */
export function deliveryCounts(db: DbOrTx) {
  return db.selectFrom('lrs_deliveries')
    .select(['endpoint_id', 'status'])
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .groupBy(['endpoint_id', 'status'])
    .execute()
}

/** The latest deliveries that have an error (failed, or pending a retry), newest attempt first. */
export function latestErrors(db: DbOrTx, limit: number) {
  return db.selectFrom('lrs_deliveries')
    .select(['id', 'endpoint_id', 'statement_id', 'status', 'attempts', 'last_error', 'last_attempt_at', 'next_attempt_at'])
    .where('last_error', 'is not', null)
    .where('status', '!=', 'sent')
    .orderBy('last_attempt_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

/** The deliveries of some statements (tests and the learner's own view do not need this; staff diagnostics do). */
export function deliveriesOfStatements(db: DbOrTx, statementIds: readonly string[]) {
  if (statementIds.length === 0) return Promise.resolve([])
  return db.selectFrom('lrs_deliveries').selectAll().where('statement_id', 'in', [...statementIds]).execute()
}
