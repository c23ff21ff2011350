// Modified-Angoff standard setting on both databases (issue 15, item 4): staff create a study of a
// module's operational items, add panelists (existing accounts and a new invited one), open and close
// two rounds; panelists rate every item (idempotent saves, refused once a round is closed); impact data
// between rounds (p-values and pass rates on real scored attempts); the recommended cut with its SE;
// the decision completes the study, which `recordFor` hands the technical report. Hostile, malformed,
// oversized and unauthorized requests are refused and store nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StudyList, StudyView, RatingWorkspaceView } from '../../src/common/schemas/standard-setting.js'
import type { Database } from '../../src/server/db/schema.js'
import { deliveryWorld, type DeliveryWorld } from '../helpers/delivery.js'
import { call, errorCode, login, register, type Session } from '../helpers/http-client.js'
import { deliveredMail } from '../helpers/mail.js'
import { databases } from '../helpers/test-app.js'

const BASE = '/api/v1/standard-setting/studies'
const NOTE = 'Picture a candidate who just barely meets the standard.\nRate each item for that person.'

describe.each(databases)('modified-Angoff standard setting on %s', (kind) => {
  let w: DeliveryWorld
  let staff: Session
  let candidate: Session
  let centerAdmin: Session
  let p1: { email: string; s: Session }
  let p2: { email: string; s: Session }
  let outsider: Session
  let study: StudyView
  let items: string[]

  const count = async (table: keyof Database) => Number((await w.t.app.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  const snapshot = async () => Object.fromEntries(await Promise.all((['standard_setting_studies', 'standard_setting_panelists', 'standard_setting_ratings', 'standard_setting_rounds', 'users', 'audit_log'] as const)
    .map(async (table) => [table, await count(table)] as const)))
  const person = async (label: string) => {
    const email = `${label}-${Date.now()}-${kind}@example.com`.toLowerCase()
    const s = await register(w.t.app, { email, firstName: label, lastName: 'Panel' })
    return { email, s }
  }
  const rate = (s: Session, round: number, itemId: string, rating: unknown, id = study.id) =>
    call(w.t.app, 'PUT', `${BASE}/${id}/rounds/${round}/ratings/${itemId}`, { session: s, body: { rating } })
  const rateAll = async (s: Session, round: number, value: (i: number) => number) => {
    for (const [i, itemId] of items.entries()) {
      const res = await rate(s, round, itemId, value(i))
      expect(res.statusCode, res.body).toBe(200)
    }
  }
  const staffCall = (method: 'GET' | 'POST', path: string, body?: unknown) => call(w.t.app, method, `${BASE}${path}`, { session: staff, ...(body !== undefined ? { body } : {}) })

  beforeAll(async () => {
    w = await deliveryWorld(kind)
    staff = w.staff
    centerAdmin = await login(w.t.app, 'center@demo.test', 'mt1-demo')
    // Two scored MM attempts for the impact data: one at 100 %, one at 50 %.
    for (const [email, right] of [[`high-${kind}@example.com`, 24], [`low-${kind}@example.com`, 12]] as const) {
      const a = await w.admitted(email, ['MM'])
      const attempt = await w.start(a, 'MM')
      await w.answerCorrectly(a.c, attempt, right)
      const res = await w.submit(a.c, attempt.id)
      expect(res.statusCode, res.body).toBe(200)
      candidate = a.c
    }
    await w.relogin()
    staff = w.staff
    p1 = await person('Pat')
    p2 = await person('Quinn')
    outsider = (await person('Outsider')).s
  }, 240_000)
  afterAll(async () => w?.t.close())

  it('refuses anyone but staff to create or read studies, and malformed or hostile bodies, storing nothing', async () => {
    const before = await snapshot()
    const body = { module: 'MM', title: 'MM standard 2026', meetingDate: '2026-11-20', trainingNote: NOTE, itemSource: 'pool' }
    expect((await call(w.t.app, 'POST', BASE, { body })).statusCode).toBe(401)
    for (const s of [candidate, centerAdmin, w.proctor, outsider]) {
      expect((await call(w.t.app, 'POST', BASE, { session: s, body })).statusCode).toBe(403)
      expect((await call(w.t.app, 'GET', BASE, { session: s })).statusCode).toBe(403)
    }
    for (const bad of [
      { ...body, extra: 1 }, { ...body, module: 'ZZ' }, { ...body, module: 'mm; drop table' }, { ...body, meetingDate: '2026-02-30' }, { ...body, meetingDate: 'tomorrow' },
      { ...body, title: 'x'.repeat(201) }, { ...body, trainingNote: '<script>alert(1)</script>' }, { ...body, trainingNote: 'x'.repeat(10_001) },
      { ...body, itemSource: 'everything' }, { ...body, title: '' },
    ]) {
      const res = await staffCall('POST', '', bad)
      expect(res.statusCode, JSON.stringify(bad).slice(0, 80)).toBe(400)
    }
    expect(await snapshot()).toEqual(before)
  })

  it('creates a study of the active operational items, with panelists existing and invited', async () => {
    const res = await staffCall('POST', '', { module: 'MM', title: 'MM standard 2026', meetingDate: '2026-11-20', trainingNote: NOTE, itemSource: 'pool' })
    expect(res.statusCode, res.body).toBe(201)
    study = res.json<StudyView>()
    expect(study).toMatchObject({ status: 'draft', module: 'MM', passPercent: 75, openRound: null, panelists: [], impact: null })
    expect(study.itemCount).toBeGreaterThanOrEqual(24)
    // A form drawn by the blueprint: exactly the blueprint's 24 items.
    const form = await staffCall('POST', '', { module: 'MM', title: 'MM form study', meetingDate: '2026-11-21', trainingNote: NOTE, itemSource: 'form' })
    expect(form.json<StudyView>().itemCount).toBe(24)
    expect((await staffCall('GET', '')).json<StudyList>().items.map((s) => s.id)).toContain(study.id)

    for (const p of [p1, p2]) expect((await staffCall('POST', `/${study.id}/panelists`, { email: p.email })).statusCode).toBe(200)
    // Adding the same person again changes nothing.
    expect((await staffCall('POST', `/${study.id}/panelists`, { email: p1.email })).json<StudyView>().panelists).toHaveLength(2)
    await deliveredMail(w.t, p1.email, /panelist/)

    // Someone without an account needs a name; with one they are invited (an account, a password link).
    const before = await snapshot()
    const nameless = await staffCall('POST', `/${study.id}/panelists`, { email: `new-${kind}@example.com` })
    expect(nameless.statusCode).toBe(400)
    expect(await snapshot()).toEqual(before)
    const invited = await staffCall('POST', `/${study.id}/panelists`, { email: `new-${kind}@example.com`, firstName: 'Nia', lastName: 'New' })
    expect(invited.statusCode, invited.body).toBe(200)
    expect(invited.json<StudyView>().panelists.map((p) => p.name)).toContain('Nia New')
    await deliveredMail(w.t, `new-${kind}@example.com`, /account/)
  })

  it('opens round 1 only with two panelists, and panelists rate only the open round of their own study', async () => {
    const lonely = (await staffCall('POST', '', { module: 'MM', title: 'One panelist', meetingDate: '2026-10-01', trainingNote: NOTE, itemSource: 'form' })).json<StudyView>()
    await staffCall('POST', `/${lonely.id}/panelists`, { email: p1.email })
    const refused = await staffCall('POST', `/${lonely.id}/rounds/open`)
    expect(refused.statusCode).toBe(422)
    expect((await staffCall('GET', `/${lonely.id}`)).json<StudyView>().status).toBe('draft')

    // The study has three panelists (the invited one too); use a fresh study with exactly p1 and p2.
    study = (await staffCall('POST', '', { module: 'MM', title: 'MM standard 2026', meetingDate: '2026-11-20', trainingNote: NOTE, itemSource: 'form' })).json<StudyView>()
    for (const p of [p1, p2]) await staffCall('POST', `/${study.id}/panelists`, { email: p.email })
    // Ratings before any round opens are refused.
    const ws = (await call(w.t.app, 'GET', `${BASE}/${study.id}/workspace`, { session: p1.s })).json<RatingWorkspaceView>()
    items = ws.items.map((i) => i.id)
    expect(ws.trainingNote).toBe(NOTE)
    expect(ws.items[0]!.correctResponse).not.toBeNull()
    expect((await rate(p1.s, 1, items[0]!, 70)).statusCode).toBe(409)

    const opened = await staffCall('POST', `/${study.id}/rounds/open`)
    expect(opened.json<StudyView>()).toMatchObject({ status: 'round1_open', openRound: 1 })
    expect((await staffCall('POST', `/${study.id}/panelists`, { email: `late-${kind}@example.com`, firstName: 'Late', lastName: 'Comer' })).statusCode).toBe(409)

    const before = await snapshot()
    // Not on the panel: the study does not exist for them (staff included: staff rate only as panelists).
    for (const s of [outsider, candidate, staff]) {
      expect((await rate(s, 1, items[0]!, 70)).statusCode).toBe(404)
      expect((await call(w.t.app, 'GET', `${BASE}/${study.id}/workspace`, { session: s })).statusCode).toBe(404)
    }
    expect((await call(w.t.app, 'PUT', `${BASE}/${study.id}/rounds/1/ratings/${items[0]}`, { body: { rating: 70 } })).statusCode).toBe(401)
    // Malformed and hostile ratings.
    for (const bad of [101, -5, 55.5, 'seventy', '70', null, true]) expect((await rate(p1.s, 1, items[0]!, bad)).statusCode, String(bad)).toBe(400)
    expect((await call(w.t.app, 'PUT', `${BASE}/${study.id}/rounds/1/ratings/${items[0]}`, { session: p1.s, body: { rating: 70, extra: true } })).statusCode).toBe(400)
    expect((await rate(p1.s, 3, items[0]!, 70)).statusCode).toBe(400)
    expect((await rate(p1.s, 2, items[0]!, 70)).statusCode).toBe(409)
    expect((await rate(p1.s, 1, 'not-an-item', 70)).statusCode).toBe(404)
    expect((await call(w.t.app, 'PUT', `${BASE}/${study.id}/rounds/1/ratings/..%2F..%2Fetc`, { session: p1.s, body: { rating: 70 } })).statusCode).toBe(400)
    expect(await snapshot()).toEqual(before)
  })

  it('saves ratings idempotently and refuses to close a round with ratings missing', async () => {
    for (let i = 0; i < 2; i++) expect((await rate(p1.s, 1, items[0]!, 60)).statusCode).toBe(200)
    expect((await rate(p1.s, 1, items[0]!, 65)).json()).toMatchObject({ rating: 65, round: 1 })
    expect(await count('standard_setting_ratings')).toBe(1)
    const missing = await staffCall('POST', `/${study.id}/rounds/close`)
    expect(missing.statusCode).toBe(422)
    expect(errorCode(missing)).toBe('RULE_VIOLATION')
    expect((await staffCall('GET', `/${study.id}`)).json<StudyView>().status).toBe('round1_open')
    // p1 rates 70 everywhere, p2 80: cuts 70 and 80 → 75, SD √50, SE √50/√2 = 5.
    await rateAll(p1.s, 1, () => 70)
    await rateAll(p2.s, 1, () => 80)
    const progress = (await staffCall('GET', `/${study.id}`)).json<StudyView>()
    expect(progress.panelists.map((p) => p.rated)).toEqual([items.length, items.length])
  })

  it('closes round 1 with the cut, its SE and impact data from real scored attempts', async () => {
    const closed = await staffCall('POST', `/${study.id}/rounds/close`)
    expect(closed.statusCode, closed.body).toBe(200)
    const v = closed.json<StudyView>()
    expect(v).toMatchObject({ status: 'round1_closed', cutPercent: 75, se: 5 })
    expect(v.rounds[0]).toMatchObject({ round: 1, cutPercent: 75, sd: 7.07, se: 5, panelists: 2, passRate: 50 })
    expect(Object.fromEntries(v.panelists.map((p) => [p.userId, p.cuts]))).toEqual({ [p1.s.userId]: [70], [p2.s.userId]: [80] })
    // Impact: the two results (100 % and 50 %); at a 75 cut, half pass.
    expect(v.impact).toMatchObject({ round: 1, results: 2, passRateAtCut: 50, passRateAtStandard: 50 })
    expect(v.impact!.items).toHaveLength(items.length)
    expect(v.impact!.items[0]).toMatchObject({ mean: 75, sd: 7.1, min: 70, max: 80 })
    const seen = v.impact!.items.filter((i) => i.pValue !== null)
    expect(seen.length).toBeGreaterThan(0)
    for (const i of seen) expect(i.pValue).toBeGreaterThanOrEqual(0)
    // The high scorer answered every item right: an item only they saw has p = 1; every p is 0, 0.5 or 1.
    for (const i of seen) expect([0, 0.5, 1]).toContain(i.pValue)

    // A closed round refuses ratings, storing nothing; panelists see the impact data.
    const before = await snapshot()
    expect((await rate(p1.s, 1, items[0]!, 90)).statusCode).toBe(409)
    expect(await snapshot()).toEqual(before)
    const ws = (await call(w.t.app, 'GET', `${BASE}/${study.id}/workspace`, { session: p2.s })).json<RatingWorkspaceView>()
    expect(ws.impact).toMatchObject({ round: 1, passRateAtCut: 50 })
    // The decision waits for round 2.
    expect((await staffCall('POST', `/${study.id}/decision`, { note: 'Kept at 75%.' })).statusCode).toBe(409)
  })

  it('runs round 2, records the decision and hands the technical report the completed study', async () => {
    expect((await staffCall('POST', `/${study.id}/rounds/open`)).json<StudyView>()).toMatchObject({ status: 'round2_open', openRound: 2 })
    const ws = (await call(w.t.app, 'GET', `${BASE}/${study.id}/workspace`, { session: p1.s })).json<RatingWorkspaceView>()
    expect(ws.previousRatings).toHaveLength(items.length)
    expect(ws.ratings).toHaveLength(0)
    await rateAll(p1.s, 2, () => 74)
    await rateAll(p2.s, 2, (i) => (i % 2 === 0 ? 76 : 78))
    const closed = (await staffCall('POST', `/${study.id}/rounds/close`)).json<StudyView>()
    expect(closed.status).toBe('round2_closed')
    expect(closed.rounds).toHaveLength(2)
    expect(closed.rounds[1]!.cutPercent).toBeCloseTo(75.5, 1)
    expect((await staffCall('POST', `/${study.id}/rounds/open`)).statusCode).toBe(409)

    for (const bad of [{ note: '' }, { note: 'x'.repeat(4001) }, { note: '<b>kept</b>' }, {}]) expect((await staffCall('POST', `/${study.id}/decision`, bad)).statusCode).toBe(400)
    expect((await call(w.t.app, 'POST', `${BASE}/${study.id}/decision`, { session: p1.s, body: { note: 'Mine' } })).statusCode).toBe(403)
    const decided = await staffCall('POST', `/${study.id}/decision`, { note: 'Kept at 75%: the panel recommends 75.5 ± 0.5.' })
    expect(decided.json<StudyView>()).toMatchObject({ status: 'completed', decisionNote: 'Kept at 75%: the panel recommends 75.5 ± 0.5.', decidedBy: 'Sam Staff' })
    expect((await staffCall('POST', `/${study.id}/decision`, { note: 'Again' })).statusCode).toBe(409)

    const record = await w.t.app.services.standardSetting.recordFor('MM', 2026)
    expect(record).toMatchObject({ panelists: 2, rounds: 2, note: 'Kept at 75%: the panel recommends 75.5 ± 0.5.', studyId: study.id })
    expect(record!.cutPercent).toBeCloseTo(75.5, 1)
    expect(record!.se).toBeGreaterThan(0)
    expect(await w.t.app.services.standardSetting.recordFor('MM', 2025)).toBeNull()
    expect(await w.t.app.services.standardSetting.recordFor('QBA', 2026)).toBeNull()
    // The panelist's list of studies.
    const mine = (await call(w.t.app, 'GET', '/api/v1/standard-setting/my-studies', { session: p1.s })).json<StudyList>()
    expect(mine.items.map((s) => s.id)).toContain(study.id)
  })
})
