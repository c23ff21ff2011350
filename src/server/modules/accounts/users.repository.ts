import type { Role } from '../../../common/roles.js'
import type { DbOrTx } from '../../db/database.js'
import { decodeCursor, pastCursor, toPage } from '../../db/pagination.js'
import { containsText } from '../../db/text-search.js'
import type { NewUser, UserRow } from '../../db/schema.js'
import { readInBatches } from '../../db/id-batches.js'

export interface UserWithRoles extends UserRow {
  roles: Role[]
}

export function toUserDto(u: UserWithRoles) {
  return {
    id: u.id,
    email: u.email,
    firstName: u.first_name,
    lastName: u.last_name,
    roles: u.roles,
    status: u.status,
    createdAt: u.created_at,
  }
}
export type UserDto = ReturnType<typeof toUserDto>

async function withRoles(db: DbOrTx, rows: UserRow[]): Promise<UserWithRoles[]> {
  if (rows.length === 0) return []
  const roles = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role'])
    .where('user_id', 'in', rows.map((r) => r.id))
    .orderBy('role')
    .execute()
  return rows.map((r) => ({ ...r, roles: roles.filter((x) => x.user_id === r.id).map((x) => x.role as Role) }))
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserWithRoles | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst()
  return row ? (await withRoles(db, [row]))[0] : undefined
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserWithRoles | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? (await withRoles(db, [row]))[0] : undefined
}

/** How other modules name a person: email and name, nothing else of the account. */
export interface Contact {
  email: string
  first_name: string
  last_name: string
}

/** The contacts of many accounts at once, by id (ids that name no account are absent). */
export async function findContacts(db: DbOrTx, ids: readonly string[]): Promise<Map<string, Contact>> {
  const rows = await readInBatches(ids, (slice) => db.selectFrom('users').select(['id', 'email', 'first_name', 'last_name']).where('id', 'in', slice).execute())
  return new Map(rows.map(({ id, ...contact }) => [id, contact]))
}

export async function insertUser(db: DbOrTx, user: NewUser, roles: readonly Role[], grantedBy: string | null): Promise<void> {
  await db.insertInto('users').values(user).execute()
  if (roles.length > 0) {
    await db
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: user.id, role, granted_at: user.created_at, granted_by: grantedBy })))
      .execute()
  }
}

export async function replaceRoles(db: DbOrTx, userId: string, roles: readonly Role[], grantedBy: string, now: string) {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute()
  if (roles.length > 0) {
    await db
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: userId, role, granted_at: now, granted_by: grantedBy })))
      .execute()
  }
}

export async function updateUser(
  db: DbOrTx,
  id: string,
  change: Partial<Pick<UserRow, 'first_name' | 'last_name' | 'status' | 'password_hash' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('users').set(change).where('id', '=', id).execute()
}

export interface UserFilter {
  q?: string | undefined
  role?: Role | undefined
  limit: number
  cursor?: string | undefined
}

export async function listUsers(db: DbOrTx, filter: UserFilter) {
  const after = decodeCursor(filter.cursor)
  let query = db.selectFrom('users').selectAll('users')
  if (filter.q) {
    const q = filter.q
    query = query.where((eb) => eb.or([containsText('users.email', q), containsText('users.first_name', q), containsText('users.last_name', q)]))
  }
  if (filter.role) {
    const role = filter.role
    query = query.where('users.id', 'in', (eb) => eb.selectFrom('user_roles').select('user_id').where('role', '=', role))
  }
  if (after) query = query.where(pastCursor('users.created_at', 'users.id', after))
  const rows = await query.orderBy('users.created_at', 'desc').orderBy('users.id', 'desc').limit(filter.limit + 1).execute()
  const withR = await withRoles(db, rows)
  return toPage(withR, filter.limit, toUserDto)
}

/** The active accounts holding a role (proctors for the Proctors page, staff for reminders): ids only. */
export async function activeUserIdsWithRole(db: DbOrTx, role: Role): Promise<string[]> {
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('users.id')
    .where('user_roles.role', '=', role)
    .where('users.status', '=', 'active')
    .execute()
  return rows.map((r) => r.id)
}

export async function countUsersWithRole(db: DbOrTx, role: Role): Promise<number> {
  const row = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_roles.role', '=', role)
    .where('users.status', '=', 'active')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
