// Test delivery under load, through the real server: simulated candidates (default 2,000), checked in
// with their forms prepared, start their attempts at the same moment, save responses, and submit.
// Two layouts in the same run: SQLite with one process against a bare Fastify+better-sqlite3 upsert
// route, and PostgreSQL with two app processes (requests alternated between them) against two bare
// Fastify+pg upsert processes (skipped with a notice when no PostgreSQL server answers). The figure
// (the last line) is SQLite's saves per second sustained against its bare baseline, as before;
// latencies (p50, p99) and errors are reported for each phase. Medians over rounds.
import { responseFor } from '../test/helpers/responses.js'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'
import { buildApp } from '../src/server/app.js'
import { loadConfig } from '../src/server/config.js'
import { newId, newSecret, sha256 } from '../src/server/ids.js'
import { envNumber, median, printResult, printTable, startServer } from './lib/harness.js'

interface Person { cookie: string; csrf: string }
interface Sitter extends Person { registrationId: string; attemptId?: string; items?: { id: string; presentation: unknown }[] }

/** The test screen's device id for a candidate: an attempt is bound to the computer it starts on. */
const deviceOf = (s: Sitter) => `device-${s.registrationId}`

export async function prepare(dataDir: string, candidates: number, database: Record<string, string> = {}) {
  // Fixtures go straight into the database the server will open: a certified center and proctor, a
  // session running now, and candidates registered, checked in, with live logins.
  const app = await buildApp(loadConfig({ DATA_DIR: dataDir, MT1_DEMO: '0', ...database }), { logger: false })
  await app.services.itemBank.seedShippedBank()
  const now = Date.now()
  const iso = (ms: number) => new Date(ms).toISOString()
  const login = (userId: string) => ({ token: newSecret(), csrf: newSecret(), userId })
  const proctor = await app.services.users.createWithPassword({ email: 'bench-proctor@bench.test', firstName: 'Bench', lastName: 'Proctor', roles: ['proctor'] })
  const proctorLogin = login(proctor.id)
  const centerId = newId()
  const sessionId = newId()
  const sitters: Sitter[] = []
  await app.db.transaction().execute(async (trx) => {
    await trx.insertInto('centers').values({ id: centerId, name: 'Bench Center', kind: 'center', address_line1: '1 Bench St', address_line2: null, city: 'Richmond', state: 'VA', postal_code: '23219', phone: null, email: null, status: 'certified', certified_until: iso(now + 400 * 86_400_000), created_at: iso(now), time_zone: 'America/New_York' }).execute()
    await trx.insertInto('proctor_certifications').values({ user_id: proctor.id, training_completed_on: iso(now), agreement_signed_on: iso(now), coi_declared_on: iso(now), certified_until: iso(now + 400 * 86_400_000), status: 'certified', updated_at: iso(now), updated_by: null }).execute()
    await trx.insertInto('test_sessions').values({ id: sessionId, center_id: centerId, starts_at: iso(now - 600_000), ends_at: iso(now + 4 * 3_600_000), seats: candidates, modules: '["MM","SRMT","QBA"]', status: 'in_progress', created_at: iso(now), created_by: null }).execute()
    await trx.insertInto('session_proctors').values({ session_id: sessionId, user_id: proctor.id }).execute()
    await trx.insertInto('auth_sessions').values({ id_hash: sha256(proctorLogin.token), user_id: proctor.id, csrf_token: proctorLogin.csrf, created_at: iso(now), last_seen_at: iso(now), expires_at: iso(now + 8 * 3_600_000) }).execute()
    for (let i = 0; i < candidates; i++) {
      const id = newId()
      const who = login(id)
      const registrationId = newId()
      await trx.insertInto('users').values({ id, email: `bench-${i}@bench.test`, password_hash: null, first_name: 'Bench', last_name: `Candidate ${i}`, status: 'active', created_at: iso(now), updated_at: iso(now) }).execute()
      await trx.insertInto('user_roles').values({ user_id: id, role: 'candidate', granted_at: iso(now), granted_by: null }).execute()
      await trx.insertInto('auth_sessions').values({ id_hash: sha256(who.token), user_id: id, csrf_token: who.csrf, created_at: iso(now), last_seen_at: iso(now), expires_at: iso(now + 8 * 3_600_000) }).execute()
      await trx.insertInto('registrations').values({
        id: registrationId, session_id: sessionId, candidate_id: id, modules: '["QBA"]', status: 'confirmed', holds_seat: 1, hold_expires_at: null, payment_method: 'none', voucher_id: null,
        override_reason: null, created_by: null, created_at: iso(now), updated_at: iso(now), cancelled_at: null, reminder_sent_at: null, queue_no: i + 1, confirmation_number: `BENCH-${i}`,
      }).execute()
      await trx.insertInto('checkins').values({ registration_id: registrationId, session_id: sessionId, checked_in_by: proctor.id, checked_in_at: iso(now) }).execute()
      sitters.push({ cookie: `mt1_session=${who.token}`, csrf: who.csrf, registrationId })
    }
  })
  // Check-in prepares each candidate's form; the fixtures above checked everyone in at once, so the
  // forms are prepared as for a session opening with its room already checked in.
  const began = performance.now()
  const forms = await app.services.delivery.prepareCheckedIn(sessionId)
  console.log(`prepared ${forms} forms in ${((performance.now() - began) / 1000).toFixed(1)} s (${((performance.now() - began) / Math.max(1, forms)).toFixed(1)} ms each; at check-in, one candidate at a time)`)
  await app.close()
  return { sessionId, proctor: { cookie: `mt1_session=${proctorLogin.token}`, csrf: proctorLogin.csrf }, sitters }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0

/** Sends one request per sitter at the same moment; latencies and failures. */
async function together(sitters: Sitter[], request: (s: Sitter) => Promise<Response>) {
  const latencies: number[] = []
  let errors = 0
  const began = performance.now()
  await Promise.all(sitters.map(async (s) => {
    const t0 = performance.now()
    try {
      const res = await request(s)
      if (!res.ok) {
        errors++
        // The first refusals say what went wrong (the table only counts them).
        const body = await res.text()
        if (errors <= 3) console.log(`  ${res.status} ${body.slice(0, 200)}`)
      } else await res.arrayBuffer()
    } catch {
      errors++
    }
    latencies.push(performance.now() - t0)
  }))
  latencies.sort((a, b) => a - b)
  return { count: sitters.length, seconds: (performance.now() - began) / 1000, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors }
}

async function saves(url: string | string[], sitters: Sitter[], seconds: number, connections: number, bare: boolean) {
  let next = 0
  const result = await autocannon({
    // autocannon spreads its connections over several URLs (its types name only one).
    url: url as string, connections, duration: seconds,
    requests: [{
      method: 'PUT',
      setupRequest: (req) => {
        const n = next++
        const s = sitters[n % sitters.length]!
        const shown = s.items![Math.floor(n / sitters.length) % s.items!.length]!
        const item = shown.id
        // A valid answer in the attempt's own identifiers, different from the last one to this item.
        const body = JSON.stringify({ response: responseFor(shown, n), seq: n + 1 })
        return bare
          ? { ...req, path: `/attempts/${s.attemptId}/responses/${item}`, headers: { 'content-type': 'application/json' }, body }
          : { ...req, path: `/api/v1/attempts/${s.attemptId}/responses/${item}`, headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, 'x-attempt-device': deviceOf(s) }, body }
      },
    }],
  })
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx }
}

