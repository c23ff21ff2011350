// The database factory: SQLite (better-sqlite3, one WAL file under DATA_DIR) by default, PostgreSQL
// when DATABASE_URL is set. Both speak through the same Kysely<Database>.
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { Kysely, PostgresDialect, SqliteDialect, sql, type PostgresPool, type PostgresPoolClient, type Transaction } from 'kysely'
import { databaseFault, DatabaseUnavailableError } from './database-errors.js'
import type { Database } from './schema.js'

export type DialectName = 'sqlite' | 'postgres'
export type Db = Kysely<Database>
/**
 * An open transaction. A function that writes several rows which must commit together takes a Tx:
 * Kysely's Transaction has members (`isTransaction: true`, its own private state) that a plain
 * Kysely<Database> lacks, so handing it the database instead does not compile.
 */
export type Tx = Transaction<Database>
/** Either the database or an open transaction: repositories take this first. */
export type DbOrTx = Kysely<Database>

export interface DatabaseHandle {
  db: Db
  dialect: DialectName
  /** The SQLite file, when on SQLite. */
  file?: string
  /** The PostgreSQL schema in use, when not the default. */
  schema?: string
  /** Whether the database answers a trivial query within `timeoutMs` (readiness and health). */
  ping(timeoutMs: number): Promise<boolean>
  close(): Promise<void>
}

/**
 * PostgreSQL timeouts in milliseconds (0 turns one off). A statement the server runs longer than
 * `statementMs` is cancelled by the server; a transaction left idle longer than
 * `idleInTransactionMs` is ended by it; `queryMs` is the client's own limit on waiting for any
 * answer (a frozen server never sends one); `connectMs` bounds opening a connection and waiting
 * for a free one in the pool; `probeMs` bounds the check of whether the server is there at all.
 */
export interface DatabaseTimeouts {
  connectMs: number
  statementMs: number
  idleInTransactionMs: number
  queryMs: number
  probeMs: number
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 10_000,
  statementMs: 30_000,
  idleInTransactionMs: 60_000,
  queryMs: 35_000,
  probeMs: 3_000,
}

/** Where the database layer reports connections lost and found (the app's logger, pino-shaped). */
export interface DatabaseLog {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export interface DatabaseOptions {
  dataDir: string
  databaseUrl?: string | undefined
  databaseSchema?: string | undefined
  poolSize?: number
  databaseTimeouts?: Partial<DatabaseTimeouts> | undefined
  log?: DatabaseLog | undefined
}

// PostgreSQL hands back Date objects and strings of int8; the app deals in ISO strings and numbers.
const isoTimestamp = (value: string) => new Date(value).toISOString()
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, isoTimestamp)
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (v) => isoTimestamp(`${v}Z`))
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))

/** The handle each open database belongs to, so routes holding only `app.db` can ask it for a ping. */
const handles = new WeakMap<Db, DatabaseHandle>()

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const handle = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.databaseSchema, options.poolSize, { ...DEFAULT_DATABASE_TIMEOUTS, ...options.databaseTimeouts }, options.log ?? consoleLog)
    : openSqlite(options.dataDir)
  handles.set(handle.db, handle)
  return handle
}

/** Whether the database behind `db` answers within `timeoutMs`; false when it is not known here. */
export async function pingDatabase(db: Db, timeoutMs: number): Promise<boolean> {
  const handle = handles.get(db)
  return handle ? handle.ping(timeoutMs) : false
}

const consoleLog: DatabaseLog = {
  info: (obj, msg) => console.info(msg, obj),
  warn: (obj, msg) => console.warn(msg, obj),
  error: (obj, msg) => console.error(msg, obj),
}

