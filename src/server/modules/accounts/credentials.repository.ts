// Session rows, login failures and password-reset tokens: everything that proves who someone is.
import type { Role } from '../../../common/roles.js'
import type { DbOrTx } from '../../db/database.js'
import type { AuthSessionsTable, PasswordResetsTable } from '../../db/schema.js'

export async function insertSession(db: DbOrTx, row: AuthSessionsTable): Promise<void> {
  await db.insertInto('auth_sessions').values(row).execute()
}

export async function findSession(db: DbOrTx, idHash: string) {
  const row = await db
    .selectFrom('auth_sessions')
    .innerJoin('users', 'users.id', 'auth_sessions.user_id')
    .select([
      'auth_sessions.id_hash',
      'auth_sessions.csrf_token',
      'auth_sessions.created_at',
      'auth_sessions.expires_at',
      'auth_sessions.last_seen_at',
      'users.id as user_id',
      'users.email',
      'users.status',
    ])
    .where('auth_sessions.id_hash', '=', idHash)
    .executeTakeFirst()
  if (!row) return undefined
  const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', row.user_id).execute()
  return { ...row, roles: roles.map((r) => r.role as Role) }
}

export async function extendSession(db: DbOrTx, idHash: string, lastSeenAt: string, expiresAt: string) {
  await db.updateTable('auth_sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id_hash', '=', idHash).execute()
}

export async function deleteSession(db: DbOrTx, idHash: string): Promise<void> {
  await db.deleteFrom('auth_sessions').where('id_hash', '=', idHash).execute()
}

export async function deleteSessionsOfUser(db: DbOrTx, userId: string): Promise<void> {
  await db.deleteFrom('auth_sessions').where('user_id', '=', userId).execute()
}

export async function deleteExpiredSessions(db: DbOrTx, now: string): Promise<void> {
  await db.deleteFrom('auth_sessions').where('expires_at', '<', now).execute()
}

export async function recordLoginFailure(db: DbOrTx, email: string, ip: string, at: string): Promise<void> {
  await db.insertInto('login_failures').values({ email, ip, created_at: at }).execute()
}

export async function countLoginFailures(db: DbOrTx, by: 'email' | 'ip', value: string, since: string) {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
    .where(by, '=', value)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow()
  return { count: Number(row.n), oldest: (row.oldest as string | null) ?? null }
}

export async function clearLoginFailures(db: DbOrTx, email: string): Promise<void> {
  await db.deleteFrom('login_failures').where('email', '=', email).execute()
}

export async function insertPasswordReset(db: DbOrTx, row: PasswordResetsTable): Promise<void> {
  await db.insertInto('password_resets').values(row).execute()
}

/** Marks a reset token used, once: the conditional update is what makes the link single-use. */
export async function consumePasswordReset(db: DbOrTx, tokenHash: string, now: string): Promise<string | undefined> {
  const row = await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst()
  return row?.user_id
}
