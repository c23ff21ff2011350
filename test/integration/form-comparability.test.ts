// Form comparability around the cut (issue 15) on both databases: candidates sit forms drawn from the
// MM pool, the statistics job calibrates every item version of the period on one Rasch scale (items
// off a candidate's form are missing, not wrong) and stores each delivered form's expected score for
// the borderline candidate; the staff route returns exactly what the pure functions give on the stored
// results, the stored curves meet the cut at θc, and every other role and malformed request is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { calibratePool, formComparability, logistic, NOT_PRESENTED } from '../../src/common/psychometrics/index.js'
import { beyondTolerance, FORM_COMPARABILITY } from '../../src/common/rules/form-comparability.js'
import type { FormComparabilityView } from '../../src/common/schemas/psychometrics.js'
import { call, login, type Session } from '../helpers/http-client.js'
import { deliveryWorld, type DeliveryWorld } from '../helpers/delivery.js'
import { databases } from '../helpers/test-app.js'

const YEAR = new Date().getUTCFullYear()
// How many items each candidate answers correctly (in skill order; the rest left blank).
const CORRECT = [23, 21, 20, 19, 18, 17, 15, 13, 11, 8]

describe.each(databases)('form comparability on %s', (kind) => {
  let w: DeliveryWorld
  const candidates: Session[] = []
  const read = (path: string, session?: Session) => call(w.t.app, 'GET', path, session ? { session } : {})

  beforeAll(async () => {
    w = await deliveryWorld(kind)
    for (const [i, n] of CORRECT.entries()) {
      const a = await w.admitted(`forms-${i}-${kind}@example.com`, ['MM'])
      candidates.push(a.c)
      const attempt = await w.start(a, 'MM')
      await w.answerCorrectly(a.c, attempt, n)
      expect((await w.submit(a.c, attempt.id)).statusCode).toBe(200)
    }
  }, 300_000)
  afterAll(async () => w.t.close())

  it('has no calibration before the job ran: the figures are never computed on a request', async () => {
    const res = await read(`/api/v1/psychometrics/forms/MM?year=${YEAR}`, w.staff)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<FormComparabilityView>()).toMatchObject({ module: 'MM', year: YEAR, cutPercent: 75, tolerance: 2, calibration: null, summary: null, forms: [], items: [] })
  })

  it('stores the calibration and each delivered form\'s expected score at the cut, as the pure functions give them', async () => {
    const started = await call(w.t.app, 'POST', '/api/v1/psychometrics/runs', { session: w.staff, body: { year: YEAR, module: 'MM' } })
    expect(started.statusCode, started.body).toBe(202)
    await w.t.idle()
    const view = (await read(`/api/v1/psychometrics/forms/MM?year=${YEAR}`, w.staff)).json<FormComparabilityView>()

    // The same pool and forms from the stored results, through the pure functions.
    const results = await w.t.app.db.selectFrom('results').select(['attempt_id', 'item_scores']).where('module', '=', 'MM').orderBy('attempt_id').execute()
    const forms = results.map((r) => (JSON.parse(r.item_scores) as { itemId: string; version: number; score: number; maxScore: number }[]))
    expect(forms).toHaveLength(CORRECT.length)
    const ids = [...new Set(forms.flatMap((f) => f.map((i) => `${i.itemId}@${i.version}`)))]
    const rows = forms.map((f) => {
      const row = new Uint8Array(ids.length).fill(NOT_PRESENTED)
      for (const i of f) row[ids.indexOf(`${i.itemId}@${i.version}`)] = i.maxScore > 0 && i.score >= i.maxScore ? 1 : 0
      return row
    })
    const pool = calibratePool(ids, rows, { tolerance: 1e-6, maxIterations: 2000 })
    const sets = new Map<string, { itemIds: string[]; candidates: number }>()
    for (const f of forms) {
      const itemIds = f.map((i) => `${i.itemId}@${i.version}`).sort()
      const entry = sets.get(itemIds.join()) ?? { itemIds, candidates: 0 }
      entry.candidates++
      sets.set(itemIds.join(), entry)
    }
    const expected = formComparability(pool, [...sets.values()], 75, 2, (p) => beyondTolerance(p, 75))

    const cal = view.calibration!
    expect(cal).toMatchObject({ status: 'calibrated', model: 'rasch', examinees: CORRECT.length, itemsCalibrated: pool.items.length, itemsExcluded: pool.excluded.length, converged: true })
    expect(cal.discrimination!).toBeCloseTo(pool.discrimination, 9)
    expect(cal.thetaCut!).toBeCloseTo(expected.thetaCut, 9)
    // Ten candidates: the caveat says so.
    expect(cal.caveats).toContain('few-examinees')
    expect(view.items).toHaveLength(ids.length)
    for (const item of pool.items) {
      const [itemId, version] = item.id.split('@')
      const stored = view.items.find((i) => i.itemId === itemId && i.version === Number(version))!
      expect(stored.difficulty!).toBeCloseTo(item.difficulty, 9)
      expect(stored.presented).toBe(item.presented)
    }
    for (const e of pool.excluded) expect(view.items.find((i) => `${i.itemId}@${i.version}` === e.id)!.excluded).toBe(e.reason)

    // Identical item sets are one form; every attempt is counted once.
    expect(view.forms).toHaveLength(sets.size)
    expect(view.forms.reduce((s, f) => s + f.candidates, 0)).toBe(CORRECT.length)
    const byPercent = [...expected.forms].sort((a, b) => a.expectedPercent - b.expectedPercent)
    view.forms.forEach((f, i) => {
      expect(f.expectedPoints).toBeCloseTo(byPercent[i]!.expectedPoints, 9)
      expect(f.expectedPercent).toBeCloseTo(byPercent[i]!.expectedPercent, 9)
      expect(f.differencePercent).toBeCloseTo(byPercent[i]!.expectedPercent - 75, 9)
      expect(f.beyondTolerance).toBe(Math.abs(f.expectedPercent - 75) > 2)
      expect(f.fewCandidates).toBe(f.candidates < FORM_COMPARABILITY.fewCandidatesPerForm)
    })
    expect(view.summary).toMatchObject({ forms: sets.size, beyondTolerance: expected.summary.beyondTolerance })
    expect(view.summary!.spread!).toBeCloseTo(expected.summary.spread!, 9)
    expect(view.summary!.median!).toBeCloseTo(expected.summary.median!, 9)
  }, 120_000)

  it('puts the borderline candidate where the pool\'s expected percent is the cut, and each form\'s stored score on its own curve', async () => {
    const view = (await read(`/api/v1/psychometrics/forms/MM?year=${YEAR}`, w.staff)).json<FormComparabilityView>()
    const theta = view.calibration!.thetaCut!
    const a = view.calibration!.discrimination!
    // Items everyone who saw them answered correctly count 1 at θc (their bound), all-wrong ones 0.
    const pAt = (i: FormComparabilityView['items'][number]) => (i.excluded === 'all-correct' ? 1 : i.excluded === 'all-wrong' ? 0 : logistic(a * (theta - i.difficulty!)))
    const seen = view.items.filter((i) => i.excluded !== 'not-presented')
    expect((100 * seen.reduce((s, i) => s + pAt(i), 0)) / seen.length).toBeCloseTo(75, 9)
    const stored = await w.t.app.db.selectFrom('irt_form_comparability').selectAll().where('module', '=', 'MM').where('year', '=', YEAR).execute()
    expect(stored).toHaveLength(view.forms.length)
    for (const form of stored) {
      const versions = JSON.parse(form.item_versions) as string[]
      const points = versions.reduce((s, v) => s + pAt(view.items.find((i) => `${i.itemId}@${i.version}` === v)!), 0)
      expect(Number(form.expected_points)).toBeCloseTo(points, 9)
      expect(Number(form.items)).toBe(versions.length)
    }
  })

  it('replaces the period on a re-run instead of adding to it', async () => {
    const count = async () => (await w.t.app.db.selectFrom('irt_form_comparability').select('form_key').execute()).length
    const before = { forms: await count(), items: (await w.t.app.db.selectFrom('irt_item_parameters').select('item_id').execute()).length }
    await call(w.t.app, 'POST', '/api/v1/psychometrics/runs', { session: w.staff, body: { year: YEAR } })
    await w.t.idle()
    expect({ forms: await count(), items: (await w.t.app.db.selectFrom('irt_item_parameters').select('item_id').execute()).length }).toEqual(before)
    expect((await w.t.app.db.selectFrom('irt_calibrations').select('module').where('year', '=', YEAR).execute()).map((r) => r.module).sort()).toEqual(w.t.app.services.program.definition.modules.map((m) => m.code).sort())
    // A module nobody sat is stored as not calibrated, with the reason.
    const empty = (await read(`/api/v1/psychometrics/forms/SRMT?year=${YEAR}`, w.staff)).json<FormComparabilityView>()
    expect(empty.calibration).toMatchObject({ status: 'not_calibrated', examinees: 0, thetaCut: null })
    expect(empty.calibration!.reason).toMatch(/no item/)
    expect(empty.forms).toEqual([])
  }, 120_000)

  it('refuses every role but program staff, and malformed requests', async () => {
    const others: Record<string, Session | undefined> = {
      anonymous: undefined,
      candidate: candidates[0],
      proctor: w.proctor,
      center_admin: await login(w.t.app, 'center@demo.test', 'mt1-demo'),
      trainer: await login(w.t.app, 'trainer@demo.test', 'mt1-demo'),
    }
    for (const [role, session] of Object.entries(others)) {
      const res = await read(`/api/v1/psychometrics/forms/MM?year=${YEAR}`, session)
      expect(res.statusCode, role).toBe(session ? 403 : 401)
      expect(res.body).not.toMatch(/thetaCut|expectedPercent/)
    }
    for (const path of [
      '/api/v1/psychometrics/forms/MM?year=1900', '/api/v1/psychometrics/forms/MM?year=twenty', '/api/v1/psychometrics/forms/MM?year=2026&extra=1',
      '/api/v1/psychometrics/forms/mm;drop', `/api/v1/psychometrics/forms/${'M'.repeat(33)}`, '/api/v1/psychometrics/forms/%3Cscript%3E',
    ]) expect((await read(path, w.staff)).statusCode, path.slice(0, 60)).toBe(400)
    // An oversized path is refused before routing.
    expect((await read(`/api/v1/psychometrics/forms/${'M'.repeat(5000)}`, w.staff)).statusCode).toBe(414)
    expect((await read(`/api/v1/psychometrics/forms/ZZ?year=${YEAR}`, w.staff)).statusCode).toBe(404)
  })
})
