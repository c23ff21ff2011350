import type { Role } from '../../../common/roles.js'
import type { DbOrTx } from '../../db/database.js'
import { decodeCursor, pastCursor, toPage } from '../../db/pagination.js'
import type { ApiTokensTable } from '../../db/schema.js'
import { parseScopes } from './token-scopes.js'

export async function insertApiToken(db: DbOrTx, row: ApiTokensTable): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute()
}

export async function findActiveTokenByHash(db: DbOrTx, tokenHash: string) {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id', 'api_tokens.last_used_at', 'api_tokens.scopes', 'api_tokens.expires_at', 'users.id as user_id', 'users.email', 'users.status'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst()
  if (!row) return undefined
  const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', row.user_id).execute()
  return { ...row, roles: roles.map((r) => r.role as Role) }
}

/** Records a use, at most once a minute: the condition keeps a burst of requests from all writing. */
export async function touchApiToken(db: DbOrTx, id: string, at: string, staleBefore: string): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', staleBefore)]))
    .execute()
}

export async function revokeApiToken(db: DbOrTx, id: string, at: string) {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning(['id', 'revoked_at'])
    .executeTakeFirst()
}

export async function findApiToken(db: DbOrTx, id: string) {
  return db.selectFrom('api_tokens').select(['id', 'revoked_at']).where('id', '=', id).executeTakeFirst()
}

export async function listApiTokens(db: DbOrTx, filter: { limit: number; cursor?: string | undefined }) {
  const after = decodeCursor(filter.cursor)
  let query = db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id', 'api_tokens.name', 'api_tokens.user_id', 'users.email as user_email',
      'api_tokens.created_at', 'api_tokens.last_used_at', 'api_tokens.revoked_at', 'api_tokens.scopes', 'api_tokens.expires_at',
    ])
  if (after) query = query.where(pastCursor('api_tokens.created_at', 'api_tokens.id', after))
  const rows = await query.orderBy('api_tokens.created_at', 'desc').orderBy('api_tokens.id', 'desc').limit(filter.limit + 1).execute()
  return toPage(rows, filter.limit, (r) => ({
    id: r.id, name: r.name, userId: r.user_id, userEmail: r.user_email,
    createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at,
    scopes: parseScopes(r.scopes), expiresAt: r.expires_at,
  }))
}
