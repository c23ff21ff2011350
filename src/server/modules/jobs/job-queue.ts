// The PostgreSQL job queue (pg-boss) behind background work when several processes share one
// database: it decides which process runs a message, retries with backoff, and fires schedules once
// across all instances. It lives in its own schema beside the app's (`<schema>_jobs`, or `pgboss`
// for the default schema), so side-by-side installs and test schemas each have their own.
//
// It starts lazily, on the first message sent or worker registered: an app that never queues
// anything (most test apps, the CLI) never pays for pg-boss's schema check and its connections.
import type PgBoss from 'pg-boss'
import type { ServerContext } from '../../context.js'
import { lazyImport } from '../../lazy-import.js'

// pg-boss loads with the queue's first use (on PostgreSQL only), not at start: start-up time, issue 16.
const loadPgBoss = lazyImport(async () => (await import('pg-boss')).default)

export interface QueueMessage<T> {
  id: string
  data: T
  retryCount: number
  retryLimit: number
}

export interface QueueSendOptions {
  /** At most one queued message per key (queues created with the `short` policy). */
  singletonKey?: string
  /** At most one message per key in each slot of this many seconds (a tick of a repeated task). */
  singletonSeconds?: number
  /** Seconds to wait before the message may run (a retry's backoff). */
  startAfterSeconds?: number
  retryLimit?: number
  retryDelaySeconds?: number
  retryBackoff?: boolean
}

export interface JobQueue {
  send<T extends object>(queue: string, data: T, options?: QueueSendOptions): Promise<string | null>
  /** Runs `handler` for this queue's messages in this process; a throw retries the message while it has retries left. */
  work<T>(queue: string, handler: (message: QueueMessage<T>) => Promise<void>): Promise<void>
  /** Sends a message on this cron schedule, once per tick across every process. */
  schedule(queue: string, cron: string): Promise<void>
  /** Empties a message's data once it has done its work (it may carry what must not stay stored, an email's links). */
  forget(messageId: string): Promise<void>
  /** Whether pg-boss was started in this process (benchmarks and tests read it). */
  readonly started: boolean
  stop(): Promise<void>
}

/** The pg-boss schema for an app schema. */
export function queueSchema(appSchema: string | undefined): string {
  return appSchema ? `${appSchema}_jobs` : 'pgboss'
}

const START_ATTEMPTS = 5
/** PostgreSQL's deadlock, unique violation, duplicate table and duplicate object: what two concurrent installs of pg-boss's schema raise. */
const isStartRace = (err: unknown) => ['40P01', '23505', '42P07', '42710'].includes((err as { code?: string }).code ?? '')

/** How often an idle worker looks for messages; a message sent by this process wakes its workers at once. */
const POLLING_SECONDS = 1

