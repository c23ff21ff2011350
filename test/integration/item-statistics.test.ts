// Item statistics in the product (issue 15, item 4) on both databases: the psychometrics job computes
// from scored attempts exactly what the pure functions give, stores it, and a re-run replaces the
// period; DIF only on groups of the minimum size; demographics with consent, withdrawn by deletion,
// never shown to anyone but their owner; the review queue sends an item back to review (audited);
// the technical report is a PDF; and every other role is refused with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyseItems, reliabilityReport, subkoviak } from '../../src/common/psychometrics/index.js'
import type { ItemStatisticsList, ReviewQueue, SnapshotList } from '../../src/common/schemas/psychometrics.js'
import { call, errorCode, login, type Session } from '../helpers/http-client.js'
import { auditEntries, deliveryWorld, type DeliveryWorld } from '../helpers/delivery.js'
import { databases } from '../helpers/test-app.js'

const YEAR = new Date().getUTCFullYear()
// How many items each candidate answers correctly (in skill order; the rest left blank).
const CORRECT = [24, 21, 19, 18, 16, 13, 10, 7]
const GENDER = ['woman', 'man', 'woman', 'man', 'woman', 'man', 'woman', 'man']
const AGE = ['under_25', 'under_25', 'under_25', '25_39', 'under_25', 'under_25', '25_39', 'prefer_not']

