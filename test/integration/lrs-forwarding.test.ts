// Forwarding learning records to external learning record stores, against real HTTP servers started
// here (test/helpers/local-lrs.ts) that check what an LRS checks: the method and path, the version
// header, Basic credentials and valid statements. A store that answers 503 first gets the statement on
// the retry; one that always fails ends failed with its error shown to staff; a 409 for a batch is sent
// again one by one; a dead or hanging store neither slows nor fails the learner; hostile addresses are
// refused; and an endpoint's secret appears in no answer, no log line and no audit entry.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LearningEvent } from '../../src/common/learning/xapi-statements.js'
import type { LrsDeliveryStatus, LrsEndpointView, LrsTestResult } from '../../src/common/schemas/learning-records.js'
import { buildApp } from '../../src/server/app.js'
import { loadConfig } from '../../src/server/config.js'
import { seedDemo } from '../../src/server/db/seed/demo.js'
import { inTransaction } from '../../src/server/db/transaction.js'
import { MAX_ATTEMPTS, retryDelayMs } from '../../src/server/modules/learning-records/delivery-policy.js'
import { call as rawCall, errorCode, login, register, type Session } from '../helpers/http-client.js'
import { closedPort, startLocalLrs, type LocalLrs } from '../helpers/local-lrs.js'
import { databases, removeTestStorage, testClock, type TestClock } from '../helpers/test-app.js'

const KEY = 'mt1-forwarding'
const SECRET = 'Sup3r-Secret-7f9e2c4b-lrs'
const TOKEN = Buffer.from(`${KEY}:${SECRET}`).toString('base64')

