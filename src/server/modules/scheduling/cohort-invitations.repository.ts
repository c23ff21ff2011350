import type { DbOrTx } from '../../db/database.js'
import type { CohortInvitationsTable } from '../../db/schema.js'

export async function insertCohortInvitation(db: DbOrTx, row: CohortInvitationsTable): Promise<void> {
  await db.insertInto('cohort_invitations').values(row).execute()
}

/** A newer invitation of one person to one session replaces the open ones (only the newest link works). */
export async function deleteOpenCohortInvitations(db: DbOrTx, userId: string, sessionId: string): Promise<void> {
  await db.deleteFrom('cohort_invitations').where('user_id', '=', userId).where('session_id', '=', sessionId).where('accepted_at', 'is', null).execute()
}

export async function findCohortInvitationByHash(db: DbOrTx, tokenHash: string) {
  return db
    .selectFrom('cohort_invitations')
    .innerJoin('test_sessions', 'test_sessions.id', 'cohort_invitations.session_id')
    .selectAll('cohort_invitations')
    .select(['test_sessions.starts_at', 'test_sessions.ends_at', 'test_sessions.status as session_status', 'test_sessions.center_id'])
    .where('cohort_invitations.token_hash', '=', tokenHash)
    .executeTakeFirst()
}

/** Marks an invitation accepted, once: the condition decides between two clicks. */
export async function markCohortInvitationAccepted(db: DbOrTx, id: string, at: string, registrationId: string): Promise<boolean> {
  const result = await db
    .updateTable('cohort_invitations')
    .set({ accepted_at: at, registration_id: registrationId })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}
