// Rescoring after a key correction: staff publish a corrected version of a flawed item and name it;
// every attempt that drew the flawed version is rescored, exactly those results change, and the
// certificates follow (withdrawn where a pass is lost, awarded where one is gained), audited and told.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, errorCode } from '../helpers/http-client.js'
import { auditEntries, deliveryWorld, type AttemptView, type DeliveryWorld } from '../helpers/delivery.js'
import { databases } from '../helpers/test-app.js'

describe.each(databases)('rescoring on %s', (kind) => {
  let w: DeliveryWorld
  beforeAll(async () => {
    w = await deliveryWorld(kind)
  }, 120_000)
  afterAll(async () => w.t.close())

  const credentials = async (c: Parameters<DeliveryWorld['submit']>[0]) =>
    (await call(w.t.app, 'GET', '/api/v1/me/credentials', { session: c })).json().items as { certificateNumber: string; type: string; status: string }[]
  const resultOf = async (c: Parameters<DeliveryWorld['submit']>[0], attemptId: string) => (await w.get(c, attemptId)).json().result as { percent: number; passed: boolean }

  it('changes exactly the results and certificates of attempts that drew the corrected version', async () => {
    // A: 18 of 24 right (exactly 75%, passed), one of them the flawed item X.
    const a = await w.admitted(`rescore-a-${kind}@example.com`, ['MM'])
    const attemptA = await w.start(a, 'MM')
    const answeredA = await w.answerCorrectly(a.c, attemptA, 18)
    // X: a single-choice item among A's correct answers, without figures, so its XML edits cleanly.
    let x: { id: string; xml: string; key: string; other: string } | undefined
    for (const id of answeredA) {
      const item = (await call(w.t.app, 'GET', `/api/v1/admin/items/${id}`, { session: w.staff })).json()
      const key = /<qti-correct-response><qti-value>([A-Za-z0-9_-]+)<\/qti-value><\/qti-correct-response>/.exec(item.qtiXml)?.[1]
      const choices = [...item.qtiXml.matchAll(/<qti-simple-choice identifier="([A-Za-z0-9_-]+)"/g)].map((m: RegExpMatchArray) => m[1]!)
      if (key && choices.length > 1 && !/<img|<object/.test(item.qtiXml) && /choice/.test(item.type)) {
        x = { id, xml: item.qtiXml, key, other: choices.find((c) => c !== key)! }
        break
      }
    }
    expect(x, 'a single-choice item among the answered ones').toBeDefined()
    expect((await w.submit(a.c, attemptA.id)).json().result).toMatchObject({ percent: 75, passed: true })

    // D: X on the form, answered with the option the corrected key names, and 17 others right.
    // C: X not on the form at all (a control). Forms are balanced by exposure, so draw a few.
    let d: { who: Awaited<ReturnType<DeliveryWorld['admitted']>>; attempt: AttemptView } | undefined
    let control: { who: Awaited<ReturnType<DeliveryWorld['admitted']>>; attempt: AttemptView } | undefined
    for (let i = 0; i < 8 && (!d || !control); i++) {
      const who = await w.admitted(`rescore-${i}-${kind}@example.com`, ['MM'])
      const attempt = await w.start(who, 'MM')
      const hasX = attempt.items.some((it) => it.id === x!.id)
      if (hasX && !d) {
        const others = (await w.itemsBySkill(attempt)).filter((it) => it.id !== x!.id).slice(0, 17)
        for (const it of others) expect((await w.save(who.c, attempt.id, it.id, (await w.itemKey(it.id, attempt.id)).correctResponse)).statusCode).toBe(200)
        expect((await w.save(who.c, attempt.id, x!.id, await w.asPresented(attempt, x!.id, { RESPONSE: x!.other }))).statusCode).toBe(200)
        expect((await w.submit(who.c, attempt.id)).json().result).toMatchObject({ passed: false, percent: 70.83 })
        d = { who, attempt }
      } else if (!hasX && !control) {
        await w.answerCorrectly(who.c, attempt, 18)
        expect((await w.submit(who.c, attempt.id)).json().result.passed).toBe(true)
        control = { who, attempt }
      } else {
        await w.submit(who.c, attempt.id)
      }
    }
    expect(d && control, 'one candidate with the item and one without').toBeTruthy()
    const controlBefore = await resultOf(control!.who.c, control!.attempt.id)
    const mmOfA = (await credentials(a.c)).find((c) => c.type === 'MM')!
    expect(mmOfA.status).toBe('active')
    expect((await credentials(d!.who.c)).find((c) => c.type === 'MM')).toBeUndefined()

    // The key was wrong: version 2 names the other option.
    const fixed = x!.xml.replace(`<qti-correct-response><qti-value>${x!.key}</qti-value></qti-correct-response>`, `<qti-correct-response><qti-value>${x!.other}</qti-value></qti-correct-response>`)
    const v2 = await call(w.t.app, 'PUT', `/api/v1/admin/items/${x!.id}`, { session: w.staff, body: { qtiXml: fixed, note: 'key correction' } })
    expect(v2.statusCode, v2.body).toBe(200)
    const version2 = v2.json().version as number

    // Bad corrections are refused and change nothing.
    const path = `/api/v1/admin/items/${x!.id}/scoring-corrections`
    expect(errorCode(await call(w.t.app, 'POST', path, { session: w.staff, body: { version: 1, action: 'use_version', reason: 'no replacement named' } }))).toBe('VALIDATION')
    expect((await call(w.t.app, 'POST', path, { session: w.staff, body: { version: 1, action: 'use_version', replacementVersion: 99, reason: 'unknown version' } })).statusCode).toBe(404)
    expect((await call(w.t.app, 'POST', path, { session: w.staff, body: { version: 1, action: 'drop', reason: '<script>' } })).statusCode).toBe(400)
    expect((await call(w.t.app, 'POST', path, { session: a.c, body: { version: 1, action: 'drop', reason: 'a candidate tries' } })).statusCode).toBe(403)

    // The item page's dry run: the scored attempts that drew version 1 (A's and D's among them), nothing stored.
    const preview = await call(w.t.app, 'GET', `${path}/preview?version=1`, { session: w.staff })
    expect(preview.statusCode, preview.body).toBe(200)
    expect(preview.json()).toMatchObject({ version: 1, current: null })
    expect(preview.json().attempts).toBeGreaterThanOrEqual(2)
    expect(preview.json().candidates).toBeGreaterThanOrEqual(2)
    expect(preview.json().candidates).toBeLessThanOrEqual(preview.json().attempts)
    expect((await call(w.t.app, 'GET', path, { session: w.staff })).json().items).toEqual([])
    expect((await call(w.t.app, 'GET', `${path}/preview?version=0`, { session: w.staff })).statusCode).toBe(400)
    expect((await call(w.t.app, 'GET', `${path}/preview?version=abc`, { session: w.staff })).statusCode).toBe(400)
    expect((await call(w.t.app, 'GET', `${path}/preview?version=99`, { session: w.staff })).statusCode).toBe(404)
    expect((await call(w.t.app, 'GET', `${path}/preview`, { session: w.staff })).statusCode).toBe(400)
    expect((await call(w.t.app, 'GET', `${path}/preview?version=1`, { session: a.c })).statusCode).toBe(403)
    expect((await call(w.t.app, 'GET', `${path}/preview?version=1`)).statusCode).toBe(401)
    expect((await call(w.t.app, 'GET', path, { session: w.proctor })).statusCode).toBe(403)
    expect((await call(w.t.app, 'GET', '/api/v1/admin/items/no-such-item/scoring-corrections', { session: w.staff })).statusCode).toBe(404)

    const started = await call(w.t.app, 'POST', path, { session: w.staff, body: { version: 1, action: 'use_version', replacementVersion: version2, reason: 'The keyed answer was wrong.' } })
    expect(started.statusCode, started.body).toBe(202)
    await w.t.idle()
    const job = (await call(w.t.app, 'GET', `/api/v1/jobs/${started.json().jobId}`, { session: w.staff })).json()
    expect(job).toMatchObject({ kind: 'rescore', status: 'done' })
    expect(job.summary.changed).toBeGreaterThanOrEqual(2)

    // A lost the point: 17/24, not passed; the MM certificate is withdrawn.
    expect(await resultOf(a.c, attemptA.id)).toMatchObject({ percent: 70.83, passed: false })
    expect((await credentials(a.c)).find((c) => c.type === 'MM')).toMatchObject({ certificateNumber: mmOfA.certificateNumber, status: 'withdrawn' })
    // D gained it: 18/24, passed; an MM certificate is awarded.
    expect(await resultOf(d!.who.c, d!.attempt.id)).toMatchObject({ percent: 75, passed: true })
    expect((await credentials(d!.who.c)).find((c) => c.type === 'MM')).toMatchObject({ status: 'active' })
    // The control did not draw X: nothing changed.
    expect(await resultOf(control!.who.c, control!.attempt.id)).toEqual(controlBefore)

    expect((await auditEntries(w, 'result.rescored', attemptA.id)).length).toBe(1)
    expect((await auditEntries(w, 'result.rescored', control!.attempt.id)).length).toBe(0)
    expect((await auditEntries(w, 'credential.withdrawn', mmOfA.certificateNumber)).length).toBe(1)
    await w.t.flushEmails()
    const outbox = (await call(w.t.app, 'GET', `/api/v1/admin/outbox?to=${encodeURIComponent(`rescore-a-${kind}@example.com`)}`, { session: w.staff })).json().items as { subject: string }[]
    expect(outbox.some((m) => m.subject === 'Your MT1 results were rescored')).toBe(true)

    // The item page lists the correction with its job, and exactly the results it changed.
    const history = (await call(w.t.app, 'GET', path, { session: w.staff })).json().items as { jobId: string; status: string; changed: number; action: string; replacementVersion: number | null; createdBy: string }[]
    expect(history).toHaveLength(1)
    expect(history[0]).toMatchObject({ jobId: started.json().jobId, status: 'done', action: 'use_version', replacementVersion: version2, changed: job.summary.changed, createdBy: 'Sam Staff' })
    const changesPath = `/api/v1/admin/scoring-corrections/${started.json().jobId}/changes`
    const changes = (await call(w.t.app, 'GET', changesPath, { session: w.staff })).json().items as { attemptId: string; beforePassed: boolean; afterPassed: boolean; beforePercent: number; afterPercent: number; awarded: { type: string }[]; withdrawn: string[] }[]
    expect(changes).toHaveLength(job.summary.changed)
    expect(changes.find((c) => c.attemptId === attemptA.id)).toMatchObject({ beforePercent: 75, afterPercent: 70.83, beforePassed: true, afterPassed: false, withdrawn: [mmOfA.certificateNumber] })
    expect(changes.find((c) => c.attemptId === d!.attempt.id)).toMatchObject({ beforePercent: 70.83, afterPercent: 75, beforePassed: false, afterPassed: true, awarded: [{ type: 'MM' }] })
    expect(changes.some((c) => c.attemptId === control!.attempt.id)).toBe(false)
    // Paged in attempt order: one at a time gives the same rows.
    const first = (await call(w.t.app, 'GET', `${changesPath}?limit=1`, { session: w.staff })).json()
    expect(first.items).toHaveLength(1)
    const second = (await call(w.t.app, 'GET', `${changesPath}?limit=1&cursor=${first.nextCursor}`, { session: w.staff })).json()
    expect(second.items[0].attemptId > first.items[0].attemptId).toBe(true)
    expect((await call(w.t.app, 'GET', `${changesPath}?cursor=forged`, { session: w.staff })).statusCode).toBe(400)
    expect((await call(w.t.app, 'GET', `${changesPath}?limit=100000`, { session: w.staff })).statusCode).toBe(400)
    expect((await call(w.t.app, 'GET', changesPath, { session: d!.who.c })).statusCode).toBe(403)
    expect((await call(w.t.app, 'GET', '/api/v1/admin/scoring-corrections/no-such-job/changes', { session: w.staff })).statusCode).toBe(404)
    expect((await call(w.t.app, 'GET', `${path}/preview?version=1`, { session: w.staff })).json().current).toMatchObject({ action: 'use_version', replacementVersion: version2 })

    // Dropping the version instead: X counts for nobody. A is 17/23 (73.91%), D 17/23 as well.
    w.t.clock.advance(1000)
    const dropped = await call(w.t.app, 'POST', path, { session: w.staff, body: { version: 1, action: 'drop', reason: 'Ambiguous figure; dropped for everyone.' } })
    expect(dropped.statusCode).toBe(202)
    await w.t.idle()
    expect(await resultOf(a.c, attemptA.id)).toMatchObject({ percent: 73.91, passed: false })
    expect(await resultOf(d!.who.c, d!.attempt.id)).toMatchObject({ percent: 73.91, passed: false })
    expect((await credentials(d!.who.c)).find((c) => c.type === 'MM')).toMatchObject({ status: 'withdrawn' })
    expect(await resultOf(control!.who.c, control!.attempt.id)).toEqual(controlBefore)
    const both = (await call(w.t.app, 'GET', path, { session: w.staff })).json().items as { jobId: string; action: string }[]
    expect(both.map((r) => r.action)).toEqual(['drop', 'use_version'])
  }, 180_000)
})
