// The registry's reads and revocation. The public lookup is the hot path: primary-key reads of
// credentials joined to the registry's own holder rows (lookup-batcher.ts runs them). Only the
// registry's tables are read here: credentials and registry_holders (names, state, search opt-in).
// Awarding and withdrawing are in credential-records.repository.ts.
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
  /** The holder's NCRC level and whether staff verified it: the stack an MS or MT1 states. */
  ncrc_level: string | null
  ncrc_verified: number
}

const registryColumns = [
  'credentials.certificate_number', 'credentials.type', 'credentials.issued_on', 'credentials.status',
  'credentials.status_changed_at', 'registry_holders.first_name', 'registry_holders.last_name',
  'registry_holders.ncrc_level', 'registry_holders.ncrc_verified',
] as const

const registryRows = (db: DbOrTx) =>
  db.selectFrom('credentials').innerJoin('registry_holders', 'registry_holders.user_id', 'credentials.candidate_id').select(registryColumns)

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

/** A credential with what staff need to decide on it: its status, reason and the holder's state. */
export async function credentialForStaff(db: DbOrTx, certificateNumber: string) {
  return db
    .selectFrom('credentials')
    .leftJoin('registry_holders', 'registry_holders.user_id', 'credentials.candidate_id')
    .select([
      'credentials.certificate_number', 'credentials.candidate_id', 'credentials.type', 'credentials.issued_on', 'credentials.status',
      'credentials.status_reason', 'credentials.status_changed_at', 'registry_holders.state',
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

// --- name search ---------------------------------------------------------------------------------

/** The indexed search key of a name column (migration 0015): byte-ordered on both databases. */
const key = (dialect: DialectName, column: 'registry_holders.last_name' | 'registry_holders.first_name') =>
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
  const lastKey = key(dialect, 'registry_holders.last_name')
  const firstKey = key(dialect, 'registry_holders.first_name')
  const nameMatches = sql.join(
    filter.splits.map((s) => (s.first ? sql`(${startsWith(lastKey, s.last)} and ${startsWith(firstKey, s.first)})` : startsWith(lastKey, s.last))),
    sql` or `,
  )
  let query = db
    .selectFrom('registry_holders')
    .select(['registry_holders.user_id as id', 'registry_holders.first_name', 'registry_holders.last_name', 'registry_holders.state', lastKey.as('sort_key')])
    .where(sql<SqlBool>`(${nameMatches})`)
    .where('registry_holders.listed', '=', 1)
    .where((eb) => eb.exists(eb.selectFrom('credentials').select('credentials.certificate_number').whereRef('credentials.candidate_id', '=', 'registry_holders.user_id')))
  if (filter.state) query = query.where('registry_holders.state', '=', filter.state)
  const after = filter.after
  if (after) query = query.where(sql<SqlBool>`(${lastKey} > ${after.value} or (${lastKey} = ${after.value} and registry_holders.user_id > ${after.id}))`)
  return query.orderBy(sql`sort_key`).orderBy('registry_holders.user_id').limit(filter.limit + 1).execute()
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
    .leftJoin('registry_holders', 'registry_holders.user_id', 'h.candidate_id')
    .select(['registry_holders.state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('registry_holders.state')
    .execute()
}
