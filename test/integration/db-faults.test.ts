// Database faults are survivable. The real server runs as its own process on a PostgreSQL cluster
// of the test's own (never the machine's main cluster), while candidates save answers through HTTP
// without pause. The cluster is (a) stopped for 10 s and started again, (b) has every backend of
// the app terminated, (c) is frozen with SIGSTOP for 10 s and then continued. Throughout:
// - the process stays up;
// - every request is answered (200, or 503 DATABASE_UNAVAILABLE with Retry-After while the database
//   is away), never a 500, never a hang (each request is timed against a generous correctness
//   bound; the contract is "an answer", not a speed);
// - it serves saves again within 10 s of the database's return, by itself;
// - no acknowledged save is lost: every save answered 200 is there afterwards with its value.
// On SQLite, a write that waits out another process's lock gets the same 503 instead of a 500.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { call } from '../helpers/http-client.js'
import { createPgCluster, pgClusterToolsInstalled, type PgCluster } from '../helpers/pg-cluster.js'
import { responseFor } from '../helpers/responses.js'
import { killServerProcesses, startServerProcess, type ServerProcess } from '../helpers/server-process.js'
import { createTestApp, type TestApp } from '../helpers/test-app.js'

/** No request may take longer than this to be answered: a correctness bound (no hang), not a speed. */
const ANSWER_BOUND_MS = 15_000
/** The requirement: saves succeed again within this long after the database is back. */
const RECOVERY_BOUND_MS = 10_000
const OUTAGE_MS = 10_000
const CANDIDATES = 6

const clusterTools = pgClusterToolsInstalled()
if (!clusterTools) console.warn('[db-faults] pg_createcluster (postgresql-common) is not installed: the PostgreSQL fault-injection test is skipped.')

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

interface Client { cookie: string; csrf: string; device?: string }
interface Answer { status: number; json: any; retryAfter: string | null; setCookie: string | null }
/** One request as the test saw it: when it started and ended, and how it was answered. */
interface Outcome { what: string; start: number; end: number; status: number | 'no answer' | 'network error' }

/** Every request the fault test sends, with its timing and answer. */
const outcomes: Outcome[] = []

async function send(base: string, who: Client | null, method: string, url: string, body?: unknown, what = `${method} ${url}`): Promise<Answer | null> {
  const headers: Record<string, string> = {}
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (who) Object.assign(headers, { cookie: who.cookie, 'x-csrf-token': who.csrf }, who.device ? { 'x-attempt-device': who.device } : {})
  const start = Date.now()
  try {
    const res = await fetch(`${base}${url}`, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      // A request still unanswered at the bound has hung: record it as such instead of waiting on.
      signal: AbortSignal.timeout(ANSWER_BOUND_MS + 5_000),
    })
    const text = await res.text()
    outcomes.push({ what, start, end: Date.now(), status: res.status })
    return { status: res.status, json: text ? JSON.parse(text) : undefined, retryAfter: res.headers.get('retry-after'), setCookie: res.headers.get('set-cookie') }
  } catch (err) {
    const timedOut = (err as Error).name === 'TimeoutError'
    outcomes.push({ what, start, end: Date.now(), status: timedOut ? 'no answer' : 'network error' })
    return null
  }
}

async function must(base: string, who: Client | null, method: string, url: string, body: unknown, expected: number): Promise<Answer> {
  const res = await send(base, who, method, url, body)
  if (!res || res.status !== expected) throw new Error(`${method} ${url}: expected ${expected}, got ${res?.status ?? 'no answer'} ${JSON.stringify(res?.json)}`)
  return res
}

async function signIn(base: string, email: string, password: string, registerAs?: { firstName: string; lastName: string }): Promise<Client> {
  const res = registerAs
    ? await must(base, null, 'POST', '/api/v1/auth/register', { email, password, ...registerAs }, 201)
    : await must(base, null, 'POST', '/api/v1/auth/login', { email, password }, 200)
  return { cookie: res.setCookie!.split(';')[0]!, csrf: res.json.csrfToken, device: `device-${email.replace(/[^A-Za-z0-9]/g, '-')}` }
}

