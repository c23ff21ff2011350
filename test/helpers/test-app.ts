// Builds a real app on a real database for integration tests: a fresh SQLite file in a temp
// directory, or a fresh schema on the PostgreSQL server named by TEST_DATABASE_URL.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import type { Program } from '../../src/common/program/program-schema.js'
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
  /** The PostgreSQL schema the app uses (undefined on SQLite). */
  schema: string | undefined
  /** TEST_TWO_APPS=1 on PostgreSQL: the second app on the same schema (its own pool, caches and DATA_DIR). */
  second: FastifyInstance | undefined
  /** Every app of this test: the first, and the second in TEST_TWO_APPS mode. */
  apps: FastifyInstance[]
  /**
   * Resolves when no background job started through any of the apps is still running (a request may
   * have reached either app, and a job runs wherever a worker took it).
   */
  idle(): Promise<void>
  /** Resolves when every app has delivered (or given up) the emails it queued. */
  flushEmails(): Promise<void>
  /** Changes the program definition in every app, as an edited program.json read by every process would. */
  setProgram(change: (current: Program) => Program): void
  close(): Promise<void>
}

/**
 * TEST_TWO_APPS=1 (issue 16, stateless stream): on PostgreSQL every test app is two apps on one schema,
 * each with its own pool, caches and data directory, and `app.inject` alternates between them, so a
 * state that lives in only one process fails a test. `app.services`, `app.db` and the rest stay the
 * first app's. The two share the Node process (and the test clock, which stands in for wall time).
 */
export const twoAppsMode = process.env.TEST_TWO_APPS === '1'

export async function createTestApp(kind: DatabaseKind, overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-test-'))
  const schema = kind === 'postgres' ? `t_${randomBytes(6).toString('hex')}` : undefined
  const config = loadConfig(
    { DATA_DIR: dataDir, MT1_DEMO: '0', PUBLIC_URL: 'http://mt1.test', MT1_KEY_ENCRYPTION_KEY: TEST_KEK },
    { databaseUrl: kind === 'postgres' ? postgresUrl : undefined, databaseSchema: schema, logLevel: 'silent', ...overrides },
  )
  const clock = testClock()
  const app = await buildApp(config, { logger: false, clock })
  const second = kind === 'postgres' && twoAppsMode ? await buildSecondApp(app, config, clock) : undefined
  const apps = second ? [app, second.app] : [app]
  return {
    app,
    clock,
    dataDir,
    schema,
    second: second?.app,
    apps,
    async idle() {
      for (const a of apps) await a.services.jobs.idle()
    },
    async flushEmails() {
      await Promise.all(apps.map((a) => a.services.notifications.flush()))
    },
    setProgram(change) {
      for (const a of apps) a.services.program.definition = change(a.services.program.definition)
    },
    async close() {
      try {
        if (second) await second.close()
      } finally {
        await app.close()
        await removeTestStorage(dataDir, schema)
      }
    },
  }
}

/** A second app on the first one's schema, and `first.inject` alternating between the two. */
async function buildSecondApp(first: FastifyInstance, config: AppConfig, clock: TestClock) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-test-b-'))
  const app = await buildApp({ ...config, dataDir }, { logger: false, clock })
  type Inject = (...args: unknown[]) => unknown
  const targets = [first.inject.bind(first) as Inject, app.inject.bind(app) as Inject]
  let calls = 0
  first.inject = ((...args: unknown[]) => targets[calls++ % 2]!(...args)) as unknown as FastifyInstance['inject']
  return {
    app,
    async close() {
      try {
        await app.close()
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true })
      }
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
