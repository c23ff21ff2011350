// Session rows, login failures and password-reset tokens: everything that proves who someone is.
import type { Role } from '../../../common/roles.js'
import type { DbOrTx } from '../../db/database.js'
import type { AuthSessionsTable, PasswordResetsTable } from '../../db/schema.js'

export async function insertSession(db: DbOrTx, row: AuthSessionsTable): Promise<void> {
  await db.insertInto('auth_sessions').values(row).execute()
}

export async function findSession(db: DbOrTx, idHash: string) {
  // One query for the session, its user and the user's roles (a row per role): this runs on every
  // signed-in request, and each round trip to PostgreSQL counts there (issue 16).
  const rows = await db
    .selectFrom('auth_sessions')
    .innerJoin('users', 'users.id', 'auth_sessions.user_id')
    .leftJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select([
      'auth_sessions.id_hash',
      'auth_sessions.csrf_token',
      'auth_sessions.created_at',
      'auth_sessions.expires_at',
      'auth_sessions.last_seen_at',
      'users.id as user_id',
      'users.email',
      'users.status',
      'user_roles.role',
    ])
    .where('auth_sessions.id_hash', '=', idHash)
    .execute()
  const [first] = rows
  if (!first) return undefined
  const { role: _role, ...row } = first
  return { ...row, roles: rows.flatMap((r) => (r.role === null ? [] : [r.role as Role])) }
}

export async function extendSession(db: DbOrTx, idHash: string, lastSeenAt: string, expiresAt: string) {
  await db.updateTable('auth_sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id_hash', '=', idHash).execute()
}

export async function deleteSession(db: DbOrTx, idHash: string): Promise<void> {
  await db.deleteFrom('auth_sessions').where('id_hash', '=', idHash).execute()
}

/** Ends every session of a user, or every one but `keepIdHash` (the session changing its password). */
export async function deleteSessionsOfUser(db: DbOrTx, userId: string, keepIdHash?: string): Promise<number> {
  let query = db.deleteFrom('auth_sessions').where('user_id', '=', userId)
  if (keepIdHash) query = query.where('id_hash', '!=', keepIdHash)
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function deleteExpiredSessions(db: DbOrTx, now: string): Promise<void> {
  await db.deleteFrom('auth_sessions').where('expires_at', '<', now).execute()
}

export async function recordLoginFailure(db: DbOrTx, email: string, ip: string, at: string): Promise<void> {
  await db.insertInto('login_failures').values({ email, ip, created_at: at }).execute()
}

export interface FailureCount {
  count: number
  /** The oldest failure still in the window (it leaves the window first). */
  oldest: string | null
}

/**
 * Failed logins since `since` for the account, for the account from this address, and for the
 * address whatever the account: one query over the email and address indexes.
 */
export async function countLoginFailures(db: DbOrTx, email: string, ip: string, since: string) {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => {
      const isAccount = eb('email', '=', email)
      const isPair = eb.and([eb('email', '=', email), eb('ip', '=', ip)])
      const isAddress = eb('ip', '=', ip)
      const count = (when: typeof isAccount) => eb.fn.sum<number | string | null>(eb.case().when(when).then(eb.lit(1)).else(eb.lit(0)).end())
      const oldest = (when: typeof isAccount) => eb.fn.min<string | null>(eb.case().when(when).then(eb.ref('created_at')).end())
      return [
        count(isAccount).as('account_n'), oldest(isAccount).as('account_oldest'),
        count(isPair).as('pair_n'), oldest(isPair).as('pair_oldest'),
        count(isAddress).as('address_n'), oldest(isAddress).as('address_oldest'),
      ]
    })
    .where((eb) => eb.or([eb('email', '=', email), eb('ip', '=', ip)]))
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow()
  const pick = (n: number | string | null, oldest: string | null): FailureCount => ({ count: Number(n ?? 0), oldest: oldest ?? null })
  return {
    account: pick(row.account_n, row.account_oldest),
    accountAddress: pick(row.pair_n, row.pair_oldest),
    address: pick(row.address_n, row.address_oldest),
  }
}

export async function clearLoginFailures(db: DbOrTx, email: string): Promise<void> {
  await db.deleteFrom('login_failures').where('email', '=', email).execute()
}

export async function insertPasswordReset(db: DbOrTx, row: PasswordResetsTable): Promise<void> {
  await db.insertInto('password_resets').values(row).execute()
}

/** Ends every reset (or set-password) link of a user not yet used: a newer link or a new password replaces them. */
export async function deleteUnusedResetLinks(db: DbOrTx, userId: string): Promise<void> {
  await db.deleteFrom('password_resets').where('user_id', '=', userId).where('used_at', 'is', null).execute()
}

/** When the user's newest reset link still open was issued, if one was issued since `since`. */
export async function recentResetLink(db: DbOrTx, userId: string, since: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('password_resets')
    .select('created_at')
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  return row?.created_at
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

/** When the person last logged in, as far as their sessions still tell (expired sessions are deleted). */
export async function lastSessionStart(db: DbOrTx, userId: string): Promise<string | null> {
  const row = await db.selectFrom('auth_sessions').select((eb) => eb.fn.max('created_at').as('at')).where('user_id', '=', userId).executeTakeFirst()
  return (row?.at as string | null | undefined) ?? null
}
