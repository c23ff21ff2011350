// Test delivery under load, through the real server on SQLite: simulated candidates (default 2,000)
// start their attempts at the same moment, save responses, and submit. The figure is saves per
// second sustained, against a bare Fastify upsert route on the same kind of database, in the same
// run; latencies (p50, p99) and errors are reported for each phase. Medians over rounds.
import { responseFor } from '../test/helpers/responses.js'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { buildApp } from '../src/server/app.js'
import { loadConfig } from '../src/server/config.js'
import { newId, newSecret, sha256 } from '../src/server/ids.js'
import { envNumber, median, printResult, printTable, startServer } from './lib/harness.js'

interface Person { cookie: string; csrf: string }
interface Sitter extends Person { registrationId: string; attemptId?: string; items?: { id: string; presentation: unknown }[] }

/** The test screen's device id for a candidate: an attempt is bound to the computer it starts on. */
const deviceOf = (s: Sitter) => `device-${s.registrationId}`

export async function prepare(dataDir: string, candidates: number) {
  // Fixtures go straight into the database file the server will open: a certified center and
  // proctor, a session running now, and candidates registered, checked in, with live logins.
  const app = await buildApp(loadConfig({ DATA_DIR: dataDir, MT1_DEMO: '0' }), { logger: false })
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
      if (!res.ok) errors++
      await res.arrayBuffer()
    } catch {
      errors++
    }
    latencies.push(performance.now() - t0)
  }))
  latencies.sort((a, b) => a - b)
  return { seconds: (performance.now() - began) / 1000, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors }
}

async function saves(url: string, sitters: Sitter[], seconds: number, connections: number, bare: boolean) {
  let next = 0
  const result = await autocannon({
    url, connections, duration: seconds,
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

export async function run(): Promise<void> {
  const candidates = envNumber('BENCH_CANDIDATES', 2000)
  const rounds = envNumber('BENCH_ROUNDS', 3)
  const seconds = envNumber('BENCH_SECONDS', 5)
  const connections = envNumber('BENCH_CONNECTIONS', 100)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-bench-delivery-'))
  const bareDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-bench-bare-'))
  console.log(`preparing ${candidates} candidates…`)
  const { sessionId, proctor, sitters } = await prepare(dataDir, candidates)
  const app = await startServer('src/server/main.ts', { DATA_DIR: dataDir, MT1_DEMO: '0', DATABASE_URL: '', RATE_LIMIT_PUBLIC_PER_MINUTE: '0', LOG_LEVEL: 'error' }, '/api/v1/health')
  const bare = await startServer('bench/servers/bare-upsert.ts', { DATA_DIR: bareDir }, '/ready')
  const heartbeat = () => fetch(`${app.url}/api/v1/sessions/${sessionId}/presence`, { method: 'POST', headers: { cookie: proctor.cookie, 'x-csrf-token': proctor.csrf } })
  const beat = setInterval(() => void heartbeat().catch(() => undefined), 10_000)
  const json = (s: Sitter) => ({ 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, 'x-attempt-device': deviceOf(s) })
  try {
    await heartbeat()
    // Every candidate starts at the same moment, as when a proctor says "you may begin".
    const start = await together(sitters, async (s) => {
      const res = await fetch(`${app.url}/api/v1/attempts`, { method: 'POST', headers: json(s), body: JSON.stringify({ registrationId: s.registrationId, module: 'QBA' }) })
      if (res.ok) {
        const attempt = (await res.clone().json()) as { id: string; items: { id: string; presentation: unknown }[] }
        s.attemptId = attempt.id
        s.items = attempt.items
      }
      return res
    })
    const ready = sitters.filter((s) => s.attemptId)
    if (ready.length === 0) throw new Error('no attempt started')

    const rows: Record<string, string | number>[] = []
    const appRps: number[] = []
    const bareRps: number[] = []
    for (let round = 1; round <= rounds; round++) {
      const a = await saves(app.url, ready, seconds, connections, false)
      const b = await saves(bare.url, ready, seconds, connections, true)
      appRps.push(a.rps)
      bareRps.push(b.rps)
      rows.push({ round, 'saves/s': Math.round(a.rps), 'p50 ms': a.p50, 'p99 ms': a.p99, errors: a.errors, 'non-2xx': a.non2xx, 'bare upserts/s': Math.round(b.rps), 'bare p99 ms': b.p99, ratio: +(a.rps / b.rps).toFixed(3) })
    }
    const submit = await together(ready, (s) => fetch(`${app.url}/api/v1/attempts/${s.attemptId}/submit`, { method: 'POST', headers: json(s), body: '{}' }))

    printTable([
      { phase: `start ${sitters.length} attempts at once`, 'p50 ms': Math.round(start.p50), 'p99 ms': Math.round(start.p99), errors: start.errors, 'wall s': +start.seconds.toFixed(2) },
      { phase: `submit ${ready.length} attempts at once`, 'p50 ms': Math.round(submit.p50), 'p99 ms': Math.round(submit.p99), errors: submit.errors, 'wall s': +submit.seconds.toFixed(2) },
    ])
    printTable(rows)
    console.log(`${rounds} rounds of ${seconds}s with ${connections} connections over ${ready.length} candidates' attempts; each save is answered after its durable commit (SQLite WAL, synchronous=FULL); the bare route commits each upsert alone.`)
    const value = median(appRps)
    const baseline = median(bareRps)
    printResult({ bench: 'delivery', value: Math.round(value), unit: 'saves/s', baseline: Math.round(baseline), ratio: +(value / baseline).toFixed(3) })
  } finally {
    clearInterval(beat)
    await app.stop()
    await bare.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
    fs.rmSync(bareDir, { recursive: true, force: true })
  }
}
