// Synthetic certificate holders for benchmarks and load tests (`mt1 seed --synthetic-certificates n`):
// candidates without a password (they cannot log in), a profile with a state (a fifth opted in to
// the name search), and the credentials a real holder would have, in a realistic mix: module
// certificates passed over the years, the MS and MT1 dated by their last module, a few revoked.
// Each holder also gets the registry's own row (registry_holders: name, state, opt-in), as the
// registry's holders service would have written it.
// Rows go in as multi-row INSERTs with the SQL built once per shape, many thousand holders per
// transaction, so a million holders take minutes, not hours. Holder ids are time-ordered UUIDs
// (version 7 layout) and each batch's certificate numbers are inserted in order, so the indexes
// grow mostly at their ends instead of at a random page per row.
import { certificationDate, certificationsEarned, type CredentialRequirement } from '../../../common/rules/credential-rule.js'
import { randomBytes } from 'node:crypto'
import { CompiledQuery, sql } from 'kysely'
import { certificateNumberFrom } from '../../../common/rules/certificate-number.js'
import type { Db, DialectName } from '../database.js'

export const SYNTHETIC_EMAIL_DOMAIN = 'synthetic.mt1.invalid'

const FIRST = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'Karen', 'Daniel', 'Lisa', 'Matthew', 'Nancy', 'Anthony', 'Betty', 'Mark', 'Sandra', 'Luis', 'Ashley', 'Steven', 'Kimberly', 'Andrew', 'Emily', 'Kevin', 'Donna', 'Brian', 'Michelle', 'José', 'Carol', 'Tyrone', 'Amanda', 'Minh', 'Melissa', 'Ahmed', 'Deborah', 'Wei', 'Stephanie', 'Jamal', 'Rebecca', 'Diego', 'Laura', 'Raj', 'Sharon', 'Dmitri', 'Cynthia', 'Kwame', 'Ana', 'Hiroshi', 'Angela']
const LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', "O'Brien", 'Kowalski', 'Okafor', 'Patel', 'Kim', 'Chen', 'Müller', 'Novak', 'van der Berg', 'Haddad']
// Manufacturing states weigh more: [state, weight].
const STATES: [string, number][] = [
  ['OH', 9], ['MI', 8], ['IN', 7], ['TX', 9], ['CA', 8], ['PA', 7], ['IL', 7], ['WI', 6], ['NC', 6], ['VA', 6], ['GA', 5], ['TN', 5], ['SC', 4], ['AL', 4],
  ['KY', 4], ['NY', 5], ['MN', 3], ['MO', 3], ['IA', 3], ['KS', 2], ['AZ', 2], ['WA', 2], ['OR', 2], ['CO', 2], ['FL', 3], ['MS', 2], ['AR', 2], ['LA', 2],
  ['OK', 2], ['NE', 1], ['UT', 1], ['NJ', 2], ['MA', 2], ['CT', 1], ['MD', 1], ['WV', 1], ['NH', 1], ['ME', 1], ['ID', 1], ['NV', 1], ['NM', 1], ['DE', 1],
]
// Which modules holders passed: [modules, share]. Most who sit all three pass all three. The MS and
// MT1 they earn follow from the program's credential rule, as when awarding.
const PATTERNS: [string[], number][] = [
  [['MM'], 14], [['SRMT'], 8], [['QBA'], 10], [['MM', 'QBA'], 5], [['SRMT', 'QBA'], 3], [['MM', 'SRMT'], 25], [['MM', 'SRMT', 'QBA'], 35],
]
const FIRST_YEAR = 2015
const LISTED_SHARE = 0.2
const REVOKED_SHARE = 0.01

function weighted<T>(entries: [T, number][]): () => T {
  const table: T[] = entries.flatMap(([value, weight]) => Array<T>(weight).fill(value))
  return () => table[Math.floor(Math.random() * table.length)]!
}
const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!
const pad = (n: number) => String(n).padStart(2, '0')

/** A day in a year after FIRST_YEAR, more holders in recent years (the program grows). */
function issueDate(today: Date): Date {
  const span = today.getTime() - Date.UTC(FIRST_YEAR, 0, 1)
  return new Date(today.getTime() - span * (1 - Math.sqrt(Math.random())))
}
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`

/** Random certificate numbers from one buffer of random bytes (crypto per number is the slow part). */
function numbers(count: number): string[] {
  const bytes = randomBytes(count * 10)
  return Array.from({ length: count }, (_, i) => certificateNumberFrom(bytes.subarray(i * 10, i * 10 + 10)))
}

/** Time-ordered UUIDs (version 7 layout): the run's start in milliseconds, then a counter. */
function orderedIds(startMs: number) {
  const time = startMs.toString(16).padStart(12, '0')
  let counter = 0n
  const tail = randomBytes(4).toString('hex')
  return () => {
    const c = (counter++).toString(16).padStart(15, '0')
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${c.slice(0, 3)}-8${c.slice(3, 6)}-${c.slice(6, 15)}${tail.slice(0, 3)}`
  }
}