export function createJobQueue(ctx: ServerContext): JobQueue | null {
  const url = ctx.config.databaseUrl
  if (ctx.dialect !== 'postgres' || !url) return null
  let boss: Promise<PgBoss> | undefined
  let stopped = false
  const queues = new Map<string, Promise<void>>()
  const workers = new Map<string, string>()

  function instance(): Promise<PgBoss> {
    if (stopped) return Promise.reject(new Error('the job queue has stopped'))
    boss ??= (async () => {
      const PgBoss = await loadPgBoss()
      for (let attempt = 1; ; attempt++) {
        const b = new PgBoss({ connectionString: url, schema: queueSchema(ctx.config.databaseSchema), max: 4, application_name: 'mt1-queue' })
        b.on('error', (err: unknown) => ctx.log.warn({ err }, 'job queue error'))
        try {
          await b.start()
          return b
        } catch (err) {
          await b.stop({ graceful: false, wait: false }).catch(() => undefined)
          // Processes starting together on a fresh database (the workers of WEB_CONCURRENCY, two
          // installs) race while pg-boss creates its tables and internal queues: one deadlocks or
          // finds a table just created. The loser starts again and finds them there.
          if (attempt >= START_ATTEMPTS || !isStartRace(err)) throw err
          ctx.log.warn({ attempt, code: (err as { code?: string }).code }, 'job queue start raced another process; starting again')
          await new Promise((r) => setTimeout(r, 100 * attempt + Math.floor(Math.random() * 200)))
        }
      }
    })()
    return boss
  }

  async function ensureQueue(b: PgBoss, name: string): Promise<void> {
    let created = queues.get(name)
    if (!created) {
      // `short`: a second message with the same singletonKey while one waits is dropped, so sending
      // again (a recovery pass, a retry) is idempotent.
      created = (async () => {
        for (let attempt = 1; ; attempt++) {
          if (await b.getQueue(name)) return
          try {
            await b.createQueue(name, { name, policy: 'short' })
            return
          } catch (err) {
            // Two processes creating queues at once (pg-boss adds a partition per queue) can
            // deadlock or collide: the loser looks again, and creates it if the winner rolled back.
            if (await b.getQueue(name)) return
            if (attempt >= START_ATTEMPTS || !isStartRace(err)) throw err
            await new Promise((r) => setTimeout(r, 100 * attempt + Math.floor(Math.random() * 200)))
          }
        }
      })()
      // A queue that could not be created is tried again by the next caller.
      created.catch(() => queues.delete(name))
      queues.set(name, created)
    }
    await created
  }

  return {
    get started() { return boss !== undefined },

    async send(queue, data, options = {}) {
      const b = await instance()
      await ensureQueue(b, queue)
      const id = await b.send(queue, data, {
        ...(options.singletonKey !== undefined ? { singletonKey: options.singletonKey } : {}),
        ...(options.singletonSeconds !== undefined ? { singletonSeconds: options.singletonSeconds } : {}),
        ...(options.startAfterSeconds !== undefined ? { startAfter: options.startAfterSeconds } : {}),
        retryLimit: options.retryLimit ?? 0,
        ...(options.retryDelaySeconds !== undefined ? { retryDelay: options.retryDelaySeconds } : {}),
        ...(options.retryBackoff !== undefined ? { retryBackoff: options.retryBackoff } : {}),
      })
      // A message due now is picked up at once by this process's worker, not at its next poll.
      const worker = workers.get(queue)
      if (worker && id && !options.startAfterSeconds) b.notifyWorker(worker)
      return id
    },

    async work<T>(queue: string, handler: (message: QueueMessage<T>) => Promise<void>) {
      if (workers.has(queue)) return
      const b = await instance()
      await ensureQueue(b, queue)
      let id = ''
      id = await b.work<T>(queue, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: POLLING_SECONDS }, async (jobs) => {
        for (const job of jobs) await handler({ id: job.id, data: job.data, retryCount: job.retryCount, retryLimit: job.retryLimit })
        // pg-boss waits out the polling interval after every fetch, even one that found work: a
        // backlog (the 200 confirmations of a full session) would drain at one message a second.
        // After a message is done, fetch again at once; only an empty fetch waits.
        if (jobs.length > 0 && id) b.notifyWorker(id)
      })
      workers.set(queue, id)
    },

    async schedule(queue, cron) {
      const b = await instance()
      await ensureQueue(b, queue)
      await b.schedule(queue, cron, {}, { retryLimit: 0 })
    },

    async forget(messageId) {
      const b = await instance()
      await b.getDb().executeSql(`UPDATE ${queueSchema(ctx.config.databaseSchema)}.job SET data = '{}'::jsonb WHERE id = $1`, [messageId])
    },

    async stop() {
      stopped = true
      if (!boss) return
      const b = await boss.catch(() => undefined)
      // Handlers are short (they claim a job row or deliver one email): wait for them, briefly.
      await b?.stop({ graceful: true, timeout: 5_000, wait: true })
    },
  }
}
