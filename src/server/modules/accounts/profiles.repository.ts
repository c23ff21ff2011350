// All SQL of candidate profiles (NCRC, home state, registry opt-in).
import type { DbOrTx } from '../../db/database.js'

export async function findProfile(db: DbOrTx, userId: string) {
  return db.selectFrom('candidate_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst()
}

export async function upsertProfile(db: DbOrTx, userId: string, profile: { ncrc_level: string | null; ncrc_number: string | null; state: string | null; registry_listed: number; updated_at: string }): Promise<void> {
  await db
    .insertInto('candidate_profiles')
    .values({ user_id: userId, ...profile })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(profile))
    .execute()
}
