// Public rate limits are shared by every instance (issue 16, stateless stream): two apps on one
// PostgreSQL schema (or one Redis) split a client's requests and the one past the limit is refused
// whichever app it reaches; a limiter store that fails counts in the process instead of failing the
// request (fail open, see src/server/plugins/rate-limit.ts).
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { Redis } from 'ioredis'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/server/app.js'
import type { AppConfig } from '../../src/server/config.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

const LIMIT = 4
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const hasPostgres = databases.includes('postgres')

const get = (app: FastifyInstance, url = '/api/v1/program/ctdl') => app.inject({ method: 'GET', url }).then((r) => r.statusCode)

/** A test app on PostgreSQL and a second app on the same schema (its own pool and data directory). */
async function twoApps(overrides: Partial<AppConfig> = {}): Promise<{ t: TestApp; a: FastifyInstance; b: FastifyInstance; close(): Promise<void> }> {
  const t = await createTestApp('postgres', { rateLimitPublicPerMinute: LIMIT, ...overrides })
  const b = await buildApp({ ...t.app.config, dataDir: `${t.dataDir}/second` }, { logger: false })
  return { t, a: t.app, b, async close() { await b.close(); await t.close() } }
}

/** N requests alternated between a and b, then one more on each. */
async function splitAcross(a: FastifyInstance, b: FastifyInstance): Promise<number[]> {
  const statuses: number[] = []
  for (let i = 0; i < LIMIT; i++) statuses.push(await get(i % 2 ? b : a))
  statuses.push(await get(a), await get(b))
  return statuses
}

describe.skipIf(!hasPostgres)('rate limits shared in PostgreSQL', () => {
  it('counts a client\'s requests across two apps on one schema: the one past the limit is refused on either', async () => {
    const { a, b, close } = await twoApps()
    try {
      expect(await splitAcross(a, b)).toEqual([200, 200, 200, 200, 429, 429])
      // Another route has its own count.
      expect(await get(b, '/api/v1/registry?name=smith')).toBe(200)
    } finally {
      await close()
    }
  })

  it('keeps serving when the counter table fails: counted in the process (fail open), never a 5xx', async () => {
    const { a, b, close } = await twoApps()
    try {
      expect(await get(a)).toBe(200)
      // Hostile: the limiter's table disappears under the running apps.
      await sql`DROP TABLE rate_limit_counters`.execute(a.db)
      const statuses: number[] = []
      for (let i = 0; i < LIMIT + 1; i++) statuses.push(await get(b))
      // Each process still keeps a limit of its own meanwhile.
      expect(statuses).toEqual([200, 200, 200, 200, 429])
    } finally {
      await close()
    }
  })
})

describe.skipIf(!hasPostgres)('rate limits shared in Redis (REDIS_URL)', () => {
  let redisUp = false
  beforeAll(async () => {
    const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1_000, retryStrategy: () => null })
    probe.on('error', () => {})
    redisUp = await probe.connect().then(() => probe.ping()).then(() => true, () => false)
    probe.disconnect()
    if (!redisUp) console.warn(`[shared-rate-limits] Redis does not answer at ${REDIS_URL}: the Redis test is skipped.`)
  })

  it('counts a client\'s requests across two apps through Redis', async (ctx) => {
    if (!redisUp) ctx.skip()
    const { a, b, close } = await twoApps({ redisUrl: REDIS_URL })
    try {
      expect(await splitAcross(a, b)).toEqual([200, 200, 200, 200, 429, 429])
      // The counters are in Redis, not in the database.
      expect(await a.db.selectFrom('rate_limit_counters').select('key').execute()).toEqual([])
    } finally {
      await close()
    }
  })

  it('keeps serving when Redis is unreachable: counted in the process (fail open), never a 5xx', async () => {
    // Nothing listens on port 1.
    const { b, close } = await twoApps({ redisUrl: 'redis://127.0.0.1:1' })
    try {
      // One app's own count (b: the test app's inject alternates between two apps under TEST_TWO_APPS).
      const statuses: number[] = []
      for (let i = 0; i < LIMIT + 1; i++) statuses.push(await get(b))
      expect(statuses).toEqual([200, 200, 200, 200, 429])
    } finally {
      await close()
    }
  })
})

