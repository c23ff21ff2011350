// SQL of the Learning Lab's practice (issue 13, practice stream): practice sets, the answers given in
// sets and practice tests, and the first mastery of each skill.
import { sql } from 'kysely'
import type { DbOrTx } from '../../db/database.js'
import { readInBatches } from '../../db/id-batches.js'
import type { PracticeAnswersTable, PracticeSetsTable, SkillMasteriesTable } from '../../db/schema.js'

export async function insertSet(db: DbOrTx, row: PracticeSetsTable): Promise<void> {
  await db.insertInto('practice_sets').values(row).execute()
}

export async function findSet(db: DbOrTx, id: string) {
  const row = await db.selectFrom('practice_sets').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? { ...row, seed: Number(row.seed) } : undefined
}

/** A learner's latest sets of a skill (what they have been shown lately). */
export async function recentSetsOf(db: DbOrTx, userId: string, skill: string, limit: number) {
  return db.selectFrom('practice_sets').select(['items', 'created_at']).where('user_id', '=', userId).where('skill', '=', skill)
    .orderBy('created_at', 'desc').limit(limit).execute()
}

/** Marks a set completed once; false when it already was. */
export async function completeSet(db: DbOrTx, id: string, at: string): Promise<boolean> {
  const row = await db.updateTable('practice_sets').set({ completed_at: at }).where('id', '=', id).where('completed_at', 'is', null).returning('id').executeTakeFirst()
  return row !== undefined
}

/**
 * Stores answers, one per item and source: an answer to an item its source already has is not
 * stored (the unique index decides between two that race). Returns the ids stored.
 */
export async function insertAnswers(db: DbOrTx, rows: PracticeAnswersTable[]): Promise<string[]> {
  if (rows.length === 0) return []
  const stored = await db.insertInto('practice_answers').values(rows)
    .onConflict((oc) => oc.columns(['source_kind', 'source_id', 'item_id']).doNothing()).returning('id').execute()
  return stored.map((r) => r.id)
}

export async function answersOfSource(db: DbOrTx, kind: 'set' | 'test', sourceId: string) {
  return db.selectFrom('practice_answers').selectAll().where('source_kind', '=', kind).where('source_id', '=', sourceId).execute()
}

/** Whether each of a learner's latest answers of a skill was correct, newest first. */
export async function latestCorrectness(db: DbOrTx, userId: string, skill: string, limit: number): Promise<boolean[]> {
  const rows = await db.selectFrom('practice_answers').select('correct').where('user_id', '=', userId).where('skill', '=', skill)
    .orderBy('answered_at', 'desc').orderBy('seq', 'desc').orderBy('id', 'desc').limit(limit).execute()
  return rows.map((r) => Number(r.correct) === 1)
}

/**
 * The tie-breaker for a learner's answer of a skill stored at `at`: answers in the same millisecond (a
 * clock that has not moved) keep the order they were given in, so "the latest N" is always one set.
 * Called under the learner's lock.
 */
export async function nextSeqAt(db: DbOrTx, userId: string, skill: string, at: string): Promise<number> {
  const row = await db.selectFrom('practice_answers').select((eb) => eb.fn.max('seq').as('last'))
    .where('user_id', '=', userId).where('skill', '=', skill).where('answered_at', '=', at).executeTakeFirst()
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1
}

/** When the learner last answered each of these items. */
export async function lastAnsweredAt(db: DbOrTx, userId: string, itemIds: readonly string[]): Promise<Map<string, string>> {
  if (itemIds.length === 0) return new Map()
  const rows = await db.selectFrom('practice_answers').select(['item_id']).select((eb) => eb.fn.max('answered_at').as('last'))
    .where('user_id', '=', userId).where('item_id', 'in', [...new Set(itemIds)]).groupBy('item_id').execute()
  return new Map(rows.map((r) => [r.item_id, String(r.last)]))
}

/**
 * The latest answers (newest first, at most `limit`) of each of these skills for many learners at once:
 * one ranked read per thousand learners instead of a query per learner and skill (a course roster).
 */
export async function latestCorrectnessOfMany(db: DbOrTx, userIds: readonly string[], skills: readonly string[], limit: number): Promise<Map<string, Map<string, boolean[]>>> {
  const out = new Map<string, Map<string, boolean[]>>()
  if (skills.length === 0) return out
  const rows = await readInBatches(userIds, (slice) => db
    .selectFrom((eb) => eb.selectFrom('practice_answers')
      .select(['user_id', 'skill', 'correct'])
      // The same order as latestCorrectness: newest first, ties by seq, then id.
      .select(sql<number>`row_number() over (partition by user_id, skill order by answered_at desc, seq desc, id desc)`.as('rank'))
      .where('user_id', 'in', slice).where('skill', 'in', [...skills])
      .as('ranked'))
    .select(['user_id', 'skill', 'correct'])
    .where('rank', '<=', limit)
    .orderBy('user_id').orderBy('skill').orderBy('rank')
    .execute())
  for (const r of rows) {
    const bySkill = out.get(r.user_id) ?? new Map<string, boolean[]>()
    const answers = bySkill.get(r.skill) ?? []
    answers.push(Number(r.correct) === 1)
    bySkill.set(r.skill, answers)
    out.set(r.user_id, bySkill)
  }
  return out
}

/** The first masteries of many learners. */
export async function masteriesOfMany(db: DbOrTx, userIds: readonly string[]) {
  return readInBatches(userIds, (slice) => db.selectFrom('skill_masteries').selectAll().where('user_id', 'in', slice).execute())
}

export async function masteriesOf(db: DbOrTx, userId: string) {
  return db.selectFrom('skill_masteries').selectAll().where('user_id', '=', userId).execute()
}

/** Records the first mastery of a skill; false when the learner had mastered it before. */
export async function insertMastery(db: DbOrTx, row: SkillMasteriesTable): Promise<boolean> {
  const stored = await db.insertInto('skill_masteries').values(row).onConflict((oc) => oc.columns(['user_id', 'skill']).doNothing()).returning('skill').executeTakeFirst()
  return stored !== undefined
}
