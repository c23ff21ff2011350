import type { DbOrTx } from '../../db/database.js'
import type { SessionInvitationsTable } from '../../db/schema.js'

export async function insertInvitation(db: DbOrTx, row: SessionInvitationsTable): Promise<void> {
  await db.insertInto('session_invitations').values(row).execute()
}

export async function findInvitationByHash(db: DbOrTx, tokenHash: string) {
  return db.selectFrom('session_invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()
}
