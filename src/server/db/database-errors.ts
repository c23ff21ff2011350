// Which database errors mean "the database cannot serve now; try again later" (503
// DATABASE_UNAVAILABLE with Retry-After) rather than a bug (500). Pure: it reads only an error's
// code, message and cause, so the error plugin, the group commit and the pool guard agree.
//
// Two kinds, both answered 503:
// - unreachable: the connection is gone or never came (refused, reset, terminated by a server
//   shutdown or pg_terminate_backend, a connect or read timeout, a frozen server). The connection
//   that saw it is not used again, and the pool guard checks whether the server is there at all.
// - busy: the server (or the SQLite file) answered but cannot do the work now: a statement
//   timeout, too many connections, a full disk, SQLite's lock wait or I/O errors. The connection
//   itself is still good.

export type DatabaseFault = 'unreachable' | 'busy'

/** Seconds a client should wait before trying again after a 503 DATABASE_UNAVAILABLE. */
export const DATABASE_RETRY_AFTER_SECONDS = 5

/** Thrown by the pool guard, without touching the network, while the database is known to be unreachable. */
export class DatabaseUnavailableError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE'
  constructor(message = 'The database is unreachable.', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'DatabaseUnavailableError'
  }
}

/** Socket errors from Node (the pg driver passes them on). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'EHOSTDOWN',
  'ENETUNREACH', 'ENETDOWN', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL',
])

/** PostgreSQL SQLSTATEs whose connection is gone: shutdowns, cannot connect now, session timeouts. */
const PG_UNREACHABLE = new Set(['57P01', '57P02', '57P03', '57P05', '25P03'])
/** PostgreSQL SQLSTATEs of a server that answers but cannot serve now. */
const PG_BUSY = new Set(['57014', '58030'])

/** Messages of pg, pg-pool and Kysely for a connection that failed or is no longer usable. */
const UNREACHABLE_MESSAGES = [
  /^Connection terminated/, // unexpectedly / due to connection timeout / (after end)
  /^Query read timeout$/, // query_timeout: no answer from the server
  /^timeout exceeded when trying to connect$/, // pg-pool connectionTimeoutMillis
  /^timeout expired$/, // pg Client connectionTimeoutMillis
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/,
  /^driver has already been destroyed$/,
  /^The database connection is not open$/, // better-sqlite3 after close (shutdown)
]

/** better-sqlite3 codes (extended ones start with these) of a file that cannot serve now. */
const SQLITE_BUSY_PREFIXES = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_NOMEM', 'SQLITE_PROTOCOL', 'SQLITE_CANTOPEN', 'SQLITE_READONLY']

function faultOf(err: unknown): DatabaseFault | null {
  if (!err || typeof err !== 'object') return null
  if (err instanceof DatabaseUnavailableError) return 'unreachable'
  const code = (err as { code?: unknown }).code
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || PG_UNREACHABLE.has(code)) return 'unreachable'
    // Class 08: connection exception (also what a server says while it starts or stops).
    if (/^08[0-9A-Z]{3}$/.test(code)) return 'unreachable'
    // Class 53: insufficient resources (disk full, out of memory, too many connections).
    if (PG_BUSY.has(code) || /^53[0-9A-Z]{3}$/.test(code)) return 'busy'
    if (SQLITE_BUSY_PREFIXES.some((p) => code === p || code.startsWith(`${p}_`))) return 'busy'
  }
  const message = (err as { message?: unknown }).message
  if (typeof message === 'string' && UNREACHABLE_MESSAGES.some((m) => m.test(message))) return 'unreachable'
  return null
}

/**
 * Whether an error means the database cannot serve now, and how: null for anything else (a
 * constraint violation, a syntax error, a bug), which stays a 500. Follows `cause` a few levels
 * (pg-pool wraps its connection timeout).
 */
export function databaseFault(err: unknown): DatabaseFault | null {
  let current: unknown = err
  for (let depth = 0; depth < 5 && current; depth++) {
    const fault = faultOf(current)
    if (fault) return fault
    current = (current as { cause?: unknown }).cause
  }
  return null
}

export const isDatabaseUnavailable = (err: unknown): boolean => databaseFault(err) !== null
