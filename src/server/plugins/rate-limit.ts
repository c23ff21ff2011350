// Route-level rate limits (@fastify/rate-limit, opted into per route by publicRateLimit) with counters
// every instance shares, so a limit means the same with one process or ten:
// - REDIS_URL set: Redis, through the plugin's own Redis store (one Lua INCR/PEXPIRE per request);
// - otherwise on PostgreSQL: the rate_limit_counters table (one upsert per request);
// - otherwise (SQLite, one process): the plugin's in-memory store.
// A shared store that fails (Redis down, PostgreSQL refusing) fails OPEN to a per-process count, with
// a warning at most every 30 s: the limit protects against scraping and guessing, it is not what a
// request's correctness depends on, and refusing every public request (or answering 5xx) because a
// counter cannot be reached would turn a limiter outage into a platform outage. Counting in the
// process meanwhile keeps a limit (per process) in force instead of none.
import { createRequire } from 'node:module'
import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Redis } from 'ioredis'
import type { Db } from '../db/database.js'
import { lazyImport } from '../lazy-import.js'
import { countRequest, deleteEndedWindows } from './rate-limit.repository.js'

type Counted = { current: number; ttl: number }
type IncrCallback = (error: Error | null, result?: Counted) => void
interface RouteInfo { routeInfo: { method: string | string[]; url: string } }
interface Store {
  incr(key: string, cb: IncrCallback, timeWindow: number, max: number): void
  child(routeOptions: RouteInfo): Store
}

const WARN_EVERY_MS = 30_000
const CLEANUP_EVERY_MS = 60_000
/** Per-process fallback counters kept at most; past it the oldest windows are forgotten. */
const FALLBACK_KEYS = 10_000

// The plugin's Redis store is not in its typed entry point; it is its own file in the package.
const PluginRedisStore = createRequire(import.meta.url)('@fastify/rate-limit/store/RedisStore.js') as new (
  continueExceeding: boolean, exponentialBackoff: boolean, redis: Redis, key: string) => Store

/** Fixed windows counted in this process: the fallback while the shared store does not answer. */
class ProcessCounter {
  private readonly windows = new Map<string, { hits: number; endsMs: number }>()
  count(key: string, windowMs: number): Counted {
    const now = Date.now()
    let w = this.windows.get(key)
    if (!w || w.endsMs <= now) {
      if (this.windows.size >= FALLBACK_KEYS) this.windows.delete(this.windows.keys().next().value!)
      w = { hits: 0, endsMs: now + windowMs }
      this.windows.set(key, w)
    }
    w.hits++
    return { current: w.hits, ttl: w.endsMs - now }
  }
}

/** Throttled warning that the shared store failed and counting went local. */
function failureWarner(log: FastifyBaseLogger, store: string) {
  let lastMs = 0
  return (err: unknown) => {
    const now = Date.now()
    if (now - lastMs < WARN_EVERY_MS) return
    lastMs = now
    log.warn({ reason: err instanceof Error ? err.message : String(err), store }, 'rate limit store unavailable: counting in this process until it answers')
  }
}

/** Wraps a shared store: its failures are counted in the process instead (fail open, see above). */
class FailoverStore implements Store {
  constructor(private readonly shared: Store, private readonly local: ProcessCounter, private readonly warn: (err: unknown) => void) {}
  incr(key: string, cb: IncrCallback, timeWindow: number, max: number): void {
    this.shared.incr(key, (err, result) => {
      if (err || !result) {
        this.warn(err)
        cb(null, this.local.count(key, timeWindow))
      } else cb(null, result)
    }, timeWindow, max)
  }
  child(routeOptions: RouteInfo): Store {
    return new FailoverStore(this.shared.child(routeOptions), new ProcessCounter(), this.warn)
  }
}

/** Counters in PostgreSQL's rate_limit_counters, one row per (route, client). */
class DatabaseStore implements Store {
  private readonly cleanup: { lastMs: number }
  constructor(private readonly db: Db, private readonly log: FastifyBaseLogger, private readonly prefix = '', cleanup?: { lastMs: number }) {
    this.cleanup = cleanup ?? { lastMs: Date.now() }
  }
  incr(key: string, cb: IncrCallback, timeWindow: number): void {
    const now = Date.now()
    this.removeEndedWindows(now)
    countRequest(this.db, this.prefix + key, now, timeWindow).then(
      (row) => cb(null, { current: row.hits, ttl: Math.max(0, row.windowEndsMs - now) }),
      (err: Error) => cb(err),
    )
  }
  child(routeOptions: RouteInfo): Store {
    const { method, url } = routeOptions.routeInfo
    return new DatabaseStore(this.db, this.log, `${String(method)} ${url} `, this.cleanup)
  }
  /** At most once a minute per process, in the background: ended windows are never read again. */
  private removeEndedWindows(now: number): void {
    if (now - this.cleanup.lastMs < CLEANUP_EVERY_MS) return
    this.cleanup.lastMs = now
    deleteEndedWindows(this.db, now).catch((err: unknown) => this.log.debug({ err }, 'rate limit cleanup failed'))
  }
}

/** The plugin's options take a store constructor; ours are built here, so the constructor hands one back. */
const constructing = (store: Store) => (function SharedStore() { return store }) as unknown as FastifyRateLimitStoreCtor

// ioredis loads only when REDIS_URL is set: start-up time, issue 16.
const loadIoredis = lazyImport(() => import('ioredis'))

/** Redis for the limits when REDIS_URL is set: fails fast while Redis is away instead of queueing requests. */
async function connectRedis(url: string, log: FastifyBaseLogger, warn: (err: unknown) => void): Promise<Redis> {
  const { Redis } = await loadIoredis()
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1_000, connectTimeout: 2_000 })
  // ioredis reconnects by itself; its errors are reported through the same throttled warning.
  redis.on('error', warn)
  try {
    await redis.connect()
  } catch (err) {
    log.warn({ reason: (err as Error).message }, 'REDIS_URL does not answer: rate limits count in this process until it does')
  }
  return redis
}

export default fp(async function rateLimitPlugin(app: FastifyInstance) {
  const { redisUrl, databaseSchema } = app.config
  if (redisUrl) {
    const warn = failureWarner(app.log, 'redis')
    const redis = await connectRedis(redisUrl, app.log, warn)
    app.addHook('onClose', async () => { redis.disconnect() })
    // Installs on one Redis with separate PostgreSQL schemas keep separate counters.
    const shared = new PluginRedisStore(false, false, redis, `mt1-rate-limit:${databaseSchema ?? 'public'}:`)
    await app.register(rateLimit, { global: false, store: constructing(new FailoverStore(shared, new ProcessCounter(), warn)) })
  } else if (app.dialect === 'postgres') {
    const shared = new DatabaseStore(app.db, app.log)
    await app.register(rateLimit, { global: false, store: constructing(new FailoverStore(shared, new ProcessCounter(), failureWarner(app.log, 'postgres'))) })
  } else {
    await app.register(rateLimit, { global: false })
  }
}, { name: 'mt1-rate-limit' })

