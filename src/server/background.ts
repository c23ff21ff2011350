// The server's background work, per process: what a crash left behind, the minute housekeeping,
// the daily statistics refresh, the delivery sweep, queued jobs and the learning-record dispatcher.
//
// On SQLite one process owns the database, so timers here run everything. On PostgreSQL several
// identical processes share it, so each tick runs once across all of them through the job queue:
// the housekeeping and the statistics refresh are pg-boss cron schedules (one message per tick for
// all instances), and the 5-second delivery sweep is a message every process sends with a singleton
// slot of 5 s (the queue keeps one per slot), handled by whichever process's worker takes it.
import type { FastifyInstance } from 'fastify'
import { isDatabaseUnavailable } from './db/database-errors.js'

export const DELIVERY_SWEEP_MS = 5_000
const HOUSEKEEPING_MS = 60_000
const HOUSEKEEPING_QUEUE = 'mt1-housekeeping'
const STATISTICS_QUEUE = 'mt1-statistics-refresh'
const SWEEP_QUEUE = 'mt1-delivery-sweep'

/** Starts this process's background work; resolves to the function that stops its timers (app.close() stops the rest). */
export async function startBackground(app: FastifyInstance): Promise<() => void> {
  const { services, log } = app
  const queue = services.jobs.queue

  // What a crash may have left behind: emails recorded but not delivered, jobs cut off midway.
  const resent = await services.notifications.resendQueued()
  const jobs = await services.jobs.recover()
  if (resent + jobs.resumed + jobs.failed > 0) log.warn({ resent, jobsResumed: jobs.resumed, jobsFailed: jobs.failed }, 'recovered after an unclean stop')

  // On the minute: unpaid holds lapse, reminders go out, expired logins are removed, certification
  // expiry reminders (60 and 30 days ahead) go out once per period. A failure is logged and tried
  // again at the next tick.
  const housekeeping = () => Promise.all([
    services.registrations.releaseExpiredHolds(),
    services.registrations.sendReminders(),
    services.auth.purgeExpiredSessions(),
    services.certificationReminders.sendExpiryReminders(),
  ]).then(() => undefined)

  // Attempts whose time is up are submitted (the candidate's browser may be gone), sessions without
  // a present proctor are paused, and scoring a crash interrupted is finished.
  const sweep = async () => {
    const done = await services.proctoring.sweep()
    if (done.paused + done.submitted + done.scored > 0) log.info(done, 'delivery sweep')
  }
  const logFailure = (what: string) => (err: unknown) => {
    // While the database is unreachable background work waits for it like every request does.
    if (isDatabaseUnavailable(err)) log.warn({ reason: (err as Error).message }, `${what} skipped: database unavailable`)
    else log.error({ err }, `${what} failed`)
  }

  const timers: NodeJS.Timeout[] = []
  const every = (ms: number, task: () => void) => {
    const timer = setInterval(task, ms)
    timer.unref()
    timers.push(timer)
  }

  if (!queue) {
    every(HOUSEKEEPING_MS, () => {
      // Item statistics: the current year is recomputed once a day, once staff have first run them.
      Promise.all([housekeeping(), services.psychometrics.refreshDaily()]).catch(logFailure('housekeeping'))
    })
    let sweeping = false
    const sweepOnce = () => {
      if (sweeping) return
      sweeping = true
      sweep().catch(logFailure('delivery sweep')).finally(() => { sweeping = false })
    }
    every(DELIVERY_SWEEP_MS, sweepOnce)
    // Also once at start, to catch up on what happened while the process was down.
    sweepOnce()
  } else {
    await services.jobs.startWorking()
    await services.notifications.startWorking()
    await queue.work(HOUSEKEEPING_QUEUE, async (message) => {
      log.debug({ tick: message.id }, 'housekeeping tick')
      // The recovery pass for jobs: a job whose process died (its lease ran out), or whose row
      // committed but never reached the queue, is taken over and queued again.
      await Promise.all([housekeeping(), services.jobs.recover()]).catch(logFailure('housekeeping'))
    })
    await queue.schedule(HOUSEKEEPING_QUEUE, '* * * * *')
    // Hourly, so a refresh missed while every process was down happens the same day; refreshDaily
    // starts a job only when the year's statistics were not computed today.
    await queue.work(STATISTICS_QUEUE, async () => {
      await services.psychometrics.refreshDaily().catch(logFailure('statistics refresh'))
    })
    await queue.schedule(STATISTICS_QUEUE, '7 * * * *')
    await queue.work(SWEEP_QUEUE, async (message) => {
      log.debug({ tick: message.id }, 'delivery sweep tick')
      await sweep().catch(logFailure('delivery sweep'))
    })
    const tick = () => {
      queue.send(SWEEP_QUEUE, {}, { singletonKey: 'sweep', singletonSeconds: DELIVERY_SWEEP_MS / 1000 }).catch(logFailure('delivery sweep tick'))
    }
    every(DELIVERY_SWEEP_MS, tick)
    tick()
  }

  // issue 13, lab-records stream: learning records go to the external learning record stores staff
  // configured, in the background: a pass after each recording commits and every few seconds
  // (failures back off and are logged, never felt by a learner's request).
  services.learningRecordStores.startDispatcher()

  return () => {
    for (const timer of timers) clearInterval(timer)
  }
}