describe.skipIf(!clusterTools)('PostgreSQL faults while candidates save answers', () => {
  let cluster: PgCluster | undefined
  let dataDir: string | undefined
  afterAll(async () => {
    killServerProcesses()
    await cluster?.drop()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('stays up, answers 503 (never 500, never a hang) while the database is away, recovers by itself, and loses no acknowledged save', async () => {
    cluster = await createPgCluster()
    const db = cluster
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-dbfaults-'))
    const server: ServerProcess = await startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: db.url, RATE_LIMIT_PUBLIC_PER_MINUTE: '0' }, 120_000)
    let exitedWith: string | null = null
    server.child.once('exit', (code, signal) => { exitedWith = `code ${code}, signal ${signal}` })
    const base = server.base
    const log = () => server.output().slice(-4000)

    const staff = await signIn(base, 'admin@demo.test', 'mt1-demo')
    const proctor = await signIn(base, 'proctor@demo.test', 'mt1-demo')
    const sessionId = (await must(base, null, 'GET', '/api/v1/sessions', undefined, 200)).json.items.find((s: { status: string }) => s.status === 'in_progress').id as string
    await must(base, proctor, 'POST', `/api/v1/sessions/${sessionId}/presence`, undefined, 200)
    const sitters = []
    for (let i = 0; i < CANDIDATES; i++) {
      const who = await signIn(base, `fault-${i}@example.com`, 'correct horse battery', { firstName: 'Fault', lastName: `Tester ${i}` })
      const me = (await must(base, who, 'GET', '/api/v1/me', undefined, 200)).json.user.id as string
      const reg = await must(base, staff, 'POST', '/api/v1/admin/registrations', { candidateId: me, sessionId, modules: ['QBA'], overrideReason: 'Fault test walk-in' }, 201)
      await must(base, proctor, 'POST', `/api/v1/sessions/${sessionId}/checkins`, { registrationId: reg.json.id, idVerified: true }, 201)
      const started = await must(base, who, 'POST', '/api/v1/attempts', { registrationId: reg.json.id, module: 'QBA' }, 201)
      sitters.push({ who, attempt: started.json as { id: string; items: { id: string; presentation: unknown }[] } })
    }
    const setupDone = outcomes.length

    // Candidates save answer after answer; a 503 is waited out briefly, as the test screen's queue
    // does. The latest acknowledged save of each item is kept.
    const acknowledged = new Map<string, { seq: number; value: unknown }>()
    const saves: { start: number; end: number; status: number | string }[] = []
    /** 503s to saves that are not the contract's DATABASE_UNAVAILABLE with a Retry-After. */
    const unexplained503: unknown[] = []
    let stop = false
    const answering = sitters.map(async ({ who, attempt }, c) => {
      for (let seq = 1; !stop; seq++) {
        const shown = attempt.items[seq % attempt.items.length]!
        const value = responseFor(shown, seq + c)
        const start = Date.now()
        const res = await send(base, who, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${shown.id}`, { response: value, seq }, 'save')
        saves.push({ start, end: Date.now(), status: res?.status ?? 'no answer' })
        if (res?.status === 200 && res.json.applied) acknowledged.set(`${attempt.id}/${shown.id}`, { seq, value })
        if (res?.status === 503 && (res.json?.error?.code !== 'DATABASE_UNAVAILABLE' || !(Number(res.retryAfter) > 0))) unexplained503.push({ body: res.json, retryAfter: res.retryAfter })
        if (res?.status !== 200) await sleep(200)
      }
    })
    // The proctor stays present (a session without its proctor is paused by the sweep).
    const presence = (async () => {
      while (!stop) {
        await send(base, proctor, 'POST', `/api/v1/sessions/${sessionId}/presence`, undefined, 'presence')
        await sleep(2_000)
      }
    })()

    const acksAfter = (t: number) => saves.filter((s) => s.status === 200 && s.start >= t).length
    /** Waits until a save started after `t` is acknowledged; returns when that answer came. */
    async function servedAgainAfter(t: number): Promise<number> {
      for (const until = t + RECOVERY_BOUND_MS + 20_000; Date.now() < until;) {
        const first = saves.find((s) => s.status === 200 && s.start >= t)
        if (first) return first.end
        await sleep(50)
      }
      return Infinity
    }
    const answersBetween = (from: number, to: number) => outcomes.filter((o) => o.start >= from && o.start < to)

    // Steady saving first.
    const warm = Date.now()
    while (acksAfter(warm) < CANDIDATES * 15) await sleep(50)

    // (a) Stopped for 10 s, then started again.
    const stoppedAt = Date.now()
    await db.stop()
    await sleep(1_000)
    const health = await send(base, null, 'GET', '/api/v1/health')
    expect(health?.status).toBe(503)
    expect(health?.json).toEqual({ status: 'unavailable', database: 'unavailable' })
    expect(Number(health?.retryAfter)).toBeGreaterThan(0)
    expect((await send(base, null, 'GET', '/api/v1/health/ready'))?.status).toBe(503)
    const live = await send(base, null, 'GET', '/api/v1/health/live')
    expect([live?.status, live?.json]).toEqual([200, { status: 'ok' }])
    await sleep(OUTAGE_MS - 1_000)
    await db.start()
    const restartedAt = Date.now()
    const servedAfterRestart = await servedAgainAfter(restartedAt)
    const stopped503 = answersBetween(stoppedAt, restartedAt).filter((o) => o.status === 503).length

    // (b) Every backend of the app terminated, twice in a row.
    await sleep(1_000)
    const terminatedAt = Date.now()
    const terminated = (await db.terminateBackends()) + (await sleep(300), await db.terminateBackends())
    const terminateDoneAt = Date.now()
    const servedAfterTerminate = await servedAgainAfter(terminateDoneAt)

    // (c) Frozen (SIGSTOP on the postmaster and its children) for 10 s, then continued.
    await sleep(1_000)
    const frozenAt = Date.now()
    db.freeze()
    let thawedAt: number
    try {
      await sleep(OUTAGE_MS)
    } finally {
      db.thaw()
      thawedAt = Date.now()
    }
    const servedAfterThaw = await servedAgainAfter(thawedAt)
    const frozen503 = answersBetween(frozenAt, thawedAt).filter((o) => o.status === 503).length

    await sleep(1_000)
    stop = true
    await Promise.all([...answering, presence])
    const after = await send(base, null, 'GET', '/api/v1/health')
    expect(after?.json).toEqual({ status: 'ok', database: 'postgres' })

    // The process stayed up, and never died of an unhandled 'error' event.
    expect(exitedWith, log()).toBeNull()
    expect(server.child.exitCode).toBeNull()
    expect(server.output()).not.toMatch(/Unhandled 'error' event|unhandled error/)

    // Every request was answered within the bound: 200 or 503, never a 500, never a hang.
    const during = outcomes.slice(setupDone)
    const wrong = during.filter((o) => o.status !== 200 && o.status !== 503)
    expect(wrong, log()).toEqual([])
    const slow = during.filter((o) => o.end - o.start > ANSWER_BOUND_MS)
    expect(slow, log()).toEqual([])
    expect(unexplained503).toEqual([])

    // The outages were seen, and answered 503 while they lasted.
    expect(stopped503).toBeGreaterThan(0)
    expect(frozen503).toBeGreaterThan(0)
    expect(terminated).toBeGreaterThan(0)

    // Serving again within 10 s of the database's return, by itself.
    expect(servedAfterRestart - restartedAt, log()).toBeLessThanOrEqual(RECOVERY_BOUND_MS)
    expect(servedAfterTerminate - terminateDoneAt, log()).toBeLessThanOrEqual(RECOVERY_BOUND_MS)
    expect(servedAfterThaw - thawedAt, log()).toBeLessThanOrEqual(RECOVERY_BOUND_MS)

    // No acknowledged save is lost.
    expect(acknowledged.size).toBeGreaterThan(0)
    for (const { who, attempt } of sitters) {
      const stored = (await must(base, who, 'GET', `/api/v1/attempts/${attempt.id}`, undefined, 200)).json
      for (const item of attempt.items) {
        const ack = acknowledged.get(`${attempt.id}/${item.id}`)
        if (!ack) continue
        const kept = stored.responses[item.id]
        // A save answered 503 may still have committed (its answer was lost with the connection):
        // then the stored one is newer. It is never older than what was acknowledged.
        expect(kept?.seq, `${attempt.id}/${item.id}`).toBeGreaterThanOrEqual(ack.seq)
        if (kept.seq === ack.seq) expect(kept.response).toEqual(ack.value)
      }
    }
    const count = (s: number | string) => saves.filter((x) => x.status === s).length
    console.info(
      `[db-faults] ${saves.length} saves: ${count(200)} acknowledged, ${count(503)} answered 503; ` +
      `503s while stopped ${stopped503}, while frozen ${frozen503}; ${terminated} backends terminated at +${terminateDoneAt - terminatedAt} ms; ` +
      `served again ${servedAfterRestart - restartedAt} ms after restart, ${servedAfterTerminate - terminateDoneAt} ms after termination, ${servedAfterThaw - thawedAt} ms after thaw; ` +
      `slowest answer ${Math.max(...during.map((o) => o.end - o.start))} ms`,
    )
  }, 300_000)
})

describe('health and lock waits on SQLite', () => {
  let t: TestApp | undefined
  afterEach(async () => t?.close())

  it('splits health into liveness and readiness, both described in OpenAPI with the 503 of an unavailable database', async () => {
    t = await createTestApp('sqlite')
    expect((await call(t.app, 'GET', '/api/v1/health')).json()).toEqual({ status: 'ok', database: 'sqlite' })
    expect((await call(t.app, 'GET', '/api/v1/health/live')).json()).toEqual({ status: 'ok' })
    expect((await call(t.app, 'GET', '/api/v1/health/ready')).json()).toEqual({ status: 'ok', database: 'sqlite' })
    const paths = (await call(t.app, 'GET', '/api/openapi.json')).json().paths
    for (const p of ['/api/v1/health', '/api/v1/health/ready']) {
      expect(paths[p].get.responses['503'].content['application/json'].schema.properties.database.enum, p).toEqual(['unavailable'])
      expect(paths[p].get.responses['503'].headers, p).toHaveProperty('retry-after')
    }
    expect(paths['/api/v1/health/live'].get.responses).toHaveProperty('200')
  })

  it('answers a write that waits out another process\'s lock 503 DATABASE_UNAVAILABLE with Retry-After, stores nothing, and succeeds once the lock is gone', async () => {
    t = await createTestApp('sqlite')
    const holder = new SQLite(path.join(t.dataDir, 'mt1.sqlite'))
    const body = { email: 'locked-out@example.com', password: 'correct horse battery', firstName: 'Locked', lastName: 'Out' }
    try {
      holder.exec('begin immediate') // the write lock, held past the app's busy_timeout
      const refused = await call(t.app, 'POST', '/api/v1/auth/register', { body })
      expect(refused.statusCode, refused.body).toBe(503)
      expect(refused.json().error.code).toBe('DATABASE_UNAVAILABLE')
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    } finally {
      holder.exec('rollback')
      holder.close()
    }
    const users = await t.app.db.selectFrom('users').select('email').where('email', '=', body.email).execute()
    expect(users).toEqual([])
    const again = await call(t.app, 'POST', '/api/v1/auth/register', { body })
    expect(again.statusCode, again.body).toBe(201)
  })
})
