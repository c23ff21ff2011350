// WEB_CONCURRENCY=N (issue 16, stateless stream): N server processes on one machine with Node's
// cluster module, all listening on PORT (the primary hands connections out in turn). `npm start`
// without it (or with 1) is the single process it always was.
// - The primary migrates the database, imports the shipped item bank and seeds demo data once, then
//   forks the workers (which skip that step), restarts a worker that dies, and on SIGTERM/SIGINT
//   asks every worker to stop gracefully (each finishes its in-flight requests) before it exits.
// - PostgreSQL only: SQLite has one writer, and this process's write batching (group commit) and
//   per-candidate locks assume it is the only process writing the file, so N > 1 on SQLite is refused
//   at start with a message instead of failing under load with "database is locked".
import cluster, { type Worker } from 'node:cluster'
import { buildApp } from './app.js'
import { loadConfig, type AppConfig } from './config.js'
import { prepareOnStart } from './start-up.js'

/** Set in the workers' environment: the primary did the one-time start-up work. */
const WORKER_FLAG = 'MT1_CLUSTER_WORKER'
/** Time each worker is given to finish its requests after SIGTERM (its own grace is 10 s) before it is killed. */
const STOP_GRACE_MS = 15_000
/** A worker that died is replaced after this pause, so a worker that cannot start does not spin the CPU. */
const RESTART_DELAY_MS = 1_000

/** WEB_CONCURRENCY as a number of processes (1 when unset). */
export function webConcurrency(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.WEB_CONCURRENCY
  if (raw === undefined || raw === '') return 1
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1) throw new Error(`WEB_CONCURRENCY must be a whole number of processes (1 or more), got "${raw}"`)
  return n
}

/** This process is a worker the primary started: migrations and seeding are done (each worker recovers what a crash left, in background.ts). */
export const isClusterWorker = (): boolean => cluster.isWorker && process.env[WORKER_FLAG] === '1'

/** Why N processes cannot share this database, or undefined when they can. */
export function clusterRefusal(config: Pick<AppConfig, 'databaseUrl'>, processes: number): string | undefined {
  if (processes <= 1 || config.databaseUrl) return undefined
  return `WEB_CONCURRENCY=${processes} needs PostgreSQL (DATABASE_URL): SQLite has one writer process. Unset WEB_CONCURRENCY to run one process on SQLite.`
}

/** Primary log lines in the server's JSON shape (pino's fields), so one log reader reads both. */
function log(level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown> = {}): void {
  const levels = { info: 30, warn: 40, error: 50 }
  process.stdout.write(`${JSON.stringify({ level: levels[level], time: Date.now(), pid: process.pid, role: 'primary', ...fields, msg })}\n`)
}

/**
 * Runs `single` (the one-process server) unless WEB_CONCURRENCY asks for more than one process, in
 * which case this process becomes the cluster's primary.
 */
export async function runServer(single: () => Promise<void>): Promise<void> {
  if (cluster.isWorker) return single()
  const processes = webConcurrency()
  if (processes <= 1) return single()
  const config = loadConfig()
  const refusal = clusterRefusal(config, processes)
  if (refusal) throw new Error(refusal)
  await prepareOnce(config)
  superviseWorkers(processes)
}

/** The start-up work done once for all workers: migrations (in buildApp), then prepareOnStart. */
async function prepareOnce(config: AppConfig): Promise<void> {
  const app = await buildApp(config)
  try {
    await prepareOnStart(app, config)
  } finally {
    await app.close()
  }
}

function superviseWorkers(processes: number): void {
  let stopping = false
  const fork = () => {
    const worker = cluster.fork({ [WORKER_FLAG]: '1' })
    log('info', 'worker started', { worker: worker.process.pid })
  }
  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        log('info', 'all workers stopped')
        process.exit(0)
      }
      return
    }
    log('error', 'worker died; starting another', { worker: worker.process.pid, code, signal })
    setTimeout(fork, RESTART_DELAY_MS)
  })
  for (let i = 0; i < processes; i++) fork()
  log('info', `serving with ${processes} worker processes`, { processes })

  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined)
    log('info', 'stopping: each worker finishes its in-flight requests', { signal, workers: workers.length })
    if (workers.length === 0) process.exit(0)
    // The worker's own SIGTERM handler stops it gracefully (worker.kill() would disconnect it first).
    for (const w of workers) w.process.kill('SIGTERM')
    setTimeout(() => {
      log('error', 'workers took too long to stop; killing them')
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL')
      process.exit(1)
    }, STOP_GRACE_MS).unref()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}
