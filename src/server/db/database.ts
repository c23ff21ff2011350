// The database factory: SQLite (better-sqlite3, one WAL file under DATA_DIR) by default, PostgreSQL
// when DATABASE_URL is set. Both speak through the same Kysely<Database>.
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely'
import type { Database } from './schema.js'

export type DialectName = 'sqlite' | 'postgres'
export type Db = Kysely<Database>
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
  close(): Promise<void>
}

export interface DatabaseOptions {
  dataDir: string
  databaseUrl?: string | undefined
  databaseSchema?: string | undefined
  poolSize?: number
}

// PostgreSQL hands back Date objects and strings of int8; the app deals in ISO strings and numbers.
const isoTimestamp = (value: string) => new Date(value).toISOString()
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, isoTimestamp)
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (v) => isoTimestamp(`${v}Z`))
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.databaseSchema, options.poolSize)
  return openSqlite(options.dataDir)
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
  return { db, dialect: 'sqlite', file, close: () => db.destroy() }
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

async function openPostgres(url: string, schema: string | undefined, poolSize = 10): Promise<DatabaseHandle> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`DATABASE_SCHEMA must be a lower-case SQL identifier, got "${schema}"`)
  }
  if (schema) {
    const setup = new pg.Client({ connectionString: url })
    await setup.connect()
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
    } finally {
      await setup.end()
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  await sql`select 1`.execute(db)
  return { db, dialect: 'postgres', ...(schema ? { schema } : {}), close: () => db.destroy() }
}
