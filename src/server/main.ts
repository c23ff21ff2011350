// The server process: settings from the environment, demo data on a fresh install, listen, and a
// graceful stop on SIGTERM/SIGINT (in-flight requests finish, the database closes).
import { buildApp } from './app.js'
import { startBackground } from './background.js'
import { isClusterWorker, runServer } from './cluster.js'
import { loadConfig } from './config.js'
import { isDatabaseUnavailable } from './db/database-errors.js'
import { prepareOnStart } from './start-up.js'

const GRACE_MS = 10_000

async function main(): Promise<void> {
  const config = loadConfig()
  const app = await buildApp(config)
  // Under WEB_CONCURRENCY the cluster's primary did this once, for every worker (src/server/cluster.ts).
  if (!isClusterWorker()) await prepareOnStart(app, config)

  // Recovery, housekeeping, the delivery sweep, queued jobs: once per tick across processes (background.ts).
  const stopBackground = await startBackground(app)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    stopBackground()
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

runServer(main).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
