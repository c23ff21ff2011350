// Background jobs: long work (a cohort upload, a rescoring) that runs after its request is answered,
// with its progress in `jobs` for the web to poll. Each kind of job registers how to run from its
// stored input and its last checkpoint. The process running a job holds a lease on it (a heartbeat).
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
import { checkpointJob, claimJob, countFailedJobsSince, findJob, finishJob, heartbeatJobs, insertJob, releaseJob, runningJobs, type JobRow } from './jobs.repository.js'

/** How often a process says it is alive for the jobs it runs, and how long without that until they are taken over. */
export const JOB_HEARTBEAT_MS = 10_000
export const JOB_LEASE_MS = 60_000
/** A job whose process died this many times while running it is failed, not resumed again. */
const MAX_RESUMES = 3

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

export function createJobsService(ctx: ServerContext) {
  const { db } = ctx
  const now = () => ctx.clock().toISOString()
  // One owner per service instance: tests run two apps in one process, production one per process.
  const owner = `${process.pid}:${newId()}`
  const kinds = new Map<string, JobKind<unknown>>()
  const running = new Map<string, Promise<void>>()
  let stopping = false
  let heartbeat: NodeJS.Timeout | undefined
  let recheck: NodeJS.Timeout | undefined

  function beat() {
    if (heartbeat || running.size === 0) return
    heartbeat = setInterval(() => {
      heartbeatJobs(db, [...running.keys()], owner, now()).catch((err: unknown) => ctx.log.warn({ err }, 'job heartbeat failed'))
    }, JOB_HEARTBEAT_MS)
    heartbeat.unref()
  }

  function launch(row: JobRow) {
    const kind = kinds.get(row.kind)
    if (!kind) throw new Error(`no job kind ${row.kind}`)
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
        ctx.log.error({ err, jobId: row.id, kind: row.kind }, 'job failed')
        const error = err instanceof AppError ? err.message : 'The job stopped on an unexpected error (logged).'
        await finishJob(db, row.id, owner, { status: 'failed', error, finished_at: now(), ...(kind.failedReport ? { report: JSON.stringify(kind.failedReport(job, error)) } : {}) })
          .catch((e: unknown) => ctx.log.error({ err: e, jobId: row.id }, 'could not record a failed job; it will be taken over when its lease runs out'))
      }
    })().finally(() => {
      running.delete(row.id)
      if (running.size === 0 && heartbeat) {
        clearInterval(heartbeat)
        heartbeat = undefined
      }
    })
    running.set(row.id, work)
    beat()
  }

  const service = {
    /** How many jobs failed since a moment (the staff dashboard; the caller checks staff). */
    failedSince: (since: string) => countFailedJobsSince(ctx.db, since),

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

    /** Starts a job created by this process. While the process is stopping it is given up instead, for the next one to run. */
    async launch(id: string): Promise<void> {
      const row = await findJob(db, id)
      if (!row || row.status !== 'running' || row.owner !== owner) return
      if (stopping) await releaseJob(db, id, owner)
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

    /**
     * Takes over the running jobs whose process is gone and resumes them (or fails them with the
     * reason when their kind cannot run again, or they have been cut off too often). While jobs held
     * by other live processes remain, looks again when their lease would run out.
     */
    async recover(): Promise<{ resumed: number; failed: number }> {
      const staleBefore = ctx.dialect === 'sqlite' ? null : new Date(ctx.clock().getTime() - JOB_LEASE_MS).toISOString()
      let resumed = 0
      let failed = 0
      let waiting = false
      for (const j of await runningJobs(db)) {
        if (running.has(j.id)) continue
        const mine = j.owner === owner
        if (j.owner !== null && !mine && staleBefore !== null && j.heartbeat_at !== null && j.heartbeat_at >= staleBefore) {
          waiting = true
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
          launch(claimed)
          resumed++
        }
      }
      if (recheck) clearTimeout(recheck)
      recheck = undefined
      if (waiting && !stopping) {
        recheck = setTimeout(() => {
          service.recover().catch((err: unknown) => ctx.log.warn({ err }, 'job recovery failed'))
        }, JOB_LEASE_MS)
        recheck.unref()
      }
      return { resumed, failed }
    },

    /** Resolves when no job runs in this process (tests, benchmarks). */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.all([...running.values()])
    },

    /** Graceful stop: every job stops at its next checkpoint and is given up for another process; resolves when all have. */
    async drain(): Promise<void> {
      stopping = true
      if (recheck) clearTimeout(recheck)
      recheck = undefined
      await service.idle()
    },
  }
  return service
}

export type JobsService = ReturnType<typeof createJobsService>
