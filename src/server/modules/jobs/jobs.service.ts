// Background jobs: long work (a cohort upload, a rescoring) that runs after its request is answered,
// with its progress in `jobs` for the web to poll. Each kind of job registers how to run from its
// stored input and its last checkpoint. The process running a job holds a lease on it (a heartbeat).
// Who runs a job: on PostgreSQL the job queue (job-queue.ts) hands it to one process's worker (the
// message names the job and the owner that queued it; the worker takes the row over only from that
// owner); on SQLite the process that created it runs it. An unexpected error is tried again with
// backoff from the last checkpoint (resumable kinds only), then fails with the reason.
// A graceful stop asks every job to stop at its next checkpoint and gives it up, and waits for that;
// after a crash the lease runs out. On start, and again until none is left, a process takes over the
// jobs nobody holds any more: resumed from their checkpoint when their kind can safely run again,
// failed with the reason otherwise. On SQLite only the one server process runs jobs, so at start every
// job left running is an orphan; on PostgreSQL another instance may hold it, so only a job whose lease
// has run out is taken.
import type { ServerContext } from '../../context.js'
import type { DbOrTx } from '../../db/database.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { hasRole, requireActor, type Actor } from '../accounts/actor.js'
import type { JobQueue } from './job-queue.js'
import { checkpointJob, claimJob, countFailedJobsSince, findJob, finishJob, handOverJob, heartbeatJobs, insertJob, jobStatuses, releaseJob, runningJobs, type JobRow } from './jobs.repository.js'

/** How often a process says it is alive for the jobs it runs, and how long without that until they are taken over. */
export const JOB_HEARTBEAT_MS = 10_000
export const JOB_LEASE_MS = 60_000
/** A job whose process died this many times while running it is failed, not resumed again. */
const MAX_RESUMES = 3
/** An unexpected error is tried again this many times, after 1 s, 2 s, 4 s (from the last checkpoint). */
export const JOB_RETRIES = 3
const RETRY_BASE_MS = 1_000
/** The queue that hands jobs to processes (PostgreSQL). */
const RUN_QUEUE = 'mt1-job-run'

interface RunMessage { id: string; from: string; attempt: number }

export interface JobContext {
  id: string
  createdBy: string
  createdAt: string
  /** Progress at the last checkpoint: where a resumed job starts again. */
  processed: number
  report: unknown
  /** How many times the job was taken over after its process stopped. */
  resumes: number
  /** True once the process is stopping: save progress with a checkpoint and return `stopped`. */
  readonly stopping: boolean
  /**
   * Saves progress; false when the job is no longer this process's to run (it must stop at once).
   * Given the transaction that did the work, the progress commits with it (or not at all), so a
   * resumed job neither skips nor repeats it.
   */
  checkpoint(progress: { processed: number; total?: number; report?: unknown }, within?: DbOrTx): Promise<boolean>
}

export type JobOutcome = { status: 'done'; report: unknown } | { status: 'stopped' }

export interface JobKind<I> {
  /** Whether running again from the last checkpoint is safe: the work it redoes takes effect once. */
  resumable: boolean
  run(job: JobContext, input: I): Promise<JobOutcome>
  /** The report to keep when it fails (by default the last checkpoint's). */
  failedReport?(job: JobContext, error: string): unknown
}