/**
 * The harness gives a server 30 s to answer, then goes on; on a loaded machine two tsx processes
 * migrating one PostgreSQL schema take longer, and a process not yet listening counted as errors.
 */
async function ready(url: string, path: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(url + path)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${url} did not answer in 5 minutes`)
}

interface Layout {
  name: string
  /** The app's processes: requests are alternated between them. */
  apps: string[]
  bares: string[]
  stop(): Promise<void>
}

interface Measured {
  start: Awaited<ReturnType<typeof together>>
  submit: Awaited<ReturnType<typeof together>>
  rounds: Record<string, string | number>[]
  appRps: number
  bareRps: number
  p50: number
  p99: number
  errors: number
}

/** Starts every attempt at once, saves for `rounds` rounds against the bare baseline, and submits. */
async function measure(layout: Layout, fixtures: Awaited<ReturnType<typeof prepare>>, options: { rounds: number; seconds: number; connections: number }): Promise<Measured> {
  const { sessionId, proctor, sitters } = fixtures
  const urlOf = (i: number) => layout.apps[i % layout.apps.length]!
  const heartbeat = () => fetch(`${urlOf(0)}/api/v1/sessions/${sessionId}/presence`, { method: 'POST', headers: { cookie: proctor.cookie, 'x-csrf-token': proctor.csrf } })
  const beat = setInterval(() => void heartbeat().catch(() => undefined), 10_000)
  const json = (s: Sitter) => ({ 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, 'x-attempt-device': deviceOf(s) })
  const index = new Map(sitters.map((s, i) => [s, i]))
  try {
    await heartbeat()
    // Every candidate starts at the same moment, as when a proctor says "you may begin".
    const start = await together(sitters, async (s) => {
      const res = await fetch(`${urlOf(index.get(s)!)}/api/v1/attempts`, { method: 'POST', headers: json(s), body: JSON.stringify({ registrationId: s.registrationId, module: 'QBA' }) })
      if (res.ok) {
        const attempt = (await res.clone().json()) as { id: string; items: { id: string; presentation: unknown }[] }
        s.attemptId = attempt.id
        s.items = attempt.items
      }
      return res
    })
    const ready = sitters.filter((s) => s.attemptId)
    if (ready.length === 0) throw new Error(`${layout.name}: no attempt started`)
    const rows: Record<string, string | number>[] = []
    const app: { rps: number; p50: number; p99: number; errors: number }[] = []
    const bareRps: number[] = []
    for (let round = 1; round <= options.rounds; round++) {
      const a = await saves(layout.apps.length === 1 ? layout.apps[0]! : layout.apps, ready, options.seconds, options.connections, false)
      const b = await saves(layout.bares.length === 1 ? layout.bares[0]! : layout.bares, ready, options.seconds, options.connections, true)
      app.push({ rps: a.rps, p50: a.p50, p99: a.p99, errors: a.errors + a.non2xx })
      bareRps.push(b.rps)
      rows.push({ layout: layout.name, round, 'saves/s': Math.round(a.rps), 'p50 ms': a.p50, 'p99 ms': a.p99, errors: a.errors, 'non-2xx': a.non2xx, 'bare upserts/s': Math.round(b.rps), 'bare p99 ms': b.p99, ratio: +(a.rps / b.rps).toFixed(3) })
    }
    const submit = await together(ready, (s) => fetch(`${urlOf(index.get(s)!)}/api/v1/attempts/${s.attemptId}/submit`, { method: 'POST', headers: json(s), body: '{}' }))
    return {
      start, submit, rounds: rows, appRps: median(app.map((a) => a.rps)), bareRps: median(bareRps),
      p50: median(app.map((a) => a.p50)), p99: median(app.map((a) => a.p99)), errors: app.reduce((n, a) => n + a.errors, 0),
    }
  } finally {
    clearInterval(beat)
  }
}

async function sqliteLayout(candidates: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-bench-delivery-'))
  const bareDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-bench-bare-'))
  console.log(`SQLite: preparing ${candidates} candidates…`)
  const fixtures = await prepare(dataDir, candidates)
  const app = await startServer('src/server/main.ts', { DATA_DIR: dataDir, MT1_DEMO: '0', DATABASE_URL: '', RATE_LIMIT_PUBLIC_PER_MINUTE: '0', LOG_LEVEL: 'error' }, '/api/v1/health')
  const bare = await startServer('bench/servers/bare-upsert.ts', { DATA_DIR: bareDir }, '/ready')
  await ready(app.url, '/api/v1/health')
  await ready(bare.url, '/ready')
  const layout: Layout = {
    name: 'SQLite, 1 process', apps: [app.url], bares: [bare.url],
    async stop() {
      await app.stop()
      await bare.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
      fs.rmSync(bareDir, { recursive: true, force: true })
    },
  }
  return { layout, fixtures }
}

/** Two app processes and two bare processes on fresh schemas of the PostgreSQL server, or null when none answers. */
async function postgresLayout(candidates: number) {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  try {
    await admin.connect()
  } catch (err) {
    console.log(`PostgreSQL part skipped: no server answers at ${url.replace(/\/\/[^@]*@/, '//…@')} (${err instanceof Error ? err.message : String(err)}).`)
    return null
  }
  const suffix = newSecret().toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 10)
  const schema = `bench_delivery_${suffix}`
  const bareSchema = `bench_bare_${suffix}`
  const dataDirs = [0, 1, 2].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-bench-delivery-pg-')))
  // Every instance on one database holds the same key-encryption key (as production sets it).
  const database = { DATABASE_URL: url, DATABASE_SCHEMA: schema, MT1_KEY_ENCRYPTION_KEY: randomBytes(32).toString('hex') }
  console.log(`PostgreSQL: preparing ${candidates} candidates on schema ${schema}…`)
  const fixtures = await prepare(dataDirs[0]!, candidates, database)
  const env = (i: number) => ({ DATA_DIR: dataDirs[i]!, MT1_DEMO: '0', ...database, RATE_LIMIT_PUBLIC_PER_MINUTE: '0', LOG_LEVEL: 'error' })
  const apps = [await startServer('src/server/main.ts', env(1), '/api/v1/health'), await startServer('src/server/main.ts', env(2), '/api/v1/health')]
  const bares = [await startServer('bench/servers/bare-pg-upsert.ts', { DATABASE_URL: url, DATABASE_SCHEMA: bareSchema }, '/ready'), await startServer('bench/servers/bare-pg-upsert.ts', { DATABASE_URL: url, DATABASE_SCHEMA: bareSchema }, '/ready')]
  for (const a of apps) await ready(a.url, '/api/v1/health')
  for (const b of bares) await ready(b.url, '/ready')
  const layout: Layout = {
    name: 'PostgreSQL, 2 processes', apps: apps.map((a) => a.url), bares: bares.map((b) => b.url),
    async stop() {
      for (const s of [...apps, ...bares]) await s.stop()
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await admin.query(`DROP SCHEMA IF EXISTS ${bareSchema} CASCADE`)
      await admin.end()
      for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true })
    },
  }
  return { layout, fixtures }
}

export async function run(): Promise<void> {
  const candidates = envNumber('BENCH_CANDIDATES', 2000)
  const options = { rounds: envNumber('BENCH_ROUNDS', 3), seconds: envNumber('BENCH_SECONDS', 5), connections: envNumber('BENCH_CONNECTIONS', 100) }
  const results: { name: string; m: Measured }[] = []
  // BENCH_LAYOUTS=postgres (or sqlite) runs one layout alone, when looking into it; the figure is SQLite's.
  const only = process.env.BENCH_LAYOUTS?.split(',')
  for (const [name, setUp] of [['sqlite', sqliteLayout], ['postgres', postgresLayout]] as const) {
    if (only && !only.includes(name)) continue
    const prepared = await setUp(candidates)
    if (!prepared) continue
    try {
      results.push({ name: prepared.layout.name, m: await measure(prepared.layout, prepared.fixtures, options) })
    } finally {
      await prepared.layout.stop()
    }
  }
  const sqlite = results[0]!.m
  printTable(results.flatMap(({ name, m }) => [
    { layout: name, phase: `start ${m.start.count} attempts at once`, 'p50 ms': Math.round(m.start.p50), 'p99 ms': Math.round(m.start.p99), errors: m.start.errors, 'wall s': +m.start.seconds.toFixed(2) },
    { layout: name, phase: `submit ${m.submit.count} attempts at once`, 'p50 ms': Math.round(m.submit.p50), 'p99 ms': Math.round(m.submit.p99), errors: m.submit.errors, 'wall s': +m.submit.seconds.toFixed(2) },
  ]))
  printTable(results.flatMap(({ m }) => m.rounds))
  printTable(results.map(({ name, m }) => ({ layout: name, 'saves/s (median)': Math.round(m.appRps), 'save p50 ms': m.p50, 'save p99 ms': m.p99, 'save errors': m.errors, 'bare upserts/s (median)': Math.round(m.bareRps), ratio: +(m.appRps / m.bareRps).toFixed(3) })))
  console.log(`${options.rounds} rounds of ${options.seconds}s with ${options.connections} connections; each save is answered after its durable commit (SQLite WAL, synchronous=FULL; PostgreSQL synchronous_commit on); the bare routes commit each upsert alone. On PostgreSQL, requests alternate between two app processes and between two bare processes.`)
  printResult({ bench: 'delivery', value: Math.round(sqlite.appRps), unit: 'saves/s', baseline: Math.round(sqlite.bareRps), ratio: +(sqlite.appRps / sqlite.bareRps).toFixed(3) })
}
