// The server process: settings from the environment, demo data on a fresh install, listen, and a
// graceful stop on SIGTERM/SIGINT (in-flight requests finish, the database closes).
import { buildApp } from './app.js'
import { loadConfig } from './config.js'
import { isDatabaseUnavailable } from './db/database-errors.js'
import { prepareData } from './start-up.js'

const GRACE_MS = 10_000
const DELIVERY_SWEEP_MS = 5_000

async function main(): Promise<void> {
  const config = loadConfig()
  const app = await buildApp(config)
  const start = await prepareData(app, { demo: config.demo })
  if (start.migrationsApplied.length > 0) app.log.info({ migrations: start.migrationsApplied }, 'database migrated')
  if (start.bankImported) app.log.info(start.bankImported, 'shipped MT1 item bank imported')
  if (start.demoSeeded) app.log.info('demo data seeded (accounts use the password mt1-demo); set MT1_DEMO=0 to start without it')

  // What a crash may have left behind: emails recorded but not delivered, jobs cut off midway.
  const resent = await app.services.notifications.resendQueued()
  const jobs = await app.services.jobs.recover()
  if (resent + jobs.resumed + jobs.failed > 0) app.log.warn({ resent, jobsResumed: jobs.resumed, jobsFailed: jobs.failed }, 'recovered after an unclean stop')

  // On the minute: unpaid holds lapse, reminders go out, expired logins are removed. A failure is
  // logged and tried again.
  const housekeeping = setInterval(() => {
    Promise.all([
      app.services.registrations.releaseExpiredHolds(),
      app.services.registrations.sendReminders(),
      app.services.auth.purgeExpiredSessions(),
      // Certification expiry reminders (60 and 30 days ahead), each once per period.
      app.services.certificationReminders.sendExpiryReminders(),
      // Item statistics: the current year is recomputed once a day, once staff have first run them.
      app.services.psychometrics.refreshDaily(),
    ]).catch((err: unknown) =>
      app.log.error({ err }, 'registration housekeeping failed'),
    )
  }, 60_000)
  housekeeping.unref()

  // Every few seconds: attempts whose time is up are submitted (the candidate's browser may be
  // gone), sessions without a present proctor are paused, and scoring a crash interrupted is
  // finished. It also runs once at start, to catch up on what happened while the process was down.
  let sweeping = false
  const sweepDelivery = () => {
    if (sweeping) return
    sweeping = true
    app.services.proctoring.sweep()
      .then((done) => { if (done.paused + done.submitted + done.scored > 0) app.log.info(done, 'delivery sweep') })
      .catch((err: unknown) => {
        // While the database is unreachable the sweep waits for it like every request does.
        if (isDatabaseUnavailable(err)) app.log.warn({ reason: (err as Error).message }, 'delivery sweep skipped: database unavailable')
        else app.log.error({ err }, 'delivery sweep failed')
      })
      .finally(() => { sweeping = false })
  }
  const deliverySweep = setInterval(sweepDelivery, DELIVERY_SWEEP_MS)
  deliverySweep.unref()
  sweepDelivery()

  // issue 13, lab-records stream: learning records go to the external learning record stores staff
  // configured, in the background: a pass after each recording commits and every few seconds
  // (failures back off and are logged, never felt by a learner's request).
  app.services.learningRecordStores.startDispatcher()

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    clearInterval(housekeeping)
    clearInterval(deliverySweep)
    app.log.info({ signal }, 'stopping: finishing in-flight requests')
    const force = setTimeout(() => {
      app.log.error('graceful stop took too long; exiting')
      process.exit(1)
    }, GRACE_MS)
    force.unref()
    // Keep-alive sockets become idle once their in-flight request is answered; close them as
    // they do, so the stop does not wait for clients' keep-alive timeouts.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100)
    sweep.unref()
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'error while stopping')
        process.exit(1)
      },
    )
  }
  // Background work that failed and that nobody awaited (an email's status update during a database
  // outage, say) is logged; it must not take down the process serving every other request.
  process.on('unhandledRejection', (reason: unknown) => {
    if (isDatabaseUnavailable(reason)) app.log.warn({ reason: (reason as Error).message }, 'background work failed: database unavailable')
    else app.log.error({ err: reason }, 'unhandled rejection')
  })
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))

  await app.listen({ port: config.port, host: config.host })
  app.log.info(`MT1 platform serving ${config.publicUrl} (database: ${app.dialect})`)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