export function createJobsService(ctx: ServerContext, deps: { queue: JobQueue | null } = { queue: null }) {
  const { db } = ctx
  const { queue } = deps
  const now = () => ctx.clock().toISOString()
  // One owner per service instance: tests run two apps in one process, production one per process.
  const owner = `${process.pid}:${newId()}`
  const kinds = new Map<string, JobKind<unknown>>()
  const running = new Map<string, Promise<void>>()
  /** Jobs this process holds but is not running: queued for a worker, or waiting for a retry. */
  const waiting = new Set<string>()
  const retryTimers = new Map<string, NodeJS.Timeout>()
  let stopping = false
  let heartbeat: NodeJS.Timeout | undefined
  let recheck: NodeJS.Timeout | undefined
  let worker: Promise<void> | undefined

  function beat() {
    if (heartbeat || (running.size === 0 && waiting.size === 0)) return
    heartbeat = setInterval(() => {
      if (running.size === 0 && waiting.size === 0) {
        clearInterval(heartbeat)
        heartbeat = undefined
        return
      }
      heartbeatJobs(db, [...running.keys(), ...waiting], owner, now()).catch((err: unknown) => ctx.log.warn({ err }, 'job heartbeat failed'))
    }, JOB_HEARTBEAT_MS)
    heartbeat.unref()
  }

  /** This process's worker for queued jobs (PostgreSQL), registered on first need. */
  function work(): Promise<void> {
    if (!queue) return Promise.resolve()
    worker ??= queue.work<RunMessage>(RUN_QUEUE, async (message) => {
      const { id, from, attempt } = message.data
      const row = await handOverJob(db, id, from, owner, now())
      // Taken over since it was queued, finished, or a second message for it: nothing to do.
      if (!row) return
      if (stopping) await releaseJob(db, id, owner)
      else launch(row, attempt)
    })
    return worker
  }

  /** Queues a job this process holds for a worker (PostgreSQL). If that fails, its lease runs out and a recovery pass takes it over. */
  async function enqueue(id: string, attempt: number, delayMs: number): Promise<void> {
    waiting.add(id)
    beat()
    try {
      await work()
      await queue!.send<RunMessage>(RUN_QUEUE, { id, from: owner, attempt }, { singletonKey: id, ...(delayMs > 0 ? { startAfterSeconds: Math.ceil(delayMs / 1000) } : {}) })
    } catch (err) {
      waiting.delete(id)
      ctx.log.warn({ err, jobId: id }, 'could not queue a job; it will be taken over when its lease runs out')
    }
  }

  /** Runs a job again after a transient error, from its last checkpoint. */
  function retry(id: string, attempt: number) {
    const delayMs = RETRY_BASE_MS * 2 ** (attempt - 1)
    if (queue) {
      void enqueue(id, attempt, delayMs)
      return
    }
    waiting.add(id)
    retryTimers.set(id, setTimeout(() => {
      retryTimers.delete(id)
      findJob(db, id).then((row) => {
        waiting.delete(id)
        if (!row || row.status !== 'running' || row.owner !== owner) return
        if (stopping) return releaseJob(db, id, owner)
        launch(row, attempt)
      }).catch((err: unknown) => {
        waiting.delete(id)
        ctx.log.warn({ err, jobId: id }, 'could not retry a job; it will be taken over at the next start')
      })
    }, delayMs))
  }

  function launch(row: JobRow, attempt = 0) {
    const kind = kinds.get(row.kind)
    if (!kind) throw new Error(`no job kind ${row.kind}`)
    waiting.delete(row.id)
    const job: JobContext = {
      id: row.id, createdBy: row.created_by, createdAt: row.created_at, processed: Number(row.processed), report: row.report ? (JSON.parse(row.report) as unknown) : null,
      resumes: Number(row.resumes),
      get stopping() { return stopping },
      checkpoint: (p, within = db) => checkpointJob(within, row.id, owner, { processed: p.processed, ...(p.total !== undefined ? { total: p.total } : {}), ...(p.report !== undefined ? { report: JSON.stringify(p.report) } : {}), heartbeat_at: now() }),
    }
    const work = (async () => {
      try {
        const outcome = await kind.run(job, row.input ? (JSON.parse(row.input) as unknown) : null)
        if (outcome.status === 'done') await finishJob(db, row.id, owner, { status: 'done', report: JSON.stringify(outcome.report), finished_at: now() })
        else await releaseJob(db, row.id, owner)
      } catch (err) {
        // An AppError is the job's own verdict (the reason for its starter); anything else may be
        // passing (a lost connection, a deadlock) and a resumable kind is tried again.
        const transient = !(err instanceof AppError) && kind.resumable && !stopping
        if (transient && attempt < JOB_RETRIES) {
          ctx.log.warn({ err, jobId: row.id, kind: row.kind, attempt: attempt + 1 }, 'job failed; trying again')
          retry(row.id, attempt + 1)
          return
        }
        ctx.log.error({ err, jobId: row.id, kind: row.kind }, 'job failed')
        const error = err instanceof AppError ? err.message
          : attempt > 0 ? `The job stopped on an unexpected error (logged), ${attempt + 1} times: start it again.`
            : 'The job stopped on an unexpected error (logged).'
        await finishJob(db, row.id, owner, { status: 'failed', error, finished_at: now(), ...(kind.failedReport ? { report: JSON.stringify(kind.failedReport(job, error)) } : {}) })
          .catch((e: unknown) => ctx.log.error({ err: e, jobId: row.id }, 'could not record a failed job; it will be taken over when its lease runs out'))
      }
    })().finally(() => {
      running.delete(row.id)
    })
    running.set(row.id, work)
    beat()
  }

  /** Waits for the jobs running in this process. */
  async function runningDone(): Promise<void> {
    while (running.size > 0) await Promise.all([...running.values()])
  }

  const service = {
    /** How many jobs failed since a moment (the staff dashboard; the caller checks staff). */
    failedSince: (since: string) => countFailedJobsSince(ctx.db, since),

    /** The job queue (PostgreSQL), for other background work: null on SQLite, where everything runs in the one process. */
    queue,

    /** Declares how jobs of a kind run (each module registers its own when it is built). */
    register<I>(kind: string, definition: JobKind<I>) {
      kinds.set(kind, definition as JobKind<unknown>)
    },

    /** Records a new job held by this process, in the caller's transaction if it has one; launch it after the commit. */
    async create(trx: DbOrTx, job: { kind: string; createdBy: string; input: unknown; total: number }): Promise<string> {
      const id = newId()
      const at = now()
      await insertJob(trx, {
        id, kind: job.kind, status: 'running', total: job.total, processed: 0, report: null, created_by: job.createdBy, created_at: at, finished_at: null,
        input: JSON.stringify(job.input), owner, heartbeat_at: at,
      })
      return id
    },

    /**
     * Starts a job created by this process, once its row has committed: on PostgreSQL by queueing it
     * for whichever process's worker is free, on SQLite here. While the process is stopping it is
     * given up instead, for the next one to run.
     */
    async launch(id: string): Promise<void> {
      const row = await findJob(db, id)
      if (!row || row.status !== 'running' || row.owner !== owner) return
      if (stopping) await releaseJob(db, id, owner)
      else if (queue) await enqueue(id, 0, 0)
      else launch(row)
    },

    async start(job: { kind: string; createdBy: string; input: unknown; total: number }): Promise<string> {
      const id = await service.create(db, job)
      await service.launch(id)
      return id
    },

    /** A job as its starter (or program staff) may read it. */
    async find(actor: Actor | null, id: string): Promise<JobRow> {
      const who = requireActor(actor)
      const job = await findJob(db, id)
      if (!job || (job.created_by !== who.userId && !hasRole(who, 'program_staff'))) throw notFound('The job')
      return job
    },

    /** Starts this process's worker for queued jobs (PostgreSQL; background start). */
    startWorking: () => work(),

    /**
     * Takes over the running jobs whose process is gone and resumes them (or fails them with the
     * reason when their kind cannot run again, or they have been cut off too often). While jobs held
     * by other live processes remain, looks again when their lease would run out. On PostgreSQL a
     * job taken over is queued (its message names this process as the owner), so any process's
     * worker may resume it.
     */
    async recover(): Promise<{ resumed: number; failed: number }> {
      const staleBefore = ctx.dialect === 'sqlite' ? null : new Date(ctx.clock().getTime() - JOB_LEASE_MS).toISOString()
      let resumed = 0
      let failed = 0
      let leased = false
      for (const j of await runningJobs(db)) {
        // A job queued by this process is still its own unless another process's worker took it.
        if (running.has(j.id) || (waiting.has(j.id) && j.owner === owner)) continue
        const mine = j.owner === owner
        if (j.owner !== null && !mine && staleBefore !== null && j.heartbeat_at !== null && j.heartbeat_at >= staleBefore) {
          leased = true
          continue
        }
        const claimed = await claimJob(db, j.id, j.owner, owner, now(), mine ? null : staleBefore)
        if (!claimed) continue
        const kind = kinds.get(claimed.kind)
        const reason = !kind ? `no process here runs jobs of kind ${claimed.kind}`
          : !kind.resumable ? 'its server process stopped while it ran, and this kind of job cannot safely run again: start it again'
            : claimed.input === null ? 'its server process stopped while it ran, and it was started before jobs kept their input: start it again'
            : Number(claimed.resumes) > MAX_RESUMES ? `its server process stopped ${MAX_RESUMES + 1} times while it ran: start it again`
              : null
        if (reason) {
          await finishJob(db, claimed.id, owner, { status: 'failed', error: `Interrupted: ${reason}.`, finished_at: now() })
          failed++
        } else if (stopping) {
          await releaseJob(db, claimed.id, owner)
        } else {
          if (queue) await enqueue(claimed.id, 0, 0)
          else launch(claimed)
          resumed++
        }
      }
      if (recheck) clearTimeout(recheck)
      recheck = undefined
      if (leased && !stopping) {
        recheck = setTimeout(() => {
          service.recover().catch((err: unknown) => ctx.log.warn({ err }, 'job recovery failed'))
        }, JOB_LEASE_MS)
        recheck.unref()
      }
      return { resumed, failed }
    },

    /**
     * Resolves when no job this process started or took over is still running, here or (on
     * PostgreSQL) in the process whose worker received it (tests, benchmarks).
     */
    async idle(): Promise<void> {
      for (;;) {
        await runningDone()
        if (waiting.size === 0) return
        const statuses = new Map((await jobStatuses(db, [...waiting])).map((r) => [r.id, r.status]))
        for (const id of [...waiting]) {
          if (statuses.get(id) !== 'running' && !retryTimers.has(id)) waiting.delete(id)
        }
        if (waiting.size === 0 && running.size === 0) return
        await new Promise((r) => setTimeout(r, 25))
      }
    },

    /** Graceful stop: every job stops at its next checkpoint and is given up for another process; resolves when all have. */
    async drain(): Promise<void> {
      stopping = true
      if (recheck) clearTimeout(recheck)
      recheck = undefined
      // Jobs waiting here for a retry are given up now; queued ones stay queued for any process's worker.
      for (const [id, timer] of retryTimers) {
        clearTimeout(timer)
        retryTimers.delete(id)
        waiting.delete(id)
        await releaseJob(db, id, owner).catch((err: unknown) => ctx.log.warn({ err, jobId: id }, 'could not give up a job; it will be taken over when its lease runs out'))
      }
      await runningDone()
      if (heartbeat) clearInterval(heartbeat)
      heartbeat = undefined
    },
  }
  return service
}

export type JobsService = ReturnType<typeof createJobsService>
