// Background jobs (cohort uploads, rescoring): their progress, and the lease of the process running
// each (`owner` and its `heartbeat_at`). Every write after the start is conditional on the owner, so
// a process that was presumed dead and whose job was taken over cannot write over the new owner's.
import type { DbOrTx } from '../../db/database.js'
import type { JobsTable } from '../../db/schema.js'
import type { Insertable, Selectable } from 'kysely'

export type JobRow = Selectable<JobsTable>

export async function insertJob(db: DbOrTx, row: Insertable<JobsTable>): Promise<void> {
  await db.insertInto('jobs').values(row).execute()
}

export async function findJob(db: DbOrTx, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Saves progress while the job is still this owner's; false when it is not (stop at once). */
export async function checkpointJob(db: DbOrTx, id: string, owner: string, change: { processed: number; total?: number; report?: string; heartbeat_at: string }): Promise<boolean> {
  const result = await db.updateTable('jobs').set(change).where('id', '=', id).where('owner', '=', owner).where('status', '=', 'running').executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** The owner's sign of life for its running jobs. */
export async function heartbeatJobs(db: DbOrTx, ids: readonly string[], owner: string, at: string): Promise<void> {
  if (ids.length === 0) return
  await db.updateTable('jobs').set({ heartbeat_at: at }).where('id', 'in', ids).where('owner', '=', owner).where('status', '=', 'running').execute()
}

export async function finishJob(db: DbOrTx, id: string, owner: string, change: { status: 'done' | 'failed'; report?: string | null; error?: string | null; finished_at: string }): Promise<boolean> {
  const result = await db.updateTable('jobs').set({ ...change, heartbeat_at: null }).where('id', '=', id).where('owner', '=', owner).where('status', '=', 'running').executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Gives a running job up at a checkpoint (the process is stopping): any process may take it over at once. */
export async function releaseJob(db: DbOrTx, id: string, owner: string): Promise<void> {
  await db.updateTable('jobs').set({ owner: null, heartbeat_at: null }).where('id', '=', id).where('owner', '=', owner).where('status', '=', 'running').execute()
}

export async function runningJobs(db: DbOrTx): Promise<Pick<JobRow, 'id' | 'kind' | 'owner' | 'heartbeat_at' | 'resumes'>[]> {
  return db.selectFrom('jobs').select(['id', 'kind', 'owner', 'heartbeat_at', 'resumes']).where('status', '=', 'running').execute()
}

/**
 * Takes over a running job whose owner is gone: nobody holds it, or its owner's last sign of life
 * is older than `staleBefore` (null: any other owner, on SQLite where only one process runs jobs).
 * One conditional update, so of several processes starting at once exactly one takes it.
 */
export async function claimJob(db: DbOrTx, id: string, previous: string | null, owner: string, at: string, staleBefore: string | null): Promise<JobRow | undefined> {
  let q = db.updateTable('jobs').set((eb) => ({ owner, heartbeat_at: at, resumes: eb('resumes', '+', 1) })).where('id', '=', id).where('status', '=', 'running')
  q = previous === null ? q.where('owner', 'is', null) : q.where('owner', '=', previous)
  if (previous !== null && staleBefore !== null) q = q.where((eb) => eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', staleBefore)]))
  return q.returningAll().executeTakeFirst()
}

/** Jobs that failed since a moment (the staff dashboard). */
export async function countFailedJobsSince(db: DbOrTx, since: string): Promise<number> {
  const row = await db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'failed').where('finished_at', '>=', since).executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Hands a queued job to the process whose worker received it: the message names the owner that
 * queued it, so a job taken over since (its lease ran out) or finished is not run twice.
 */
export async function handOverJob(db: DbOrTx, id: string, from: string, owner: string, at: string): Promise<JobRow | undefined> {
  return db.updateTable('jobs').set({ owner, heartbeat_at: at }).where('id', '=', id).where('owner', '=', from).where('status', '=', 'running').returningAll().executeTakeFirst()
}

/** The status of these jobs (a process waiting for the jobs it queued). */
export async function jobStatuses(db: DbOrTx, ids: readonly string[]): Promise<Pick<JobRow, 'id' | 'status'>[]> {
  if (ids.length === 0) return []
  return db.selectFrom('jobs').select(['id', 'status']).where('id', 'in', ids).execute()
}