describe.each(databases)('item statistics on %s', (kind) => {
  let w: DeliveryWorld
  const candidates: Session[] = []
  const runJob = async (body: Record<string, unknown> = { year: YEAR }) => {
    const res = await call(w.t.app, 'POST', '/api/v1/psychometrics/runs', { session: w.staff, body })
    expect(res.statusCode, res.body).toBe(202)
    await w.t.idle()
    const job = (await call(w.t.app, 'GET', `/api/v1/jobs/${res.json().jobId}`, { session: w.staff })).json()
    expect(job.status, JSON.stringify(job)).toBe('done')
    return res.json().jobId as string
  }
  const count = async (table: 'item_statistics' | 'psychometric_snapshots' | 'candidate_demographics') =>
    Number((await w.t.app.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

  beforeAll(async () => {
    // Groups of 3 are enough here (the default is 100): 4 women and 4 men, but only 2 aged 25–39.
    w = await deliveryWorld(kind, { difMinGroupSize: 3 })
    for (const [i, n] of CORRECT.entries()) {
      const a = await w.admitted(`stats-${i}-${kind}@example.com`, ['MM'])
      candidates.push(a.c)
      const consent = await call(w.t.app, 'PUT', '/api/v1/me/demographics', { session: a.c, body: { consent: true, answers: { gender: GENDER[i], ageBand: AGE[i] } } })
      expect(consent.statusCode, consent.body).toBe(200)
      const attempt = await w.start(a, 'MM')
      await w.answerCorrectly(a.c, attempt, n)
      expect((await w.submit(a.c, attempt.id)).statusCode).toBe(200)
    }
  }, 300_000)
  afterAll(async () => w.t.close())

  it('computes the module figures and each item version\'s statistics as the pure functions do', async () => {
    const jobId = await runJob()
    const list = (await call(w.t.app, 'GET', `/api/v1/psychometrics/modules?year=${YEAR}`, { session: w.staff })).json<SnapshotList>()
    const mm = list.items.find((s) => s.scope === 'MM')!
    expect(mm).toMatchObject({ kind: 'module', jobId, n: 8, k: 24, rawCut: 18, cutPercent: 75, excluded: 0 })
    expect(mm.passRate).toBeCloseTo(4 / 8, 12)

    // The same matrix from the stored results, in attempt order, through the pure functions.
    const results = await w.t.app.db.selectFrom('results').select(['attempt_id', 'item_scores']).where('module', '=', 'MM').orderBy('attempt_id').execute()
    const forms = results.map((r) => (JSON.parse(r.item_scores) as { itemId: string; version: number; score: number; maxScore: number }[]))
    const rows = forms.map((f) => Uint8Array.from(f.map((i) => (i.score >= i.maxScore ? 1 : 0))))
    const rel = reliabilityReport(rows, 18)
    expect(mm.kr20).toBeCloseTo(rel.kr20!, 12)
    expect(mm.sd).toBeCloseTo(rel.sd!, 12)
    expect(mm.sem).toBeCloseTo(rel.sem!, 12)
    expect(mm.csemAtCut).toBeCloseTo(rel.csemAtCut!, 12)
    expect(mm.agreement).toBeCloseTo(subkoviak(rows, { cut: 18 }).agreement, 12)
    expect(mm.mean).toBeCloseTo(CORRECT.reduce((a, b) => a + b, 0) / 8, 12)

    // One item version: its column first, each drawer's other items after it.
    const studied = forms[0]![0]!
    const sub = forms.flatMap((f, r) => {
      const at = f.findIndex((i) => i.itemId === studied.itemId)
      return at < 0 ? [] : [Uint8Array.from([rows[r]![at]!, ...[...rows[r]!].filter((_, c) => c !== at)])]
    })
    const expected = analyseItems(sub, Array.from(sub[0]!, (_, j) => `c${j}`)).items[0]!
    const stats = (await call(w.t.app, 'GET', `/api/v1/psychometrics/items/${studied.itemId}`, { session: w.staff })).json<ItemStatisticsList>()
    const mine = stats.items.find((s) => s.version === studied.version && s.year === YEAR)!
    expect(mine.exposure).toBe(sub.length)
    expect(mine.p).toBeCloseTo(expected.p, 12)
    if (expected.correctedItemTotal === null) expect(mine.correctedItemTotal).toBeNull()
    else expect(mine.correctedItemTotal).toBeCloseTo(expected.correctedItemTotal, 12)
    if (expected.alphaIfDeleted === null) expect(mine.alphaIfDeleted).toBeNull()
    else expect(mine.alphaIfDeleted).toBeCloseTo(expected.alphaIfDeleted, 12)
    // Option proportions add up with the omitted share (single-choice items).
    if (mine.options.length > 0) expect(mine.options.reduce((a, o) => a + o.proportion, 0) + mine.omitted!).toBeCloseTo(1, 12)
  })

  it('computes DIF only where both groups reach the minimum size', async () => {
    const mm = (await call(w.t.app, 'GET', `/api/v1/psychometrics/modules?year=${YEAR}`, { session: w.staff })).json<SnapshotList>().items.find((s) => s.scope === 'MM')!
    const gender = mm.dif.find((d) => d.question === 'gender')
    const age = mm.dif.find((d) => d.question === 'ageBand')
    expect(age!.A + age!.B + age!.C).toBe(0)
    expect(age!.notEnough).toBeGreaterThan(0)
    // Every item seen by 3+ of each gender is computed; the rest are "not enough", none silently dropped.
    expect(gender!.A + gender!.B + gender!.C + gender!.notEnough).toBeGreaterThan(0)
    const rows = await w.t.app.db.selectFrom('item_statistics').select('detail').execute()
    for (const r of rows) {
      for (const d of (JSON.parse(r.detail) as { dif: { referenceCount: number; focalCount: number; status: string; deltaMH: number | null }[] }).dif) {
        if (d.referenceCount < 3 || d.focalCount < 3) expect(d).toMatchObject({ status: 'not_enough', deltaMH: null })
        else expect(d.status).toBe('computed')
      }
    }
  })

  it('replaces a period\'s statistics on a re-run instead of adding to them', async () => {
    const before = { items: await count('item_statistics'), snapshots: await count('psychometric_snapshots') }
    const again = await runJob()
    expect({ items: await count('item_statistics'), snapshots: await count('psychometric_snapshots') }).toEqual(before)
    const mm = (await call(w.t.app, 'GET', `/api/v1/psychometrics/modules?year=${YEAR}`, { session: w.staff })).json<SnapshotList>().items.find((s) => s.scope === 'MM')!
    expect(mm.jobId).toBe(again)
    // One module alone: only its own rows are replaced.
    await runJob({ year: YEAR, module: 'MM' })
    expect(await count('item_statistics')).toBe(before.items)
  })

  it('lists flagged items and sends one back to review, audited', async () => {
    const queue = (await call(w.t.app, 'GET', `/api/v1/psychometrics/review-queue?year=${YEAR}`, { session: w.staff })).json<ReviewQueue>()
    expect(queue.items.length).toBeGreaterThan(0)
    const flagged = queue.items.find((i) => i.status === 'active')!
    expect(flagged.flags.length).toBeGreaterThan(0)
    const empty = await call(w.t.app, 'POST', `/api/v1/psychometrics/items/${flagged.itemId}/send-to-review`, { session: w.staff, body: { reason: '' } })
    expect(empty.statusCode).toBe(400)
    const sent = await call(w.t.app, 'POST', `/api/v1/psychometrics/items/${flagged.itemId}/send-to-review`, { session: w.staff, body: { reason: 'p is very low' } })
    expect(sent.statusCode, sent.body).toBe(200)
    expect(sent.json().status).toBe('in_review')
    const audit = await auditEntries(w, 'item.status.in_review', flagged.itemId)
    expect(audit[0]).toMatchObject({ reason: 'Item statistics: p is very low', details: { from: 'active', to: 'in_review' } })
    // Only an active item goes back to review.
    expect(errorCode(await call(w.t.app, 'POST', `/api/v1/psychometrics/items/${flagged.itemId}/send-to-review`, { session: w.staff, body: { reason: 'again' } }))).toBe('RULE_VIOLATION')
  })

  it('serves the technical report as a PDF', async () => {
    const res = await call(w.t.app, 'GET', `/api/v1/psychometrics/reports/MM/${YEAR}.pdf`, { session: w.staff })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('application/pdf')
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    expect((await call(w.t.app, 'GET', `/api/v1/psychometrics/reports/XX/${YEAR}.pdf`, { session: w.staff })).statusCode).toBe(404)
    expect((await call(w.t.app, 'GET', `/api/v1/psychometrics/reports/MM/${YEAR}.txt`, { session: w.staff })).statusCode).toBe(400)
  })

  it('keeps demographics with consent, shows them only to their owner, and deletes them on withdrawal', async () => {
    const c = candidates[0]!
    expect((await call(w.t.app, 'GET', '/api/v1/me/demographics', { session: c })).json().answers).toEqual({ gender: 'woman', ageBand: 'under_25' })
    const stored = await count('candidate_demographics')
    // Without consent, with an unknown answer or field, nothing is stored.
    for (const body of [{ answers: { gender: 'man' } }, { consent: false, answers: {} }, { consent: true, answers: { gender: 'robot' } }, { consent: true, answers: { shoeSize: '9' } }]) {
      expect((await call(w.t.app, 'PUT', '/api/v1/me/demographics', { session: candidates[1]!, body })).statusCode).toBe(400)
    }
    expect((await call(w.t.app, 'PUT', '/api/v1/me/demographics', { body: { consent: true, answers: {} } })).statusCode).toBe(401)
    expect(await count('candidate_demographics')).toBe(stored)
    // Staff see aggregates only: no route returns one person's answers, and the statistics hold none.
    const stats = JSON.stringify((await call(w.t.app, 'GET', `/api/v1/psychometrics/modules?year=${YEAR}`, { session: w.staff })).json())
    expect(stats).not.toMatch(/example\.com|candidate_id|userId/)
    const withdrawn = await call(w.t.app, 'DELETE', '/api/v1/me/demographics', { session: c })
    expect(withdrawn.json()).toEqual({ answers: null, consentedAt: null })
    expect(await count('candidate_demographics')).toBe(stored - 1)
    const me = (await call(w.t.app, 'GET', '/api/v1/me', { session: c })).json()
    expect((await auditEntries(w, 'demographics.withdrawn', me.user.id)).length).toBe(1)
  })

  it('refuses every role but program staff, and hostile input, storing nothing', async () => {
    const others: Record<string, Session | undefined> = {
      anonymous: undefined,
      candidate: candidates[2],
      proctor: w.proctor,
      center_admin: await login(w.t.app, 'center@demo.test', 'mt1-demo'),
      employer: await login(w.t.app, 'employer@demo.test', 'mt1-demo'),
      trainer: await login(w.t.app, 'trainer@demo.test', 'mt1-demo'),
      college: await login(w.t.app, 'college@demo.test', 'mt1-demo'),
    }
    const itemId = (await w.t.app.db.selectFrom('item_statistics').select('item_id').executeTakeFirstOrThrow()).item_id
    const jobs = async () => Number((await w.t.app.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    const jobsBefore = await jobs()
    for (const [role, session] of Object.entries(others)) {
      const expected = session ? 403 : 401
      const opts = session ? { session } : {}
      expect((await call(w.t.app, 'POST', '/api/v1/psychometrics/runs', { ...opts, body: { year: YEAR } })).statusCode, role).toBe(expected)
      expect((await call(w.t.app, 'GET', '/api/v1/psychometrics/modules', opts)).statusCode, role).toBe(expected)
      expect((await call(w.t.app, 'GET', '/api/v1/psychometrics/review-queue', opts)).statusCode, role).toBe(expected)
      expect((await call(w.t.app, 'GET', `/api/v1/psychometrics/items/${itemId}`, opts)).statusCode, role).toBe(expected)
      expect((await call(w.t.app, 'POST', `/api/v1/psychometrics/items/${itemId}/send-to-review`, { ...opts, body: { reason: 'x' } })).statusCode, role).toBe(expected)
      expect((await call(w.t.app, 'GET', `/api/v1/psychometrics/reports/MM/${YEAR}.pdf`, opts)).statusCode, role).toBe(expected)
    }
    for (const body of [{}, { year: 'this' }, { year: 1900 }, { year: YEAR, module: 'mm; drop' }, { year: YEAR, extra: 1 }, { year: YEAR, module: 'X'.repeat(10_000) }]) {
      expect((await call(w.t.app, 'POST', '/api/v1/psychometrics/runs', { session: w.staff, body })).statusCode, JSON.stringify(body).slice(0, 80)).toBe(400)
    }
    expect((await call(w.t.app, 'POST', '/api/v1/psychometrics/runs', { session: w.staff, body: { year: YEAR, module: 'ZZ' } })).statusCode).toBe(404)
    expect((await call(w.t.app, 'GET', `/api/v1/psychometrics/items/${'x'.repeat(65)}`, { session: w.staff })).statusCode).toBe(400)
    expect((await call(w.t.app, 'GET', '/api/v1/psychometrics/items/nope', { session: w.staff })).statusCode).toBe(404)
    expect((await call(w.t.app, 'POST', `/api/v1/psychometrics/items/${itemId}/send-to-review`, { session: w.staff, body: { reason: '<script>' } })).statusCode).toBe(400)
    expect(await jobs()).toBe(jobsBefore)
  })

  it('refreshes the current year at most once a day', async () => {
    const p = w.t.app.services.psychometrics
    expect(await p.refreshDaily()).toBeNull()
    w.t.clock.advance(24 * 60 * 60 * 1000)
    expect(await p.refreshDaily()).toEqual(expect.any(String))
    expect(await p.refreshDaily()).toBeNull()
    await w.t.idle()
  })
})
