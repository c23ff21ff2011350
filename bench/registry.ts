// Public registry lookups per second over a million certificate holders, through the real server
// on SQLite (rate limit off), against a bare Fastify route answering the same path and shape with no
// lookup, same machine, same run. Each request asks for a random existing number. Medians of rounds.
// The seeded data directory is kept under the OS temp folder and reused, keyed by holder count and by
// the schema (the migration list) and the seed's source, so a seed made for another schema is never reused.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import { progressBar } from '../src/cli/progress.js'
import { buildApp } from '../src/server/app.js'
import { loadConfig } from '../src/server/config.js'
import { migrationNames } from '../src/server/db/migrate.js'
import { seedSyntheticCertificates } from '../src/server/db/seed/synthetic-certificates.js'
import { envNumber, median, printResult, printTable, startServer } from './lib/harness.js'

const SAMPLE = 20_000

/** The data directory with `holders` synthetic holders, seeded once; and a random sample of their numbers. */
async function prepare(holders: number): Promise<{ dataDir: string; numbers: string[] }> {
  const seedSource = fs.readFileSync(new URL('../src/server/db/seed/synthetic-certificates.ts', import.meta.url))
  const schemaKey = createHash('sha256').update(migrationNames().join('\n')).update(seedSource).digest('hex').slice(0, 12)
  const dataDir = path.join(os.tmpdir(), `mt1-bench-registry-${holders}-${schemaKey}`)
  const marker = path.join(dataDir, 'prepared.json')
  if (fs.existsSync(marker)) {
    console.log(`reusing ${dataDir} (${fs.readFileSync(marker, 'utf8').trim()}); delete it to seed again`)
  } else {
    fs.rmSync(dataDir, { recursive: true, force: true })
    console.log(`seeding ${holders.toLocaleString('en-US')} synthetic holders into ${dataDir} (kept for later runs)…`)
    const app = await buildApp(loadConfig({ DATA_DIR: dataDir, MT1_DEMO: '0' }), { logger: false })
    const started = Date.now()
    const bar = progressBar(holders, 'holders')
    const seeded = await seedSyntheticCertificates(app.db, app.dialect, holders, app.program.credentials, { onProgress: (done) => bar.update(done) })
    bar.finish()
    const seconds = (Date.now() - started) / 1000
    await app.close()
    fs.writeFileSync(marker, JSON.stringify({ ...seeded, seedSeconds: +seconds.toFixed(1) }) + '\n')
    console.log(`seeded ${seeded.credentials.toLocaleString('en-US')} certificates in ${seconds.toFixed(1)} s`)
  }
  // A sample of existing numbers, drawn through the unique status-list index (no full scan).
  const app = await buildApp(loadConfig({ DATA_DIR: dataDir, MT1_DEMO: '0' }), { logger: false })
  const numbers: string[] = []
  try {
    const top = Number((await app.db.selectFrom('counters').select('value').where('name', '=', 'credential_status_index').executeTakeFirstOrThrow()).value)
    while (numbers.length < SAMPLE) {
      const wanted = Array.from({ length: 500 }, () => 1 + Math.floor(Math.random() * top))
      const rows = await app.db.selectFrom('credentials').select('certificate_number').where('status_index', 'in', wanted).execute()
      numbers.push(...rows.map((r) => r.certificate_number))
    }
    // Settle the WAL into the main file so the server starts from a checkpointed database.
    if (app.dialect === 'sqlite') await sql`pragma wal_checkpoint(truncate)`.execute(app.db)
  } finally {
    await app.close()
  }
  // Read the file once, so the first round does not measure the disk: a running registry has its
  // pages in the operating system's cache.
  const started = Date.now()
  const file = fs.openSync(path.join(dataDir, 'mt1.sqlite'), 'r')
  const buffer = Buffer.alloc(8 * 1024 * 1024)
  try {
    while (fs.readSync(file, buffer) > 0);
  } finally {
    fs.closeSync(file)
  }
  console.log(`database file read into the OS page cache in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return { dataDir, numbers }
}

async function lookups(base: string, prefix: string, numbers: string[], seconds: number, connections: number) {
  const pick = () => numbers[Math.floor(Math.random() * numbers.length)]!
  const result = await autocannon({
    url: base, connections, duration: seconds,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `${prefix}/${pick()}` }) }],
  })
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx }
}

export async function run(): Promise<void> {
  const holders = envNumber('BENCH_HOLDERS', 1_000_000)
  const rounds = envNumber('BENCH_ROUNDS', 3)
  const seconds = envNumber('BENCH_SECONDS', 8)
  const connections = envNumber('BENCH_CONNECTIONS', 20)
  const { dataDir, numbers } = await prepare(holders)

  const app = await startServer('src/server/main.ts', { DATA_DIR: dataDir, MT1_DEMO: '0', DATABASE_URL: '', RATE_LIMIT_PUBLIC_PER_MINUTE: '0' }, '/api/v1/health')
  const bare = await startServer('bench/servers/bare-registry.ts', {}, '/ready')
  const rows: Record<string, string | number>[] = []
  const appRps: number[] = []
  const bareRps: number[] = []
  const appP99: number[] = []
  try {
    // Warm both up (JIT, the page cache) before measuring.
    await lookups(bare.url, '/registry', numbers, 5, connections)
    await lookups(app.url, '/api/v1/registry', numbers, 5, connections)
    for (let round = 1; round <= rounds; round++) {
      const b = await lookups(bare.url, '/registry', numbers, seconds, connections)
      const a = await lookups(app.url, '/api/v1/registry', numbers, seconds, connections)
      if (a.errors || a.non2xx) throw new Error(`registry lookups had ${a.errors} errors and ${a.non2xx} non-2xx answers`)
      appRps.push(a.rps)
      bareRps.push(b.rps)
      appP99.push(a.p99)
      rows.push({ round, 'bare req/s': Math.round(b.rps), 'lookups/s': Math.round(a.rps), 'p50 ms': a.p50, 'p99 ms': a.p99, 'bare p99 ms': b.p99, ratio: +(a.rps / b.rps).toFixed(3) })
    }
  } finally {
    await app.stop()
    await bare.stop()
  }
  printTable(rows)
  console.log(`${holders.toLocaleString('en-US')} holders (${dataDir}); ${rounds} rounds of ${seconds}s with ${connections} connections, random existing numbers from a sample of ${numbers.length.toLocaleString('en-US')}; median lookup p99 ${median(appP99)} ms.`)
  const value = median(appRps)
  const baseline = median(bareRps)
  printResult({ bench: 'registry', value: Math.round(value), unit: 'lookups/s', baseline: Math.round(baseline), ratio: +(value / baseline).toFixed(3) })
}
