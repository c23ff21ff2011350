// Builds a real app on a real database for integration tests: a fresh SQLite file in a temp
// directory, or a fresh schema on the PostgreSQL server named by TEST_DATABASE_URL.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { buildApp } from '../../src/server/app.js'
import { loadConfig, type AppConfig } from '../../src/server/config.js'
import { queueSchema } from '../../src/server/modules/jobs/job-queue.js'

export type DatabaseKind = 'sqlite' | 'postgres'

/**
 * The key-encryption key every test app holds, as every production instance holds the same
 * MT1_KEY_ENCRYPTION_KEY: a second app on the same PostgreSQL schema with its own DATA_DIR opens the
 * first one's issuer keys. (Test-only, public by design.)
 */
export const TEST_KEK = Buffer.alloc(32, 'mt1-test-kek').toString('base64')

const postgresUrl = process.env.TEST_DATABASE_URL
if (!postgresUrl && !process.env.MT1_QUIET_PG_NOTICE) {
  console.warn('[integration] TEST_DATABASE_URL is not set: integration tests run on SQLite only (CI runs PostgreSQL too).')
  process.env.MT1_QUIET_PG_NOTICE = '1'
}

/** The databases every integration test runs on. */
export const databases: DatabaseKind[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite']

export interface TestClock {
  now: Date
  (): Date
  advance(ms: number): void
  set(date: Date): void
}

export function testClock(start = new Date()): TestClock {
  const clock = (() => new Date(clock.now.getTime())) as TestClock
  clock.now = start
  clock.advance = (ms) => { clock.now = new Date(clock.now.getTime() + ms) }
  clock.set = (d) => { clock.now = d }
  return clock
}

export interface TestApp {
  app: FastifyInstance
  clock: TestClock
  dataDir: string
  close(): Promise<void>
}

export async function createTestApp(kind: DatabaseKind, overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-test-'))
  const schema = kind === 'postgres' ? `t_${randomBytes(6).toString('hex')}` : undefined
  const config = loadConfig(
    { DATA_DIR: dataDir, MT1_DEMO: '0', PUBLIC_URL: 'http://mt1.test', MT1_KEY_ENCRYPTION_KEY: TEST_KEK },
    { databaseUrl: kind === 'postgres' ? postgresUrl : undefined, databaseSchema: schema, logLevel: 'silent', ...overrides },
  )
  const clock = testClock()
  const app = await buildApp(config, { logger: false, clock })
  return {
    app,
    clock,
    dataDir,
    async close() {
      await app.close()
      await removeTestStorage(dataDir, schema)
    },
  }
}

/** Drops a test's PostgreSQL schema (when it had one), its job queue's schema, and its data directory. */
export async function removeTestStorage(dataDir: string, schema: string | undefined): Promise<void> {
  if (schema && postgresUrl) {
    const client = new pg.Client({ connectionString: postgresUrl })
    await client.connect()
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await client.query(`DROP SCHEMA IF EXISTS ${queueSchema(schema)} CASCADE`)
    await client.end()
  }
  fs.rmSync(dataDir, { recursive: true, force: true })
}