function openSqlite(dataDir: string): DatabaseHandle {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, 'mt1.sqlite')
  const connection = new SQLite(file)
  // WAL lets readers run beside the writer. synchronous=FULL makes every commit durable on power
  // loss, not only on a process crash: a response the server acknowledged must never be lost.
  connection.pragma('journal_mode = WAL')
  connection.pragma('synchronous = FULL')
  connection.pragma('foreign_keys = ON')
  connection.pragma('busy_timeout = 5000')
  // Reads through a memory map skip a copy per page; the registry's lookups over a million holders
  // are mostly reads. Writes and durability are unchanged (WAL, synchronous=FULL).
  connection.pragma('mmap_size = 268435456')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) })
  // better-sqlite3 is synchronous: a ping either answers at once or throws (closed, I/O error).
  const ping = async () => sql`select 1`.execute(db).then(() => true, () => false)
  return { db, dialect: 'sqlite', file, ping, close: () => db.destroy() }
}

/** Statements kept prepared; beyond this the cache starts again (IN lists of many lengths). */
const STATEMENT_CACHE_SIZE = 1000

/**
 * Kysely prepares every query afresh, and preparing costs more than running most of ours; the
 * hot paths (a save, a heartbeat) repeat a few statements thousands of times a minute. Statements
 * are reused only one at a time: better-sqlite3 runs each to completion synchronously.
 */
function withStatementCache(connection: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>()
  return {
    prepare(sql: string) {
      let statement = cache.get(sql)
      if (!statement) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear()
        statement = connection.prepare(sql)
        cache.set(sql, statement)
      }
      return statement
    },
    close() {
      cache.clear()
      connection.close()
    },
  }
}

async function openPostgres(url: string, schema: string | undefined, poolSize: number | undefined, timeouts: DatabaseTimeouts, log: DatabaseLog): Promise<DatabaseHandle> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`DATABASE_SCHEMA must be a lower-case SQL identifier, got "${schema}"`)
  }
  // The server applies statement_timeout and idle_in_transaction_session_timeout to every session
  // (sent with the connection's start-up parameters); query_timeout and the connection timeout are
  // the client's, for a server that does not answer at all.
  const connection: pg.ClientConfig = {
    connectionString: url,
    application_name: 'mt1',
    keepAlive: true,
    ...(timeouts.connectMs > 0 ? { connectionTimeoutMillis: timeouts.connectMs } : {}),
    ...(timeouts.statementMs > 0 ? { statement_timeout: timeouts.statementMs } : {}),
    ...(timeouts.idleInTransactionMs > 0 ? { idle_in_transaction_session_timeout: timeouts.idleInTransactionMs } : {}),
    ...(timeouts.queryMs > 0 ? { query_timeout: timeouts.queryMs } : {}),
  }
  if (schema) {
    const setup = new pg.Client(connection)
    // A client without an 'error' listener takes the process down when its server goes away.
    setup.on('error', (err) => log.warn({ err: brief(err) }, 'PostgreSQL connection lost while preparing the schema'))
    await setup.connect()
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
    } finally {
      await setup.end()
    }
  }
  const pool = new pg.Pool({ ...connection, max: poolSize ?? 10, ...(schema ? { options: `-c search_path=${schema}` } : {}) })
  const guard = new PoolGuard(pool, () => probePostgres(connection, timeouts.probeMs), log)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: guard }) })
  try {
    await sql`select 1`.execute(db)
  } catch (err) {
    guard.close()
    await db.destroy().catch(() => undefined)
    throw err
  }
  return {
    db, dialect: 'postgres', ...(schema ? { schema } : {}),
    ping: (timeoutMs) => guard.ping(db, timeoutMs),
    close: async () => {
      guard.close()
      await db.destroy()
    },
  }
}

/** An error as the log shows it: its code and message, never a stack or a connection string. */
const brief = (err: unknown) => ({ code: (err as { code?: unknown } | null)?.code, message: err instanceof Error ? err.message : String(err) })