describe.each(databases)('forwarding statements to external learning record stores on %s', (kind) => {
  let app: FastifyInstance
  let clock: TestClock
  let dataDir: string
  let schema: string | undefined
  const logLines: string[] = []
  const bodies: string[] = []
  const servers: LocalLrs[] = []
  let staff: Session
  let learner: Session
  let seq = 0

  const call: typeof rawCall = async (...args) => {
    const res = await rawCall(...args)
    bodies.push(res.body)
    return res
  }
  const lesson = (n = seq++): LearningEvent => ({
    userId: learner.userId, verb: 'experienced', object: { kind: 'lesson', ref: `MEAS-${n % 9 + 1}`, name: `Measurement lesson ${n}` }, skill: 'MEAS', module: 'MM',
  })
  const record = (events: LearningEvent[]) => inTransaction(app.db, (trx) => app.services.learningRecords.record(trx, events))
  const lrs = async (o: { basePath?: string } = {}) => {
    const server = await startLocalLrs({ key: KEY, secret: SECRET, ...o })
    servers.push(server)
    return server
  }
  const addEndpoint = async (body: Record<string, unknown>) => {
    const res = await call(app, 'POST', '/api/v1/admin/learning-record-stores', { session: staff, body: { name: `Store ${seq++}`, ownerKind: 'program', authKey: KEY, authSecret: SECRET, ...body } })
    expect(res.statusCode, res.body).toBe(201)
    return res.json() as LrsEndpointView
  }
  const deactivate = async (id: string) => expect((await call(app, 'PATCH', `/api/v1/admin/learning-record-stores/${id}`, { session: staff, body: { active: false } })).statusCode).toBe(200)
  const endpoint = async (id: string) => {
    const res = await call(app, 'GET', '/api/v1/admin/learning-record-stores', { session: staff })
    return (res.json().items as LrsEndpointView[]).find((e) => e.id === id)!
  }
  const status = async () => (await call(app, 'GET', '/api/v1/admin/learning-record-deliveries', { session: staff })).json() as LrsDeliveryStatus
  const dispatch = () => app.services.learningRecordStores.dispatcher.dispatchDue()
  const relogin = async () => {
    staff = await login(app, 'admin@demo.test', 'mt1-demo')
    learner = await login(app, `learner-${kind}@lrs.test`, 'correct horse battery')
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-lrs-'))
    schema = kind === 'postgres' ? `t_${randomBytes(6).toString('hex')}` : undefined
    const config = loadConfig(
      { DATA_DIR: dataDir, MT1_DEMO: '0', PUBLIC_URL: 'http://mt1.test' },
      { databaseUrl: kind === 'postgres' ? process.env.TEST_DATABASE_URL : undefined, databaseSchema: schema, logLevel: 'trace' },
    )
    clock = testClock()
    // Every log line the app writes, at the most talkative level, to look for the secret in.
    app = await buildApp(config, { clock, logger: { level: 'trace', stream: { write: (line: string) => { logLines.push(line) } } } })
    await seedDemo(app, clock())
    staff = await login(app, 'admin@demo.test', 'mt1-demo')
    learner = await register(app, { email: `learner-${kind}@lrs.test` })
  }, 120_000)
  afterAll(async () => {
    await app?.close()
    for (const s of servers) await s.close()
    await removeTestStorage(dataDir, schema)
  })

  it('sends a statement after its commit, retries a 503 after the back-off, and counts it delivered', async () => {
    const store = await lrs()
    const created = await addEndpoint({ url: store.url.replace(/\/$/, '') })
    expect(created).toMatchObject({ ownerKind: 'program', ownerName: 'The whole program', url: store.url, authKey: KEY, secretSet: true, active: true, deliveries: { pending: 0, sent: 0, failed: 0 } })
    expect(created).not.toHaveProperty('authSecret')

    store.answers.push(503)
    const [statement] = await record([lesson()])
    expect(await dispatch()).toEqual({ sent: 0, retrying: 1, failed: 0 })
    expect(store.requests).toHaveLength(1)
    const first = store.requests[0]!
    expect(first).toMatchObject({ method: 'POST', path: '/xapi/statements', version: '1.0.3', authorization: `Basic ${TOKEN}`, problems: [], status: 503 })
    expect(first.contentType).toMatch(/^application\/json/)
    const sent = (first.body as Record<string, unknown>[])[0]!
    expect(sent.id).toBe(statement!.id)
    expect(sent).not.toHaveProperty('stored')
    expect(sent).not.toHaveProperty('authority')
    expect(sent).not.toHaveProperty('version')
    expect(sent.actor).toEqual(statement!.actor)

    const waiting = await status()
    expect(waiting.totals.pending).toBe(1)
    expect(waiting.errors[0]).toMatchObject({ endpointId: created.id, endpointName: created.name, statementId: statement!.id, status: 'pending', attempts: 1 })
    expect(waiting.errors[0]!.error).toMatch(/^HTTP 503/)
    expect(Date.parse(waiting.errors[0]!.nextAttemptAt!) - clock().getTime()).toBe(retryDelayMs(1))

    // Not due yet: nothing is sent before the back-off ends.
    expect(await dispatch()).toEqual({ sent: 0, retrying: 0, failed: 0 })
    clock.advance(retryDelayMs(1))
    expect(await dispatch()).toEqual({ sent: 1, retrying: 0, failed: 0 })
    expect(store.requests).toHaveLength(2)
    expect(store.requests[1]).toMatchObject({ status: 200, problems: [] })
    expect((store.requests[1]!.body as { id: string }[]).map((s) => s.id)).toEqual([statement!.id])
    expect((await endpoint(created.id)).deliveries).toEqual({ pending: 0, sent: 1, failed: 0 })
    expect((await status()).errors.filter((e) => e.endpointId === created.id)).toEqual([])
    await deactivate(created.id)
  })

  it('gives up on a store that keeps failing after a bounded number of attempts, shows the error, and sends again when staff retry', async () => {
    const store = await lrs({ basePath: '/data/xAPI/' })
    store.defaultStatus = 500
    const failing = await addEndpoint({ url: store.url })
    const [statement] = await record([lesson()])
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const totals = await dispatch()
      expect(totals, `attempt ${attempt}`).toEqual(attempt < MAX_ATTEMPTS ? { sent: 0, retrying: 1, failed: 0 } : { sent: 0, retrying: 0, failed: 1 })
      clock.advance(retryDelayMs(attempt))
    }
    expect(store.requests).toHaveLength(MAX_ATTEMPTS)
    expect(store.requests.every((r) => r.path === '/data/xAPI/statements' && r.problems.length === 0)).toBe(true)
    // Failed for good: no further attempt however long it waits.
    clock.advance(24 * 3_600_000)
    expect(await dispatch()).toEqual({ sent: 0, retrying: 0, failed: 0 })
    // A day passed on the test clock: the sessions lapsed.
    await relogin()
    expect((await endpoint(failing.id)).deliveries).toEqual({ pending: 0, sent: 0, failed: 1 })
    const shown = (await status()).errors.find((e) => e.endpointId === failing.id)!
    expect(shown).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, statementId: statement!.id, endpointName: failing.name, nextAttemptAt: null })
    expect(shown.error).toMatch(new RegExp(`^HTTP 500: .*store unavailable.* Gave up after ${MAX_ATTEMPTS} attempts\\.$`))

    // Staff repair the store and put the failed delivery back in the queue.
    store.defaultStatus = 200
    const retried = await call(app, 'POST', `/api/v1/admin/learning-record-stores/${failing.id}/retry`, { session: staff })
    expect(retried.statusCode, retried.body).toBe(200)
    expect(retried.json()).toMatchObject({ requeued: 1, endpoint: { deliveries: { pending: 1, failed: 0 } } })
    expect(await dispatch()).toEqual({ sent: 1, retrying: 0, failed: 0 })
    await deactivate(failing.id)
  })

  it('fails at once when the store refuses the credentials: no retry changes that answer', async () => {
    const store = await lrs()
    const wrong = await addEndpoint({ url: store.url, authSecret: 'not-the-secret' })
    await record([lesson()])
    expect(await dispatch()).toEqual({ sent: 0, retrying: 0, failed: 1 })
    expect(store.requests).toHaveLength(1)
    expect(store.requests[0]!.status).toBe(401)
    expect((await status()).errors.find((e) => e.endpointId === wrong.id)).toMatchObject({ status: 'failed', attempts: 1 })
    await deactivate(wrong.id)
  })

  it('sends a batch refused with 409 again one by one, and counts a statement the store already has as delivered', async () => {
    const store = await lrs()
    const batch = await addEndpoint({ url: store.url })
    store.answers.push(409, 200, 409, 204)
    const statements = await record([lesson(), lesson(), lesson()])
    expect(await dispatch()).toEqual({ sent: 3, retrying: 0, failed: 0 })
    expect(store.requests.map((r) => (r.body as unknown[]).length)).toEqual([3, 1, 1, 1])
    expect(store.requests.slice(1).map((r) => (r.body as { id: string }[])[0]!.id).sort()).toEqual(statements.map((s) => s.id).sort())
    expect((await endpoint(batch.id)).deliveries).toEqual({ pending: 0, sent: 3, failed: 0 })
    // Sending the same statements again would send the same ids: nothing about a statement changes between attempts.
    expect(new Set(store.requests.flatMap((r) => (r.body as { id: string }[]).map((s) => s.id)))).toEqual(new Set(statements.map((s) => s.id)))
    await deactivate(batch.id)
  })

  it('neither slows nor fails the learner when a store is dead or hangs', async () => {
    const dead = await addEndpoint({ url: `http://127.0.0.1:${await closedPort()}/xapi/` })
    const hanging = await lrs()
    hanging.hang = true
    const slow = await addEndpoint({ url: hanging.url })
    app.services.learningRecordStores.startDispatcher(60_000)
    try {
      // The kick after the commit starts a pass that waits on the hanging store…
      await record([lesson()])
      await expect.poll(() => hanging.open(), { timeout: 5_000 }).toBeGreaterThan(0)
      // …while a learner's recording and reading go on at their usual pace.
      for (let i = 0; i < 5; i++) {
        const started = performance.now()
        await record([lesson(), lesson()])
        const res = await call(app, 'GET', '/api/v1/me/learning-records?limit=5', { session: learner })
        expect(res.statusCode).toBe(200)
        expect(performance.now() - started).toBeLessThan(1_000)
      }
      // The dead store's deliveries are waiting for a retry with the reason.
      await expect.poll(async () => (await status()).errors.find((e) => e.endpointId === dead.id)?.error ?? '', { timeout: 10_000 }).toMatch(/Connection refused/)
    } finally {
      // The hanging store goes away: its request ends, the pass finishes, forwarding stops.
      await hanging.close()
      await app.services.learningRecordStores.stopDispatcher()
    }
    const slowErrors = (await status()).errors.filter((e) => e.endpointId === slow.id)
    expect(slowErrors.length).toBeGreaterThan(0)
    expect(slowErrors.every((e) => e.status === 'pending' && /Network error|No answer/.test(e.error))).toBe(true)
    await deactivate(dead.id)
    await deactivate(slow.id)
  })

  it('sends a test statement on request and says what the store answered', async () => {
    const store = await lrs()
    const target = await addEndpoint({ url: store.url })
    const res = await call(app, 'POST', `/api/v1/admin/learning-record-stores/${target.id}/test`, { session: staff })
    expect(res.statusCode, res.body).toBe(200)
    const result = res.json() as LrsTestResult
    expect(result).toMatchObject({ ok: true, status: 200, detail: 'Delivered: the store answered HTTP 200.', endpoint: { lastTest: { ok: true } } })
    expect(store.requests).toHaveLength(1)
    expect(store.requests[0]).toMatchObject({ problems: [], status: 200 })
    expect((store.requests[0]!.body as { id: string }[])[0]!.id).toBe(result.statementId)
    // Not a learning record: nothing queued for it, nothing in the staff member's record.
    expect((await endpoint(target.id)).deliveries).toEqual({ pending: 0, sent: 0, failed: 0 })
    expect((await call(app, 'GET', `/api/v1/admin/people/${staff.userId}/learning-records`, { session: staff })).json().items).toEqual([])

    store.defaultStatus = 503
    const failed = (await call(app, 'POST', `/api/v1/admin/learning-record-stores/${target.id}/test`, { session: staff })).json() as LrsTestResult
    expect(failed).toMatchObject({ ok: false, status: 503, endpoint: { lastTest: { ok: false } } })
    expect(failed.detail).toMatch(/^HTTP 503/)
    await deactivate(target.id)
    const closed = await addEndpoint({ url: `http://127.0.0.1:${await closedPort()}/` })
    expect((await call(app, 'POST', `/api/v1/admin/learning-record-stores/${closed.id}/test`, { session: staff })).json()).toMatchObject({ ok: false, status: null, detail: expect.stringMatching(/Connection refused/) })
    await deactivate(closed.id)
  })

  it('keeps endpoints for a center or an employer, and sends them only the statements of their learners', async () => {
    const centers = (await call(app, 'GET', '/api/v1/admin/learning-record-organisations', { session: staff })).json() as { centers: { id: string; name: string }[]; employers: { id: string; email: string }[] }
    const center = centers.centers.find((c) => c.name === 'MT1 Demo Assessment Center')!
    const employer = centers.employers.find((e) => e.email === 'employer@demo.test')!
    const store = await lrs()
    const forCenter = await addEndpoint({ url: store.url, ownerKind: 'center', ownerId: center.id })
    const forEmployer = await addEndpoint({ url: store.url, ownerKind: 'employer', ownerId: employer.id })
    expect(forCenter.ownerName).toBe('MT1 Demo Assessment Center')
    expect(forEmployer.ownerName).toMatch(/\(employer@demo\.test\)$/)
    // This learner belongs to no center or employer (the audience is the training module's answer), so neither gets the statement.
    await record([lesson()])
    expect(await dispatch()).toEqual({ sent: 0, retrying: 0, failed: 0 })
    expect(store.requests).toEqual([])
    for (const [body, field] of [
      [{ ownerKind: 'center', ownerId: '00000000-0000-4000-8000-000000000000' }, 'ownerId'],
      [{ ownerKind: 'center' }, 'ownerId'],
      [{ ownerKind: 'employer', ownerId: learner.userId }, 'ownerId'],
      [{ ownerKind: 'program', ownerId: center.id }, 'ownerId'],
    ] as const) {
      const res = await call(app, 'POST', '/api/v1/admin/learning-record-stores', { session: staff, body: { name: 'X', url: store.url, authKey: KEY, authSecret: SECRET, ...body } })
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json().error.details[0].field).toBe(field)
    }
    await deactivate(forCenter.id)
    await deactivate(forEmployer.id)
  })

  it('refuses hostile addresses and malformed or unauthorized requests, and stores nothing', async () => {
    const count = async () => (await call(app, 'GET', '/api/v1/admin/learning-record-stores', { session: staff })).json().items.length as number
    const before = await count()
    const base = { name: 'Hostile', ownerKind: 'program', authKey: KEY, authSecret: SECRET }
    for (const url of [
      'javascript:alert(1)', 'file:///etc/passwd', 'ftp://lrs.example.com/', 'data:text/html,<b>x</b>', 'gopher://127.0.0.1:70/',
      'https://user:pass@lrs.example.com/xapi/', `https://${KEY}@lrs.example.com/`, 'https://lrs.example.com/xapi?key=1', 'https://lrs.example.com/#x',
      'http://', '//lrs.example.com/', 'https://lrs.exa mple.com/', 'https://lrs.example.com/\u0007', `https://lrs.example.com/${'a'.repeat(600)}`, '',
    ]) {
      const res = await call(app, 'POST', '/api/v1/admin/learning-record-stores', { session: staff, body: { ...base, url } })
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400)
      expect(errorCode(res)).toBe('VALIDATION')
    }
    for (const body of [
      { ...base, url: 'https://lrs.example.com/', colour: 'blue' },
      { ...base, url: 'https://lrs.example.com/', name: '<script>x</script>' },
      { ...base, url: 'https://lrs.example.com/', ownerKind: 'galaxy' },
      { ...base, url: 'https://lrs.example.com/', authSecret: '' },
      { ...base, url: 'https://lrs.example.com/', authSecret: 'x'.repeat(501) },
      { ...base, url: 'https://lrs.example.com/', authKey: 'a key with spaces' },
      { name: 'No secret', ownerKind: 'program', url: 'https://lrs.example.com/', authKey: KEY },
    ]) {
      const res = await call(app, 'POST', '/api/v1/admin/learning-record-stores', { session: staff, body })
      expect(res.statusCode, JSON.stringify(body).slice(0, 100)).toBe(400)
    }
    const ok = { ...base, url: 'https://lrs.example.com/' }
    const candidate = await register(app, { email: `cand-${kind}@lrs.test` })
    expect((await call(app, 'POST', '/api/v1/admin/learning-record-stores', { session: candidate, body: ok })).statusCode).toBe(403)
    expect((await call(app, 'POST', '/api/v1/admin/learning-record-stores', { body: ok })).statusCode).toBe(401)
    expect((await call(app, 'POST', '/api/v1/admin/learning-record-stores', { session: staff, body: ok, csrf: false })).statusCode).toBe(403)
    for (const url of ['/api/v1/admin/learning-record-stores', '/api/v1/admin/learning-record-deliveries', '/api/v1/admin/learning-record-organisations']) {
      expect((await call(app, 'GET', url, { session: candidate })).statusCode).toBe(403)
      expect((await call(app, 'GET', url)).statusCode).toBe(401)
    }
    const missing = '00000000-0000-4000-8000-000000000000'
    expect((await call(app, 'PATCH', `/api/v1/admin/learning-record-stores/${missing}`, { session: staff, body: { active: false } })).statusCode).toBe(404)
    expect((await call(app, 'POST', `/api/v1/admin/learning-record-stores/${missing}/test`, { session: staff })).statusCode).toBe(404)
    expect((await call(app, 'POST', `/api/v1/admin/learning-record-stores/${missing}/retry`, { session: staff })).statusCode).toBe(404)
    const existing = (await call(app, 'GET', '/api/v1/admin/learning-record-stores', { session: staff })).json().items[0] as LrsEndpointView
    expect((await call(app, 'PATCH', `/api/v1/admin/learning-record-stores/${existing.id}`, { session: staff, body: {} })).statusCode).toBe(400)
    expect((await call(app, 'PATCH', `/api/v1/admin/learning-record-stores/${existing.id}`, { session: staff, body: { url: 'file:///etc/passwd' } })).statusCode).toBe(400)
    expect((await call(app, 'PATCH', `/api/v1/admin/learning-record-stores/${existing.id}`, { session: candidate, body: { active: true } })).statusCode).toBe(403)
    expect((await call(app, 'POST', `/api/v1/admin/learning-record-stores/${existing.id}/test`, { session: candidate })).statusCode).toBe(403)
    expect(await endpoint(existing.id)).toEqual(existing)
    expect(await count()).toBe(before)
  })

  it('never puts the secret in an answer, a log line or an audit entry, even when a store echoes it back', async () => {
    const store = await lrs()
    store.defaultStatus = 500
    store.errorBody = `denied: Authorization: Basic ${TOKEN} (secret ${SECRET})`
    const echo = await addEndpoint({ url: store.url })
    await record([lesson()])
    await dispatch()
    const shown = (await status()).errors.find((e) => e.endpointId === echo.id)!
    expect(shown.error).toContain('[redacted]')
    await call(app, 'POST', `/api/v1/admin/learning-record-stores/${echo.id}/test`, { session: staff })
    // A new secret: the answer says only that one is set; the audit entry that it changed.
    const changed = await call(app, 'PATCH', `/api/v1/admin/learning-record-stores/${echo.id}`, { session: staff, body: { authSecret: `${SECRET}-2`, active: false } })
    expect(changed.json()).toMatchObject({ secretSet: true, active: false })
    const audit = await call(app, 'GET', `/api/v1/admin/audit?entityType=lrs_endpoint&limit=200`, { session: staff })
    expect(audit.statusCode).toBe(200)
    const actions = (audit.json().items as { action: string; details: Record<string, unknown> }[])
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['lrs_endpoint.created', 'lrs_endpoint.tested', 'lrs_endpoint.deactivated', 'lrs_endpoint.requeued']))
    expect(actions.find((a) => a.details.secretChanged === true)).toBeDefined()

    expect(bodies.length).toBeGreaterThan(50)
    expect(logLines.length).toBeGreaterThan(50)
    for (const [where, texts] of [['answers', bodies], ['log lines', logLines]] as const) {
      const leaks = texts.filter((t) => t.includes(SECRET) || t.includes(TOKEN))
      expect(leaks, `${where} carrying the secret`).toEqual([])
    }
  })
})
