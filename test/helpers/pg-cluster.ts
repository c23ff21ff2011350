// A PostgreSQL cluster of a test's own (Debian's postgresql-common: pg_createcluster), on a free
// port with trust authentication for local TCP connections, so a test can stop, freeze and kill it
// without touching the machine's main cluster. Always drop it in a finally/afterAll: drop() thaws
// a frozen cluster first and removes its data, configuration and log.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import { randomBytes } from 'node:crypto'
import { promisify } from 'node:util'
import pg from 'pg'

const run = promisify(execFile)

export interface PgCluster {
  version: string
  name: string
  port: number
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url: string
  start(): Promise<void>
  /** A fast shutdown: connected sessions are terminated (57P01), new connections refused. */
  stop(): Promise<void>
  /** SIGSTOP to the postmaster and every process it started: connections stay open, nothing answers. */
  freeze(): void
  /** SIGCONT to the processes freeze() stopped. */
  thaw(): void
  /** pg_terminate_backend on every session of the database except the caller's; how many it ended. */
  terminateBackends(): Promise<number>
  /** Thaws, stops and removes the cluster. Safe to call more than once. */
  drop(): Promise<void>
}

/** Whether pg_createcluster is installed (Debian/Ubuntu postgresql-common). */
export function pgClusterToolsInstalled(): boolean {
  return ['/usr/bin/pg_createcluster', '/usr/sbin/pg_createcluster'].some((p) => fs.existsSync(p)) && fs.existsSync('/etc/postgresql')
}

/** The newest installed PostgreSQL major version (a folder of /etc/postgresql). */
function installedVersion(): string {
  const versions = fs.readdirSync('/etc/postgresql').filter((v) => /^\d+(\.\d+)?$/.test(v)).sort((a, b) => Number(b) - Number(a))
  if (!versions[0]) throw new Error('no PostgreSQL version under /etc/postgresql')
  return versions[0]
}

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** The postmaster's pid (first line of postmaster.pid) and the pids of the processes it started. */
function clusterPids(dataDir: string): { postmaster: number; children: number[] } | null {
  let postmaster: number
  try {
    postmaster = Number(fs.readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0])
  } catch {
    return null
  }
  const children: number[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === postmaster) children.push(Number(entry))
    } catch {
      // the process ended meanwhile
    }
  }
  return { postmaster, children }
}

async function waitUntilReady(port: number, timeoutMs = 30_000): Promise<void> {
  for (const until = Date.now() + timeoutMs; ;) {
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 2000 })
    client.on('error', () => undefined)
    try {
      await client.connect()
      await client.query('select 1')
      await client.end()
      return
    } catch (err) {
      await client.end().catch(() => undefined)
      if (Date.now() > until) throw new Error(`the test cluster on port ${port} did not answer: ${(err as Error).message}`)
      await new Promise((r) => setTimeout(r, 200))
    }
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Drops clusters this helper made in test runs that were killed before they could drop them. */
async function dropAbandoned(version: string): Promise<void> {
  for (const name of fs.readdirSync(`/etc/postgresql/${version}`)) {
    const owner = /^mt1faults_(\d+)_[0-9a-f]+$/.exec(name)
    if (owner && !alive(Number(owner[1]))) await run('pg_dropcluster', ['--stop', version, name], { timeout: 60_000 }).catch(() => undefined)
  }
}

/** Creates and starts a cluster with one empty database `mt1`. */
export async function createPgCluster(): Promise<PgCluster> {
  const version = installedVersion()
  await dropAbandoned(version)
  const name = `mt1faults_${process.pid}_${randomBytes(3).toString('hex')}`
  const port = await freePort()
  const database = 'mt1'
  const ctl = (action: 'start' | 'stop') => run('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, action], { timeout: 60_000 })
  let dataDir = ''
  let frozen: number[] = []
  let dropped = false

  await run('pg_createcluster', [
    version, name, '-p', String(port), '--start-conf=manual',
    // Small and quick: this cluster only serves one test's app.
    '-o', 'shared_buffers=32MB', '-o', 'max_connections=40',
    '--', '--auth-local=trust', '--auth-host=trust',
  ], { timeout: 120_000 })

  const cluster: PgCluster = {
    version, name, port,
    url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      await ctl('start')
      await waitUntilReady(port)
    },
    async stop() {
      await ctl('stop')
    },
    freeze() {
      const pids = clusterPids(dataDir)
      if (!pids) throw new Error('the test cluster is not running')
      // The postmaster first, so it starts nothing new while its children are being stopped.
      process.kill(pids.postmaster, 'SIGSTOP')
      frozen = [pids.postmaster]
      for (const pid of clusterPids(dataDir)!.children) {
        try {
          process.kill(pid, 'SIGSTOP')
          frozen.push(pid)
        } catch {
          // ended meanwhile
        }
      }
    },
    thaw() {
      for (const pid of frozen.reverse()) {
        try {
          process.kill(pid, 'SIGCONT')
        } catch {
          // ended meanwhile
        }
      }
      frozen = []
    },
    async terminateBackends() {
      const client = new pg.Client({ connectionString: cluster.url, connectionTimeoutMillis: 5000 })
      client.on('error', () => undefined)
      await client.connect()
      try {
        const res = await client.query<{ ok: boolean }>(
          'select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database],
        )
        return res.rows.filter((r) => r.ok).length
      } finally {
        await client.end().catch(() => undefined)
      }
    },
    async drop() {
      if (dropped) return
      dropped = true
      cluster.thaw()
      await run('pg_dropcluster', ['--stop', version, name], { timeout: 60_000 })
    },
  }

  try {
    const { stdout } = await run('pg_conftool', ['-s', version, name, 'show', 'data_directory'])
    dataDir = stdout.trim()
    await cluster.start()
    const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' })
    admin.on('error', () => undefined)
    await admin.connect()
    try {
      await admin.query(`create database ${database}`)
    } finally {
      await admin.end()
    }
  } catch (err) {
    await cluster.drop().catch(() => undefined)
    throw err
  }
  return cluster
}
