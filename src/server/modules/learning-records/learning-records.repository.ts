// SQL of the learning-records module: the xAPI statements the platform recorded.
import { sql } from 'kysely'
import type { DbOrTx, DialectName, Tx } from '../../db/database.js'
import { readInBatches } from '../../db/id-batches.js'
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

// --- issue 13, lab-lessons: completions, once per learner and activity ---

/** The learner's statements of one verb about one kind of object (e.g. the lessons they completed), oldest first. */
export async function statementsOfKind(db: DbOrTx, userId: string, verb: string, objectKind: string) {
  return db.selectFrom('learning_statements').select(['object_id', 'timestamp'])
    .where('user_id', '=', userId).where('verb', '=', verb).where('object_kind', '=', objectKind)
    .orderBy('timestamp').execute()
}

/** The distinct activities of one verb and object kind for many learners (a roster's completed lessons). */
export async function activitiesOfKindFor(db: DbOrTx, userIds: readonly string[], verb: string, objectKind: string) {
  return readInBatches(userIds, (slice) => db.selectFrom('learning_statements').select(['user_id', 'object_id'])
    .where('user_id', 'in', slice).where('verb', '=', verb).where('object_kind', '=', objectKind)
    .groupBy(['user_id', 'object_id']).execute())
}

/** When each of these learners last studied in the Learning Lab: a lesson, practice, a skill, a plan (not an enrolment or a course meeting). */
export async function lastStudiedAt(db: DbOrTx, userIds: readonly string[]) {
  return readInBatches(userIds, (slice) => db.selectFrom('learning_statements').select('user_id')
    .select((eb) => eb.fn.max('timestamp').as('last'))
    .where('user_id', 'in', slice).where('object_kind', 'in', ['lesson', 'practice_set', 'practice_test', 'practice_item', 'skill', 'study_plan'])
    .groupBy('user_id').execute())
}

/** The learner's first statement of a verb about one activity (by its IRI), if any. */
export async function firstStatementAbout(db: DbOrTx, userId: string, verb: string, objectId: string) {
  return db.selectFrom('learning_statements').selectAll()
    .where('user_id', '=', userId).where('verb', '=', verb).where('object_id', '=', objectId)
    .orderBy('timestamp').orderBy('id').limit(1).executeTakeFirst()
}

/**
 * Serialises "record once" for one key until the transaction ends. PostgreSQL: a transaction-scoped
 * advisory lock on the key's hash (two requests completing the same lesson at once: the second waits,
 * then finds the first's statement). SQLite runs one write transaction at a time already.
 */
export async function lockKey(trx: Tx, dialect: DialectName, key: string): Promise<void> {
  if (dialect !== 'postgres') return
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx)
}
