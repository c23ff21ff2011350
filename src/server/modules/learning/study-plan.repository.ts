// SQL of study plans (issue 13, practice stream).
import type { DbOrTx } from '../../db/database.js'
import type { StudyPlansTable } from '../../db/schema.js'

/** Stores a plan unless the learner has one from the same source (the unique index decides a race); true when stored. */
export async function insertPlan(db: DbOrTx, row: StudyPlansTable): Promise<boolean> {
  const stored = await db.insertInto('study_plans').values(row).onConflict((oc) => oc.columns(['user_id', 'source_kind', 'source_id']).doNothing()).returning('id').executeTakeFirst()
  return stored !== undefined
}

export async function findPlan(db: DbOrTx, id: string) {
  return db.selectFrom('study_plans').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function planFromSource(db: DbOrTx, userId: string, kind: StudyPlansTable['source_kind'], sourceId: string) {
  return db.selectFrom('study_plans').selectAll().where('user_id', '=', userId).where('source_kind', '=', kind).where('source_id', '=', sourceId).executeTakeFirst()
}

/** A learner's plans, newest first. */
export async function plansOf(db: DbOrTx, userId: string, limit: number) {
  return db.selectFrom('study_plans').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
}

export async function openPlansOf(db: DbOrTx, userId: string) {
  return db.selectFrom('study_plans').selectAll().where('user_id', '=', userId).where('completed_at', 'is', null).execute()
}

/**
 * Completes a plan once, claiming its invitation in the same update: only the transaction that
 * completes it sends the invitation. False when it was already complete.
 */
export async function completePlan(db: DbOrTx, id: string, at: string): Promise<boolean> {
  const row = await db.updateTable('study_plans').set({ completed_at: at, invited_at: at }).where('id', '=', id).where('completed_at', 'is', null).returning('id').executeTakeFirst()
  return row !== undefined
}
