// SQL for reading learners' statements back: a learner's record a page at a time (newest first, by
// verb and skill), the whole record for download, and Learning Lab use over a period for staff.
import { sql } from 'kysely'
import type { DbOrTx } from '../../db/database.js'
import { pastCursor, type CursorKey } from '../../db/pagination.js'

export interface StatementFilter {
  verb?: string | undefined
  skill?: string | undefined
}

/** One learner's statements newest first (by stored time, then id), after the cursor, limit + 1 rows. */
export async function statementPage(db: DbOrTx, userId: string, filter: StatementFilter, o: { limit: number; after?: CursorKey | undefined }) {
  let q = db.selectFrom('learning_statements')
    .select(['id', 'verb', 'object_kind', 'skill', 'module', 'statement', 'timestamp', 'stored_at'])
    .where('user_id', '=', userId)
  if (filter.verb) q = q.where('verb', '=', filter.verb)
  if (filter.skill) q = q.where('skill', '=', filter.skill)
  if (o.after) q = q.where(pastCursor('stored_at', 'id', o.after, 'desc'))
  return q.orderBy('stored_at', 'desc').orderBy('id', 'desc').limit(o.limit + 1).execute()
}

/** Statement counts over [from, to) by stored time, grouped by verb and skill. */
export async function usageBetween(db: DbOrTx, from: string, to: string) {
  return db.selectFrom('learning_statements')
    .select(['verb', 'skill'])
    .select((eb) => eb.fn.countAll<string | number>().as('statements'))
    .where('stored_at', '>=', from)
    .where('stored_at', '<', to)
    .groupBy(['verb', 'skill'])
    .execute()
}

/** Distinct learners over [from, to) by verb and by skill (a learner counts once per group, not per statement). */
export async function learnersBetween(db: DbOrTx, from: string, to: string, by: 'verb' | 'skill') {
  return db.selectFrom('learning_statements')
    .select([by])
    .select(sql<string | number>`count(distinct ${sql.ref('user_id')})`.as('learners'))
    .where('stored_at', '>=', from)
    .where('stored_at', '<', to)
    .groupBy(by)
    .execute()
}
