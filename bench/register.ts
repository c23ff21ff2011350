// Registrations per second under contention: many candidates register for the same session at
// once (the seat counter row is the contended resource), through the real server on SQLite, against
// a bare insert route on the same machine in the same run. Medians over rounds.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { buildApp } from '../src/server/app.js'
import { loadConfig } from '../src/server/config.js'
import { newId, newSecret, sha256 } from '../src/server/ids.js'
import { envNumber, median, printResult, printTable, startServer } from './lib/harness.js'

interface Candidate { cookie: string; csrf: string }

async function prepare(dataDir: string, candidates: number, rounds: number) {
  // Fixtures go straight into the database file the server will open: a certified center and
  // proctor, one big session per round, and candidates with live login sessions.
  const app = await buildApp(loadConfig({ DATA_DIR: dataDir, MT1_DEMO: '0' }), { logger: false })
  const now = new Date()
  const iso = (ms: number) => new Date(ms).toISOString()
  const proctor = await app.services.users.createWithPassword({ email: 'bench-proctor@bench.test', firstName: 'Bench', lastName: 'Proctor', roles: ['proctor'] })
  const centerId = newId()
  const sessionIds = Array.from({ length: rounds + 1 }, () => newId())
  const people: Candidate[] = []
  await app.db.transaction().execute(async (trx) => {
    await trx.insertInto('centers').values({ id: centerId, name: 'Bench Center', kind: 'center', address_line1: '1 Bench St', address_line2: null, city: 'Richmond', state: 'VA', postal_code: '23219', phone: null, email: null, status: 'certified', certified_until: iso(now.getTime() + 400 * 86_400_000), created_at: iso(now.getTime()), time_zone: 'America/New_York' }).execute()
    await trx.insertInto('proctor_certifications').values({ user_id: proctor.id, training_completed_on: iso(now.getTime()), agreement_signed_on: iso(now.getTime()), coi_declared_on: iso(now.getTime()), certified_until: iso(now.getTime() + 400 * 86_400_000), status: 'certified', updated_at: iso(now.getTime()), updated_by: null }).execute()
    for (const id of sessionIds) {
      await trx.insertInto('test_sessions').values({ id, center_id: centerId, starts_at: iso(now.getTime() + 10 * 86_400_000), ends_at: iso(now.getTime() + 10 * 86_400_000 + 4 * 3_600_000), seats: 500, modules: '["MM","SRMT","QBA"]', status: 'scheduled', created_at: iso(now.getTime()), created_by: null }).execute()
    }
    for (let i = 0; i < candidates; i++) {
      const id = newId()
      const token = newSecret()
      const csrf = newSecret()
      await trx.insertInto('users').values({ id, email: `bench-${i}@bench.test`, password_hash: null, first_name: 'Bench', last_name: `Candidate ${i}`, status: 'active', created_at: iso(now.getTime()), updated_at: iso(now.getTime()) }).execute()
      await trx.insertInto('user_roles').values({ user_id: id, role: 'candidate', granted_at: iso(now.getTime()), granted_by: null }).execute()
      await trx.insertInto('auth_sessions').values({ id_hash: sha256(token), user_id: id, csrf_token: csrf, created_at: iso(now.getTime()), last_seen_at: iso(now.getTime()), expires_at: iso(now.getTime() + 8 * 3_600_000) }).execute()
      people.push({ cookie: `mt1_session=${token}`, csrf })
    }
  })
  await app.close()
  return { sessionIds, people }
}

async function loadRegistrations(url: string, sessionId: string, people: Candidate[], seconds: number, connections: number) {
  let next = 0
  const result = await autocannon({
    url, connections, duration: seconds, method: 'POST',
    requests: [{
      method: 'POST', path: '/api/v1/registrations',
      setupRequest: (req) => {
        const who = people[next++ % people.length]!
        return { ...req, headers: { 'content-type': 'application/json', cookie: who.cookie, 'x-csrf-token': who.csrf }, body: JSON.stringify({ sessionId, modules: ['MM', 'QBA'], waitlist: true }) }
      },
    }],
  })
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx, sent: next }
}

export async function run(): Promise<void> {
  const rounds = envNumber('BENCH_ROUNDS', 3)
  const seconds = envNumber('BENCH_SECONDS', 5)
  const connections = envNumber('BENCH_CONNECTIONS', 20)
  const perRound = envNumber('BENCH_CANDIDATES', 6000)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-bench-register-'))
  const bareDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-bench-bare-'))
  console.log(`preparing ${perRound * rounds} candidates…`)
  const { sessionIds, people } = await prepare(dataDir, perRound * rounds, rounds)
  const app = await startServer('src/server/main.ts', { DATA_DIR: dataDir, MT1_DEMO: '0', DATABASE_URL: '', RATE_LIMIT_PUBLIC_PER_MINUTE: '0' }, '/api/v1/health')
  const bare = await startServer('bench/servers/bare-insert.ts', { DATA_DIR: bareDir }, '/ready')
  const rows: Record<string, string | number>[] = []
  const appRps: number[] = []
  const bareRps: number[] = []
  try {
    for (let round = 1; round <= rounds; round++) {
      const cohort = people.slice((round - 1) * perRound, round * perRound)
      const a = await loadRegistrations(app.url, sessionIds[round - 1]!, cohort, seconds, connections)
      if (a.sent > cohort.length) console.warn(`round ${round}: more requests than candidates; later ones were refused as already registered`)
      const b = await autocannon({ url: `${bare.url}/insert`, connections, duration: seconds, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: 's', modules: ['MM', 'QBA'] }) })
      appRps.push(a.rps)
      bareRps.push(b.requests.average)
      rows.push({ round, 'registrations/s': Math.round(a.rps), 'p50 ms': a.p50, 'p99 ms': a.p99, 'errors': a.errors, 'non-2xx': a.non2xx, 'bare inserts/s': Math.round(b.requests.average), ratio: +(a.rps / b.requests.average).toFixed(3) })
    }
  } finally {
    await app.stop()
    await bare.stop()
  }
  printTable(rows)
  console.log(`${rounds} rounds of ${seconds}s, ${connections} connections, one session per round (500 seats, then the waitlist); each registration also writes its audit entry and its email.`)
  const value = median(appRps)
  const baseline = median(bareRps)
  printResult({ bench: 'register', value: Math.round(value), unit: 'registrations/s', baseline: Math.round(baseline), ratio: +(value / baseline).toFixed(3) })
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.rmSync(bareDir, { recursive: true, force: true })
}
