// All SQL of the registry. The public lookup is the hot path: primary-key reads of credentials
// joined to the holders' user rows (lookup-batcher.ts runs them).
import { sql, type Expression, type SqlBool } from 'kysely'
import type { DbOrTx, DialectName } from '../../db/database.js'
import type { CursorKey } from '../../db/pagination.js'
import type { CredentialsTable } from '../../db/schema.js'

export interface RegistryRow {
  certificate_number: string
  type: string
  issued_on: string
  status: CredentialsTable['status']
  status_changed_at: string | null
  first_name: string
  last_name: string
}

const registryColumns = [
  'credentials.certificate_number', 'credentials.type', 'credentials.issued_on', 'credentials.status',
  'credentials.status_changed_at', 'users.first_name', 'users.last_name',
] as const

const registryRows = (db: DbOrTx) =>
  db.selectFrom('credentials').innerJoin('users', 'users.id', 'credentials.candidate_id').select(registryColumns)

/** The lookup query for a list of numbers (the public lookup compiles it once per list length). */
export const registryRowsWhereNumberIn = (db: DbOrTx, numbers: readonly string[]) =>
  registryRows(db).where('credentials.certificate_number', 'in', numbers)

/** Many credentials at once (bulk verification); the caller keeps each list to a few hundred. */
export async function lookupCredentials(db: DbOrTx, certificateNumbers: readonly string[]): Promise<RegistryRow[]> {
  if (certificateNumbers.length === 0) return []
  return registryRowsWhereNumberIn(db, certificateNumbers).execute()
}

/** A page of the whole registry in certificate-number order, after `after` (the export walks these). */
export async function registryPage(db: DbOrTx, after: string | null, limit: number): Promise<RegistryRow[]> {
  let query = registryRows(db)
  if (after !== null) query = query.where('credentials.certificate_number', '>', after)
  return query.orderBy('credentials.certificate_number').limit(limit).execute()
}

/** A credential with what staff need to decide on it: the holder and their account. */
export async function credentialForStaff(db: DbOrTx, certificateNumber: string) {
  return db
    .selectFrom('credentials')
    .innerJoin('users', 'users.id', 'credentials.candidate_id')
    .leftJoin('candidate_profiles', 'candidate_profiles.user_id', 'credentials.candidate_id')
    .select([
      'credentials.certificate_number', 'credentials.candidate_id', 'credentials.type', 'credentials.issued_on', 'credentials.status',
      'credentials.status_reason', 'credentials.status_changed_at', 'users.first_name', 'users.last_name', 'users.email', 'candidate_profiles.state',
    ])
    .where('credentials.certificate_number', '=', certificateNumber)
    .executeTakeFirst()
}

export async function credentialsOfHolder(db: DbOrTx, candidateId: string) {
  return db
    .selectFrom('credentials')
    .select(['certificate_number', 'type', 'issued_on', 'status', 'status_reason', 'status_changed_at'])
    .where('candidate_id', '=', candidateId)
    .orderBy('issued_on')
    .orderBy('type')
    .execute()
}

/**
 * Moves a credential from one status to another in one conditional update, so two staff members
 * acting at once cannot both succeed; returns the row when this call changed it.
 */
export async function changeCredentialStatus(
  db: DbOrTx,
  certificateNumber: string,
  change: { from: CredentialsTable['status']; to: CredentialsTable['status']; reason: string; at: string },
) {
  return db
    .updateTable('credentials')
    .set({ status: change.to, status_reason: change.reason, status_changed_at: change.at })
    .where('certificate_number', '=', certificateNumber)
    .where('status', '=', change.from)
    .returning(['certificate_number', 'candidate_id', 'type', 'status', 'status_changed_at'])
    .executeTakeFirst()
}

export async function holderContact(db: DbOrTx, userId: string) {
  return db.selectFrom('users').select(['email', 'first_name', 'last_name']).where('id', '=', userId).executeTakeFirst()
}

// --- name search ---------------------------------------------------------------------------------

/** The indexed search key of a name column (migration 0008): byte-ordered on both databases. */
const key = (dialect: DialectName, column: 'users.last_name' | 'users.first_name') =>
  dialect === 'postgres' ? sql<string>`(lower(${sql.ref(column)}) collate "C")` : sql<string>`lower(${sql.ref(column)})`

/** Text starting with `prefix`, as a range the index can answer ('\uffff' sorts after every letter). */
const startsWith = (column: Expression<string>, prefix: string) => sql<SqlBool>`(${column} >= ${prefix} and ${column} < ${prefix + '\uffff'})`

export interface NameSplit {
  first: string
  last: string
}

export async function searchListedHolders(
  db: DbOrTx,
  dialect: DialectName,
  filter: { splits: NameSplit[]; state?: string | undefined; limit: number; after?: CursorKey | undefined },
) {
  const lastKey = key(dialect, 'users.last_name')
  const firstKey = key(dialect, 'users.first_name')
  const nameMatches = sql.join(
    filter.splits.map((s) => (s.first ? sql`(${startsWith(lastKey, s.last)} and ${startsWith(firstKey, s.first)})` : startsWith(lastKey, s.last))),
    sql` or `,
  )
  let query = db
    .selectFrom('users')
    .innerJoin('candidate_profiles', 'candidate_profiles.user_id', 'users.id')
    .select(['users.id', 'users.first_name', 'users.last_name', 'candidate_profiles.state', lastKey.as('sort_key')])
    .where(sql<SqlBool>`(${nameMatches})`)
    .where('candidate_profiles.registry_listed', '=', 1)
    .where((eb) => eb.exists(eb.selectFrom('credentials').select('credentials.certificate_number').whereRef('credentials.candidate_id', '=', 'users.id')))
  if (filter.state) query = query.where('candidate_profiles.state', '=', filter.state)
  const after = filter.after
  if (after) query = query.where(sql<SqlBool>`(${lastKey} > ${after.value} or (${lastKey} = ${after.value} and users.id > ${after.id}))`)
  return query.orderBy(sql`sort_key`).orderBy('users.id').limit(filter.limit + 1).execute()
}

export async function credentialsOfHolders(db: DbOrTx, candidateIds: readonly string[]) {
  if (candidateIds.length === 0) return []
  return db
    .selectFrom('credentials')
    .select(['candidate_id', 'certificate_number', 'type', 'issued_on', 'status', 'status_changed_at'])
    .where('candidate_id', 'in', candidateIds)
    .orderBy('issued_on')
    .orderBy('type')
    .execute()
}

// --- figures -------------------------------------------------------------------------------------
// Two scans of credentials in all (a million holders take seconds, so the page shows it is counting).

/** Credentials by type, stored status and year of issue, in one pass. */
export async function credentialCounts(db: DbOrTx) {
  const year = sql<string>`substr(issued_on, 1, 4)`
  return db
    .selectFrom('credentials')
    .select(['type', 'status', year.as('year'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['type', 'status', year])
    .execute()
}

/** Holders of at least one active credential, by the state on their profile (null: none given). */
export async function activeHoldersByState(db: DbOrTx) {
  return db
    .selectFrom((eb) => eb.selectFrom('credentials').select('candidate_id').distinct().where('status', '=', 'active').as('h'))
    .leftJoin('candidate_profiles', 'candidate_profiles.user_id', 'h.candidate_id')
    .select(['candidate_profiles.state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('candidate_profiles.state')
    .execute()
}
