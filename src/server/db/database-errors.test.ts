// Which database errors are a 503 (the database cannot serve now) and which stay a 500 (a bug).
// Errors are the drivers' own: produced for real where that is quick on any machine (a refused
// connection, SQLite's lock wait, full database and constraint errors), otherwise built with the
// drivers' error classes and the codes and messages they use.
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { databaseFault, DatabaseUnavailableError, isDatabaseUnavailable } from './database-errors.js'

/** A real PostgreSQL server error as pg builds it from the server's message. */
function pgServerError(code: string, message: string) {
  const err = new pg.DatabaseError(message, message.length, 'error')
  err.code = code
  return err
}

/** An error a statement really raises. */
function thrown(fn: () => unknown): unknown {
  try {
    fn()
  } catch (err) {
    return err
  }
  throw new Error('expected an error')
}

/** A port nothing listens on (taken from the OS, then closed). */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('databaseFault on PostgreSQL errors', () => {
  it('calls a refused connection unreachable', async () => {
    const client = new pg.Client({ host: '127.0.0.1', port: await closedPort(), user: 'x', database: 'x', connectionTimeoutMillis: 2000 })
    client.on('error', () => undefined)
    const err = await client.connect().then(() => null, (e: unknown) => e)
    expect((err as { code?: string }).code).toBe('ECONNREFUSED')
    expect(databaseFault(err)).toBe('unreachable')
  })

  it('calls server shutdowns, refused starts, connection exceptions and session timeouts unreachable', () => {
    for (const [code, message] of [
      ['57P01', 'terminating connection due to administrator command'],
      ['57P02', 'terminating connection because of crash of another server process'],
      ['57P03', 'the database system is starting up'],
      ['08006', 'connection failure'],
      ['08001', 'could not connect to server'],
      ['08P01', 'protocol violation'],
      ['25P03', 'terminating connection due to idle-in-transaction timeout'],
    ] as const) expect(databaseFault(pgServerError(code, message)), code).toBe('unreachable')
  })

  it('calls the messages of a lost or silent connection unreachable, also as the cause of a wrapper', () => {
    for (const message of [
      'Connection terminated unexpectedly', 'Connection terminated', 'Connection terminated due to connection timeout',
      'Query read timeout', 'timeout exceeded when trying to connect', 'timeout expired',
      'Client has encountered a connection error and is not queryable', 'Client was closed and is not queryable',
    ]) expect(databaseFault(new Error(message)), message).toBe('unreachable')
    const wrapped = new Error('Connection terminated due to connection timeout', { cause: new Error('timeout expired') })
    expect(databaseFault(new Error('saving failed', { cause: wrapped }))).toBe('unreachable')
    expect(databaseFault(new DatabaseUnavailableError())).toBe('unreachable')
    expect(databaseFault(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe('unreachable')
  })

  it('calls a statement timeout, too many connections and a full disk busy', () => {
    expect(databaseFault(pgServerError('57014', 'canceling statement due to statement timeout'))).toBe('busy')
    expect(databaseFault(pgServerError('53300', 'sorry, too many clients already'))).toBe('busy')
    expect(databaseFault(pgServerError('53100', 'could not extend file: No space left on device'))).toBe('busy')
  })

  it('keeps bugs and refusals out: constraint, syntax, deadlock and missing-table errors stay 500', () => {
    for (const code of ['23505', '23503', '42601', '42P01', '40P01', '22P02', 'XX000']) {
      expect(databaseFault(pgServerError(code, 'something')), code).toBeNull()
    }
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false)
    expect(isDatabaseUnavailable(null)).toBe(false)
    expect(isDatabaseUnavailable('Connection terminated')).toBe(false)
  })
})

describe('databaseFault on SQLite errors', () => {
  const file = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-dberr-')), 'f.sqlite')

  it('calls a write that waited out the lock busy (SQLITE_BUSY)', () => {
    const f = file()
    const holder = new SQLite(f)
    holder.pragma('journal_mode = WAL')
    holder.exec('create table t (k integer primary key)')
    const writer = new SQLite(f)
    writer.pragma('busy_timeout = 0')
    holder.exec('begin immediate')
    const err = thrown(() => writer.exec('insert into t values (1)'))
    holder.exec('rollback')
    expect((err as { code?: string }).code).toBe('SQLITE_BUSY')
    expect(databaseFault(err)).toBe('busy')
    holder.close()
    writer.close()
  })

  it('calls a full database busy (SQLITE_FULL), and I/O, lock and read-only errors too', () => {
    const db = new SQLite(file())
    db.exec('create table t (v text)')
    db.pragma('max_page_count = 8')
    const err = thrown(() => {
      for (let i = 0; i < 1000; i++) db.prepare('insert into t values (?)').run('x'.repeat(1000))
    })
    expect((err as { code?: string }).code).toBe('SQLITE_FULL')
    expect(databaseFault(err)).toBe('busy')
    db.close()
    for (const code of ['SQLITE_IOERR', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC', 'SQLITE_LOCKED', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_NOMEM']) {
      expect(databaseFault(new SQLite.SqliteError('failed', code)), code).toBe('busy')
    }
  })

  it('calls a closed connection unreachable (a request racing shutdown)', () => {
    const db = new SQLite(':memory:')
    db.close()
    expect(databaseFault(thrown(() => db.prepare('select 1')))).toBe('unreachable')
  })

  it('keeps constraint and syntax errors out (500)', () => {
    const db = new SQLite(':memory:')
    db.exec('create table t (k integer primary key)')
    db.exec('insert into t values (1)')
    const duplicate = thrown(() => db.exec('insert into t values (1)'))
    expect((duplicate as { code?: string }).code).toMatch(/^SQLITE_CONSTRAINT/)
    expect(databaseFault(duplicate)).toBeNull()
    expect(databaseFault(thrown(() => db.exec('selec 1')))).toBeNull()
    expect(databaseFault(new SQLite.SqliteError('corrupt', 'SQLITE_CORRUPT'))).toBeNull()
    db.close()
  })
})
