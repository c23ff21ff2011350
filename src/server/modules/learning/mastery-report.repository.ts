// SQL of the staff report of mastery by skill (issue 13): aggregates of practice answers and first
// masteries over a period, grouped in the database (one row per skill or module, whatever the number
// of learners). Counts come back as numbers on SQLite and as strings (bigint) on PostgreSQL.
import { sql } from 'kysely'
import type { DbOrTx } from '../../db/database.js'

type Count = string | number | null

/**
 * Practice answers before `to`, by skill or by module: distinct learners who ever answered, and over
 * [from, to) the distinct learners, answers and correct answers. One scan serves both, the period's
 * figures counted conditionally. Only the program's skills are counted.
 */
export async function practiceFigures(db: DbOrTx, by: 'skill' | 'module', skills: readonly string[], from: string, to: string) {
  if (skills.length === 0) return []
  const inPeriod = sql`${sql.ref('answered_at')} >= ${from}`
  return db.selectFrom('practice_answers')
    .select(sql.ref<string>(by).as('key'))
    .select([
      sql<Count>`count(distinct ${sql.ref('user_id')})`.as('ever_practised'),
      sql<Count>`count(distinct case when ${inPeriod} then ${sql.ref('user_id')} end)`.as('practising'),
      sql<Count>`sum(case when ${inPeriod} then 1 else 0 end)`.as('answers'),
      sql<Count>`sum(case when ${inPeriod} then ${sql.ref('correct')} else 0 end)`.as('correct'),
    ])
    .where('answered_at', '<', to)
    .where('skill', 'in', [...skills])
    .groupBy(by)
    .execute()
}

/** First masteries before `to` by skill: all of them, and those reached in [from, to). */
export async function masteryFigures(db: DbOrTx, skills: readonly string[], from: string, to: string) {
  if (skills.length === 0) return []
  return db.selectFrom('skill_masteries')
    .select('skill')
    .select([
      sql<Count>`count(*)`.as('mastered'),
      sql<Count>`sum(case when ${sql.ref('mastered_at')} >= ${from} then 1 else 0 end)`.as('newly'),
    ])
    .where('mastered_at', '<', to)
    .where('skill', 'in', [...skills])
    .groupBy('skill')
    .execute()
}

/**
 * How many learners had mastered how many of a module's skills before `to`: one row per module and
 * count of skills (a learner counted once, in the row of their count), so the caller reads "every skill
 * mastered" as the row whose count is the module's number of skills.
 */
export async function masteredSkillCounts(db: DbOrTx, skills: readonly string[], to: string) {
  if (skills.length === 0) return []
  return db.selectFrom((eb) => eb.selectFrom('skill_masteries')
    .select(['user_id', 'module'])
    .select(sql<Count>`count(*)`.as('skill_count'))
    .where('mastered_at', '<', to)
    .where('skill', 'in', [...skills])
    .groupBy(['user_id', 'module'])
    .as('per_learner'))
    .select(['module', 'skill_count'])
    .select(sql<Count>`count(*)`.as('learners'))
    .groupBy(['module', 'skill_count'])
    .execute()
}