/** INSERT of `rows` rows of `columns`, with the placeholders each database wants. */
function insertSql(dialect: DialectName, table: string, columns: readonly string[], rows: number): string {
  let n = 0
  const tuple = () => `(${columns.map(() => (dialect === 'postgres' ? `$${++n}` : '?')).join(',')})`
  return `insert into ${table} (${columns.join(',')}) values ${Array.from({ length: rows }, tuple).join(',')}`
}

export interface SyntheticOptions {
  /** Holders per transaction. */
  batch?: number
  onProgress?: (holders: number) => void
  now?: Date
}

export async function seedSyntheticCertificates(db: Db, dialect: DialectName, count: number, credentialRules: readonly CredentialRequirement[], options: SyntheticOptions = {}) {
  const batch = options.batch ?? 20_000
  const today = options.now ?? new Date()
  const stamp = today.toISOString()
  const run = Date.now().toString(36)
  const nextId = orderedIds(Date.now())
  const state = weighted(STATES)
  const pattern = weighted(PATTERNS)
  // SQLite allows 32,766 parameters a statement, PostgreSQL 65,535: 1,000 rows of 9 columns fit both.
  const chunk = 1000
  const sqlCache = new Map<string, string>()
  const insert = async (trx: Db, table: string, columns: readonly string[], rows: unknown[][], suffix = '') => {
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk)
      const key = `${table}:${part.length}`
      let text = sqlCache.get(key)
      if (!text) sqlCache.set(key, (text = insertSql(dialect, table, columns, part.length) + suffix))
      await trx.executeQuery(CompiledQuery.raw(text, part.flat()))
    }
  }
  // A bigger page cache while the random certificate-number index grows (this connection only).
  if (dialect === 'sqlite') await sql`pragma cache_size = -1048576`.execute(db)

  let credentials = 0
  for (let done = 0; done < count; done += batch) {
    const size = Math.min(batch, count - done)
    const users: unknown[][] = []
    const roles: unknown[][] = []
    const profiles: unknown[][] = []
    const holders: unknown[][] = []
    const held: { user: string; credentials: (readonly [type: string, issuedOn: string])[] }[] = []
    for (let i = 0; i < size; i++) {
      const id = nextId()
      const [first, last, home, listed] = [pick(FIRST), pick(LAST), state(), Math.random() < LISTED_SHARE ? 1 : 0]
      users.push([id, `holder-${run}-${done + i}@${SYNTHETIC_EMAIL_DOMAIN}`, null, first, last, 'active', stamp, stamp])
      roles.push([id, 'candidate', stamp, null])
      profiles.push([id, null, null, home, stamp, listed])
      holders.push([id, first, last, home, listed])
      const passed = new Map(pattern().map((m) => [m, isoDay(issueDate(today))]))
      const earned = certificationsEarned(passed.keys(), credentialRules).map((code) => [code, certificationDate(credentialRules.find((c) => c.code === code)!, passed)!] as const)
      held.push({ user: id, credentials: [...passed, ...earned] })
    }
    const total = held.reduce((n, h) => n + h.credentials.length, 0)
    const certificateNumbers = numbers(total)
    await db.transaction().execute(async (trx) => {
      // Reserve a block of status-list indexes in one step of the same counter awarding uses.
      const top = await trx.updateTable('counters').set({ value: sql`value + ${total}` }).where('name', '=', 'credential_status_index').returning('value').executeTakeFirstOrThrow()
      let index = Number(top.value) - total
      const rows: unknown[][] = []
      for (const h of held) {
        for (const [type, issued] of h.credentials) {
          const revoked = Math.random() < REVOKED_SHARE
          rows.push([certificateNumbers[rows.length], h.user, type, issued, revoked ? 'revoked' : 'active', ++index, revoked ? 'Synthetic revocation' : null, revoked ? stamp : null, stamp])
        }
      }
      rows.sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1))
      await insert(trx, 'users', ['id', 'email', 'password_hash', 'first_name', 'last_name', 'status', 'created_at', 'updated_at'], users)
      await insert(trx, 'user_roles', ['user_id', 'role', 'granted_at', 'granted_by'], roles)
      await insert(trx, 'candidate_profiles', ['user_id', 'ncrc_level', 'ncrc_number', 'state', 'updated_at', 'registry_listed'], profiles)
      await insert(trx, 'registry_holders', ['user_id', 'first_name', 'last_name', 'state', 'listed'], holders)
      // Two of three million random 50-bit numbers collide about once in 250 runs: that holder just
      // goes without the credential rather than failing the run.
      await insert(trx, 'credentials', ['certificate_number', 'candidate_id', 'type', 'issued_on', 'status', 'status_index', 'status_reason', 'status_changed_at', 'created_at'], rows, ' on conflict (certificate_number) do nothing')
    })
    credentials += total
    options.onProgress?.(done + size)
  }
  return { holders: count, credentials }
}
