// SQL of the learning-records module: the xAPI statements the platform recorded.
import type { DbOrTx } from '../../db/database.js'
import type { LearningStatementsTable } from '../../db/schema.js'

export async function insertStatements(db: DbOrTx, rows: LearningStatementsTable[]): Promise<void> {
  if (rows.length) await db.insertInto('learning_statements').values(rows).execute()
}

/** One learner's statements, newest first, a page at a time (before the given stored_at/id). */
export async function statementsOf(db: DbOrTx, userId: string, o: { limit: number; before?: { storedAt: string; id: string } | undefined }) {
  let q = db.selectFrom('learning_statements').selectAll().where('user_id', '=', userId)
  if (o.before) {
    const { storedAt, id } = o.before
    q = q.where((w) => w.or([w('stored_at', '<', storedAt), w.and([w('stored_at', '=', storedAt), w('id', '<', id)])]))
  }
  return q.orderBy('stored_at', 'desc').orderBy('id', 'desc').limit(o.limit).execute()
}