/** Closes a client's socket at once: `end()` waits for a goodbye that a frozen server never sends. */
function destroySocket(client: pg.Client): void {
  (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy()
}

/** Is the server there? A new connection (not one of the pool's, which may be stale) and `select 1`. */
async function probePostgres(connection: pg.ClientConfig, timeoutMs: number): Promise<void> {
  const client = new pg.Client({ ...connection, application_name: 'mt1-probe', connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs })
  client.on('error', () => undefined) // the outcome comes from connect() and query()
  try {
    await client.connect()
    await client.query('select 1')
  } catch (err) {
    destroySocket(client)
    throw err
  }
  client.end().catch(() => undefined)
}

/** A query in flight this long, started since the server last answered a probe, makes the guard probe. */
const SLOW_QUERY_MS = 1_500
/** How often the guard looks for slow queries. */
const WATCH_MS = 500
/** How often the guard probes while the server is unreachable (how soon the app serves again). */
const DOWN_PROBE_MS = 500

interface Lease {
  raw: pg.PoolClient
  client: PostgresPoolClient
  /** The outage count when the connection was made: one made before the last outage is not reused. */
  epoch: number
  /** Why this connection must not be used again (it is dropped from the pool on release). */
  broken: unknown
  /** When the query in flight started. */
  since: number
}

interface Waiter {
  /** When the wait for a connection began. */
  since: number
  abandon(err: unknown): void
}

/**
 * Stands between Kysely and pg's pool so that a database outage is answered, not waited out:
 * - every connection has an 'error' listener (an unhandled one would end the process);
 * - a connection that failed (terminated, reset, no answer within query_timeout) is never used
 *   again: later queries on it fail at once, and releasing it drops it from the pool;
 * - a connection-class error, or a query (or a wait for a connection) longer than SLOW_QUERY_MS,
 *   makes it probe the server with a new connection. If the probe gets no answer the server is
 *   unreachable: queries in flight and waits for a connection are cut off, and until a probe
 *   succeeds (every DOWN_PROBE_MS) new work fails at once with DatabaseUnavailableError instead of
 *   waiting for timeouts. Connections made before the outage are dropped as they come out of the
 *   pool, so none half-open is reused.
 * A server that is merely slow answers the probe, and nothing is cut off: statement_timeout and
 * query_timeout alone bound slow queries.
 */
class PoolGuard implements PostgresPool {
  private readonly leases = new WeakMap<pg.PoolClient, Lease>()
  private readonly busy = new Set<Lease>()
  private readonly waiting = new Set<Waiter>()
  private down = false
  private epoch = 0
  private probing = false
  private lastAnswerAt = 0
  private retry: ReturnType<typeof setTimeout> | null = null
  private readonly watchdog: ReturnType<typeof setInterval>
  private closed = false

  constructor(
    private readonly pool: pg.Pool,
    private readonly probe: () => Promise<void>,
    private readonly log: DatabaseLog,
  ) {
    // An idle connection whose server went away: the pool has already dropped it.
    pool.on('error', (err) => {
      log.warn({ err: brief(err) }, 'an idle PostgreSQL connection failed; the pool makes a new one when needed')
      if (databaseFault(err) === 'unreachable') this.suspect()
    })
    // A connection in use whose server went away: the query (if any) fails; this keeps the event
    // from being unhandled and marks the connection so it is not used again.
    pool.on('connect', (raw) => {
      raw.on('error', (err) => {
        const lease = this.leases.get(raw)
        if (lease) lease.broken ??= err
      })
    })
    this.watchdog = setInterval(() => this.watch(), WATCH_MS)
    this.watchdog.unref()
  }

  async connect(): Promise<PostgresPoolClient> {
    for (;;) {
      if (this.down) throw new DatabaseUnavailableError()
      let raw: pg.PoolClient
      try {
        raw = await this.checkout()
      } catch (err) {
        if (databaseFault(err) === 'unreachable') this.suspect()
        throw err
      }
      let lease = this.leases.get(raw)
      if (!lease) {
        lease = this.lease(raw)
        this.leases.set(raw, lease)
      } else if (lease.epoch !== this.epoch) {
        raw.release(new Error('made before the database was last unreachable'))
        continue
      }
      return lease.client
    }
  }

  /**
   * A connection from the pool (a new one is opened when none is free). The wait counts as slow
   * like a query does, and ends at once when the server is found unreachable; a connection that
   * arrives after that goes back to the pool.
   */
  private checkout(): Promise<pg.PoolClient> {
    return new Promise((resolve, reject) => {
      let settled = false
      const waiter: Waiter = {
        since: Date.now(),
        abandon: (err) => {
          if (settled) return
          settled = true
          this.waiting.delete(waiter)
          reject(err)
        },
      }
      this.waiting.add(waiter)
      this.pool.connect().then(
        (raw) => {
          if (settled) return raw.release()
          settled = true
          this.waiting.delete(waiter)
          resolve(raw)
        },
        waiter.abandon,
      )
    })
  }

  end(): Promise<void> {
    return this.pool.end()
  }

  close(): void {
    this.closed = true
    clearInterval(this.watchdog)
    if (this.retry) clearTimeout(this.retry)
  }

  async ping(db: Db, timeoutMs: number): Promise<boolean> {
    if (this.down) return false
    let timer: ReturnType<typeof setTimeout> | undefined
    const late = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs) })
    try {
      return await Promise.race([sql`select 1`.execute(db).then(() => true, () => false), late])
    } finally {
      clearTimeout(timer)
    }
  }

  private lease(raw: pg.PoolClient): Lease {
    const lease: Lease = {
      raw, epoch: this.epoch, broken: undefined, since: 0,
      client: {
        query: (async (text: string, parameters: ReadonlyArray<unknown>) => {
          if (this.down) lease.broken ??= new DatabaseUnavailableError()
          if (lease.broken) throw new DatabaseUnavailableError('The database connection was lost.', { cause: lease.broken })
          lease.since = Date.now()
          this.busy.add(lease)
          try {
            return await raw.query(text, parameters as unknown[])
          } catch (err) {
            if (databaseFault(err) === 'unreachable') {
              lease.broken ??= err
              this.suspect()
            }
            throw err
          } finally {
            this.busy.delete(lease)
          }
        }) as unknown as PostgresPoolClient['query'],
        release: () => {
          const broken = lease.broken
          lease.broken = undefined
          this.busy.delete(lease)
          raw.release(broken === undefined ? undefined : broken instanceof Error ? broken : new Error(String(broken)))
        },
      },
    }
    return lease
  }

  /** A query started since the server last answered a probe has waited too long: is it there? */
  private watch(): void {
    const now = Date.now()
    const slow = (since: number) => since > this.lastAnswerAt && now - since >= SLOW_QUERY_MS
    for (const lease of this.busy) if (slow(lease.since)) return this.suspect()
    for (const waiter of this.waiting) if (slow(waiter.since)) return this.suspect()
  }

  /** Probes the server, unless a probe is already running. */
  private suspect(): void {
    if (this.probing || this.closed) return
    this.probing = true
    this.probe().then(
      () => this.answered(),
      (err: unknown) => (databaseFault(err) === 'unreachable' ? this.unreachable(err) : this.answered()),
    ).finally(() => {
      this.probing = false
      if (this.down && !this.closed && !this.retry) {
        this.retry = setTimeout(() => {
          this.retry = null
          this.suspect()
        }, DOWN_PROBE_MS)
        this.retry.unref()
      }
    })
  }

  private answered(): void {
    this.lastAnswerAt = Date.now()
    if (!this.down) return
    this.down = false
    this.log.info({}, 'PostgreSQL answers again; serving requests')
  }

  private unreachable(err: unknown): void {
    if (!this.down) {
      this.down = true
      this.epoch++
      this.log.error({ err: brief(err) }, 'PostgreSQL is unreachable: requests that need it get 503 DATABASE_UNAVAILABLE until it answers')
    }
    // Queries waiting on a server that does not answer would wait for query_timeout, and requests
    // waiting for a connection for the connection timeout: cut them off.
    for (const lease of this.busy) {
      lease.broken ??= new DatabaseUnavailableError()
      destroySocket(lease.raw)
    }
    for (const waiter of this.waiting) waiter.abandon(new DatabaseUnavailableError())
  }
}
