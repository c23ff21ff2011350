// The time from process start to the first answered request (GET /api/v1/health), for the built
// server (`node dist/bundle/main.js`, as `npm start` runs it): (a) on an existing data directory,
// (b) on a fresh one, which gets the schema, the shipped item bank and the demo data first. The
// baseline, in the same run, is `node -e` starting a bare Fastify server to its first answer: what
// Node and Fastify alone cost on this machine at this moment. Medians over BENCH_ROUNDS (default 5).
// The server is built first (`tsc -p tsconfig.build.json`, then scripts/bundle-server.mjs: the
// server only, not the web app, which a start does not need) unless dist/bundle/main.js is newer
// than every source file under src/. The unbundled tsc output (dist/server/main.js) is timed too.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { envNumber, median, printResult, printTable, projectRoot } from './lib/harness.js'

const entry = path.join(projectRoot, 'dist', 'bundle', 'main.js')
const unbundled = path.join(projectRoot, 'dist', 'server', 'main.js')

function newestSource(dir: string): number {
  let newest = 0
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs)
  }
  return newest
}

function buildIfStale(): string {
  const stale = !fs.existsSync(entry) || fs.statSync(entry).mtimeMs < Math.max(newestSource(path.join(projectRoot, 'src', 'server')), newestSource(path.join(projectRoot, 'src', 'common')))
  if (!stale) return 'dist up to date'
  console.log('building the server (tsc -p tsconfig.build.json, scripts/bundle-server.mjs)…')
  const built = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: projectRoot, stdio: 'inherit' })
  if (built.status !== 0) throw new Error('the server build failed')
  const bundled = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'bundle-server.mjs')], { cwd: projectRoot, stdio: 'inherit' })
  if (bundled.status !== 0) throw new Error('the server bundle failed')
  return 'built'
}

const freePort = () => 41000 + Math.floor(Math.random() * 20000)

/**
 * Spawns `args` under node and returns the seconds until GET /api/v1/health answers 200; the process
 * is stopped after. A start that fails (a random port taken by someone else meanwhile) is timed again
 * from the beginning on another port (with a new fresh directory: `env` is asked again).
 */
async function timeToFirstAnswer(args: string[], env: () => Record<string, string>): Promise<number> {
  for (let tries = 1; ; tries++) {
    try {
      return await timeOnce(args, env())
    } catch (err) {
      if (tries >= 3) throw err
    }
  }
}

async function timeOnce(args: string[], env: Record<string, string>): Promise<number> {
  const port = freePort()
  const t0 = performance.now()
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`)
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) return (performance.now() - t0) / 1000
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 10))
    }
  } finally {
    child.kill('SIGTERM')
    await exited
  }
}

const bareFastify = `
const app = require('fastify')()
app.get('/api/v1/health', async () => ({ status: 'ok' }))
app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
process.on('SIGTERM', () => app.close().then(() => process.exit(0)))
`

export async function run(): Promise<void> {
  const rounds = envNumber('BENCH_ROUNDS', 5)
  const build = buildIfStale()
  const dirs: string[] = []
  const newDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-bench-startup-'))
    dirs.push(d)
    return d
  }
  try {
    const existing = newDir()
    // The existing directory: made by one fresh start with demo data (not counted).
    await timeToFirstAnswer([entry], () => ({ DATA_DIR: existing, MT1_DEMO: '1' }))
    const fresh: number[] = []
    const again: number[] = []
    const againUnbundled: number[] = []
    const bare: number[] = []
    for (let r = 0; r < rounds; r++) {
      bare.push(await timeToFirstAnswer(['-e', bareFastify], () => ({})))
      again.push(await timeToFirstAnswer([entry], () => ({ DATA_DIR: existing, MT1_DEMO: '1' })))
      againUnbundled.push(await timeToFirstAnswer([unbundled], () => ({ DATA_DIR: existing, MT1_DEMO: '1' })))
      fresh.push(await timeToFirstAnswer([entry], () => ({ DATA_DIR: newDir(), MT1_DEMO: '1' })))
      process.stderr.write(`\r  round ${r + 1} / ${rounds}`)
    }
    process.stderr.write('\n')
    const row = (what: string, xs: number[]) => ({ start: what, 'median s': +median(xs).toFixed(2), 'min s': +Math.min(...xs).toFixed(2), 'max s': +Math.max(...xs).toFixed(2), rounds: xs.length })
    printTable([row('existing data directory', again), row('fresh, with demo data', fresh), row('existing, unbundled (dist/server)', againUnbundled), row('bare Fastify (node -e)', bare)])
    console.log(`server: ${build}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`)
    const value = median(again)
    const baseline = median(bare)
    printResult({ bench: 'startup', value: +value.toFixed(2), unit: 's', baseline: +baseline.toFixed(2), ratio: +(value / baseline).toFixed(2) })
  } finally {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true })
  }
}
