// Irregularity cases through the API: the staff queue of every session's incidents; a hold withholds
// the result from the candidate (results, attempt, score report) and the registry (what rests on it is
// withdrawn, nothing new is issued from it); a release issues it and the MS it completes; a void
// withdraws; the candidate appeals within the window and not after; the appeal is decided by someone
// who took no decision on the case; races between decisions and appeals; who may call each route;
// hostile bodies; and a refused request stores nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseView, IncidentForCase, IrregularityQueuePage, MyCasesView } from '../../src/common/schemas/integrity.js'
import type { MyCredentialsView, MyResultsView } from '../../src/common/schemas/results.js'
import { call, errorCode, login, register, staffSession, type Session } from '../helpers/http-client.js'
import { HOUR, deliveryWorld, secondApp, type Admitted, type AttemptView, type DeliveryWorld } from '../helpers/delivery.js'
import { deliveredMail } from '../helpers/mail.js'
import { databases } from '../helpers/test-app.js'

/** Correct answers that pass each module (18 of 24, 27 of 36). */
const PASS = { MM: 18, SRMT: 27 } as const
const DAY = 24 * HOUR
const CANDIDATE_PASSWORD = 'correct horse battery'

describe.each(databases)('irregularity cases on %s', (kind) => {
  let w: DeliveryWorld
  let second: Session
  let n = 0
  beforeAll(async () => {
    w = await deliveryWorld(kind)
    second = await staffSession(w.t.app, 'second-staff@mt1.test')
  }, 120_000)
  afterAll(async () => w?.t.close())

  const app = () => w.t.app
  const email = (what: string) => `${what}-${++n}-${kind}@example.com`

  async function passed(a: Admitted, module: 'MM' | 'SRMT'): Promise<AttemptView> {
    const attempt = await w.start(a, module)
    await w.answerCorrectly(a.c, attempt, PASS[module])
    const res = await w.submit(a.c, attempt.id)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().result.passed).toBe(true)
    return attempt
  }

  async function incident(a: Admitted, narrative = 'Candidate was seen looking at a phone under the desk.') {
    const res = await call(app(), 'POST', `/api/v1/sessions/${w.liveSessionId}/incidents`, {
      session: w.proctor, body: { category: 'misconduct', occurredAt: w.t.clock().toISOString(), narrative, actionTaken: 'Phone taken away; candidate warned.', registrationId: a.registrationId },
    })
    expect(res.statusCode, res.body).toBe(201)
    return res.json().id as string
  }

  async function openCase(attemptIds: string[], incidentIds: string[] = []): Promise<CaseView> {
    const res = await call(app(), 'POST', '/api/v1/admin/irregularity-cases', { session: w.staff, body: { attemptIds, incidentIds, note: 'Reviewing the proctor report.' } })
    expect(res.statusCode, res.body).toBe(201)
    return res.json() as CaseView
  }

  const decide = (caseId: string, what: 'hold' | 'release' | 'void', version: number, by: Session = w.staff) =>
    call(app(), 'POST', `/api/v1/admin/irregularity-cases/${caseId}/${what}`, { session: by, body: { reason: `Decision: ${what}.`, version } })
  const appeal = (c: Session, caseId: string, statement = 'I had my phone switched off in my bag; the proctor saw my calculator.') =>
    call(app(), 'POST', `/api/v1/me/irregularities/${caseId}/appeal`, { session: c, body: { statement } })
  const decideAppeal = (caseId: string, outcome: 'upheld' | 'denied', version: number, by: Session) =>
    call(app(), 'POST', `/api/v1/admin/irregularity-cases/${caseId}/appeal-decision`, { session: by, body: { outcome, reason: `Appeal ${outcome} after review.`, version } })
  const results = async (c: Session) => ((await call(app(), 'GET', '/api/v1/me/results', { session: c })).json() as MyResultsView).items
  const credentials = async (c: Session) => ((await call(app(), 'GET', '/api/v1/me/credentials', { session: c })).json() as MyCredentialsView).items
  const myCases = async (c: Session) => ((await call(app(), 'GET', '/api/v1/me/irregularities', { session: c })).json() as MyCasesView).items
  const registryStatus = async (number: string) => (await call(app(), 'GET', `/api/v1/registry/${number}`)).json().status as string
  const auditActions = async (caseId: string) => {
    const res = await call(app(), 'GET', `/api/v1/admin/audit?entityId=${caseId}`, { session: w.staff })
    expect(res.statusCode, res.body).toBe(200)
    return (res.json().items as { action: string; createdAt: string }[]).map((e) => e.action).sort()
  }
  const staffCase = async (id: string) => (await call(app(), 'GET', `/api/v1/admin/irregularity-cases/${id}`, { session: w.staff })).json() as CaseView

  it('lists the incident in the queue, holds the result away from the candidate and the registry, and a release issues it with the MS it completes', async () => {
    const candidateEmail = email('held')
    const a = await w.admitted(candidateEmail, ['MM', 'SRMT'], { firstName: 'Hana', lastName: 'Heldova' })
    const mm = await passed(a, 'MM')
    const mmCert = (await credentials(a.c)).find((c) => c.type === 'MM')!
    expect(await registryStatus(mmCert.certificateNumber)).toBe('active')
    const incidentId = await incident(a)

    const queue = (await call(app(), 'GET', '/api/v1/admin/irregularities?status=awaiting&limit=200', { session: w.staff })).json() as IrregularityQueuePage
    const listed = queue.items.find((i) => i.id === incidentId)!
    expect(listed).toMatchObject({ status: 'awaiting', caseId: null, category: 'misconduct', candidate: { name: 'Hana Heldova', email: candidateEmail }, session: { id: w.liveSessionId } })
    expect(listed.center?.id).toBe(w.centerId)
    const forCase = (await call(app(), 'GET', `/api/v1/admin/irregularities/incidents/${incidentId}`, { session: w.staff })).json() as IncidentForCase
    expect(forCase.candidates).toHaveLength(1)
    expect(forCase.candidates[0]!.results.map((r) => r.attemptId)).toContain(mm.id)

    const opened = await openCase([mm.id], [incidentId])
    expect(opened).toMatchObject({ status: 'open', version: 1, candidate: { name: 'Hana Heldova' }, results: [{ attemptId: mm.id, module: 'MM', passed: true }] })
    expect(opened.incidents.map((i) => i.id)).toEqual([incidentId])
    const inQueue = (await call(app(), 'GET', '/api/v1/admin/irregularities?status=open&limit=200', { session: w.staff })).json() as IrregularityQueuePage
    expect(inQueue.items.find((i) => i.id === incidentId)).toMatchObject({ caseId: opened.id, status: 'open' })
    // Opening is staff's review: the candidate is not told yet and still sees the result.
    expect((await results(a.c)).map((r) => r.attemptId)).toContain(mm.id)

    const held = await decide(opened.id, 'hold', 1)
    expect(held.statusCode, held.body).toBe(200)
    expect(held.json()).toMatchObject({ status: 'held', version: 2, holdReason: 'Decision: hold.' })
    // Withheld from the candidate: no result, no score on the attempt, no score report; told why.
    expect((await results(a.c)).map((r) => r.attemptId)).not.toContain(mm.id)
    expect(((await w.get(a.c, mm.id)).json() as AttemptView).result).toBeNull()
    const scoreReport = await call(app(), 'GET', `/api/v1/me/results/${mm.id}/report.pdf`, { session: a.c })
    expect(errorCode(scoreReport)).toBe('RESULT_UNDER_REVIEW')
    const mine = await myCases(a.c)
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ id: opened.id, status: 'held', canAppeal: true, holdReason: 'Decision: hold.', modules: [{ attemptId: mm.id, module: 'MM' }] })
    expect(JSON.stringify(mine)).not.toContain('percent')
    expect((await deliveredMail(w.t, candidateEmail, /under review/)).text).toContain('Decision: hold.')
    // Withheld from the registry: the certificate resting on it no longer verifies.
    expect(await registryStatus(mmCert.certificateNumber)).toBe('revoked')
    expect((await credentials(a.c)).find((c) => c.type === 'MM')!.status).toBe('withdrawn')
    // The booking rules see a held result as pending: it neither passes nor fails until decided.
    const history = await app().services.results.attemptHistory(app().db, a.c.userId)
    expect(history.find((h) => h.module === 'MM')!.outcome).toBe('pending')
    // Staff read the session report from the queue's link.
    const report = await call(app(), 'GET', `/api/v1/sessions/${w.liveSessionId}/report.pdf`, { session: w.staff })
    expect(report.statusCode, report.body.slice(0, 200)).toBe(200)
    expect(report.headers['content-type']).toBe('application/pdf')

    // Nothing is issued from a held result: passing SRMT now gives SRMT alone, not the MS.
    await passed(a, 'SRMT')
    expect((await credentials(a.c)).filter((c) => c.status === 'active').map((c) => c.type)).toEqual(['SRMT'])

    const released = await decide(opened.id, 'release', 2)
    expect(released.statusCode, released.body).toBe(200)
    expect(released.json()).toMatchObject({ status: 'released', decisionReason: 'Decision: release.' })
    expect((await results(a.c)).map((r) => r.attemptId)).toContain(mm.id)
    const after = await credentials(a.c)
    expect(after.filter((c) => c.status === 'active').map((c) => c.type).sort()).toEqual(['MM', 'MS', 'SRMT'])
    expect(after.find((c) => c.type === 'MM')!.certificateNumber).toBe(mmCert.certificateNumber)
    expect(await registryStatus(mmCert.certificateNumber)).toBe('active')
    expect((await deliveredMail(w.t, candidateEmail, /released/)).text).toMatch(/MS MT1-/)

    const timeline = (await staffCase(opened.id)).timeline.map((e) => e.kind)
    expect(timeline).toEqual(['opened', 'held', 'notified', 'released', 'notified'])
    expect(await auditActions(opened.id)).toEqual(['irregularity.case_opened', 'irregularity.result_held', 'irregularity.result_released'])
  })

  it('voids the result (attempt voided, certificate withdrawn), takes one appeal, refuses the deciding staff member, and an upheld appeal by another releases it', async () => {
    const candidateEmail = email('voided')
    const a = await w.admitted(candidateEmail, ['MM'])
    const mm = await passed(a, 'MM')
    const cert = (await credentials(a.c)).find((c) => c.type === 'MM')!
    const opened = await openCase([mm.id])
    const voided = await decide(opened.id, 'void', 1)
    expect(voided.statusCode, voided.body).toBe(200)
    expect(voided.json()).toMatchObject({ status: 'voided', results: [{ attemptId: mm.id, attemptStatus: 'voided' }] })
    expect(await registryStatus(cert.certificateNumber)).toBe('revoked')
    expect((await results(a.c)).map((r) => r.attemptId)).not.toContain(mm.id)
    expect((await deliveredMail(w.t, candidateEmail, /voided/)).text).toContain('You may appeal')
    // Voided counts as an attempt for the retake rules.
    const history = await app().services.results.attemptHistory(app().db, a.c.userId)
    expect(history.find((h) => h.module === 'MM')!.outcome).toBe('voided')

    const first = await appeal(a.c, opened.id)
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json()).toMatchObject({ status: 'voided', canAppeal: false, appeal: { status: 'pending' } })
    const again = await appeal(a.c, opened.id, 'A second try.')
    expect(again.statusCode).toBe(409)
    expect(errorCode(again)).toBe('APPEAL_EXISTS')
    // While the appeal waits, no other decision is taken on the case.
    const meanwhile = await decide(opened.id, 'release', 3)
    expect(errorCode(meanwhile)).toBe('APPEAL_PENDING')

    const same = await decideAppeal(opened.id, 'upheld', 3, w.staff)
    expect(same.statusCode).toBe(403)
    expect(errorCode(same)).toBe('SAME_DECIDER')
    expect((await staffCase(opened.id))).toMatchObject({ status: 'voided', version: 3, appeal: { status: 'pending' } })

    const upheld = await decideAppeal(opened.id, 'upheld', 3, second)
    expect(upheld.statusCode, upheld.body).toBe(200)
    expect(upheld.json()).toMatchObject({ status: 'released', appeal: { status: 'upheld', decidedBy: { email: 'second-staff@mt1.test' } }, results: [{ attemptStatus: 'scored' }] })
    expect(await registryStatus(cert.certificateNumber)).toBe('active')
    expect((await results(a.c)).map((r) => r.attemptId)).toContain(mm.id)
    expect((await deliveredMail(w.t, candidateEmail, /appeal/)).subject).toBe('Your MT1 appeal has been upheld')
    expect((await staffCase(opened.id)).timeline.map((e) => e.kind)).toEqual(['opened', 'voided', 'notified', 'appealed', 'appeal_upheld', 'notified'])
  })

  it('lets one of two racing decisions through, and one of two racing appeals', async () => {
    const other = await secondApp(w)
    try {
      const a = await w.admitted(email('race'), ['MM'])
      const mm = await passed(a, 'MM')
      const opened = await openCase([mm.id])
      const via = (i: number) => (i === 1 && other ? other.app : app())
      const raced = await Promise.all((['hold', 'void'] as const).map((what, i) =>
        call(via(i), 'POST', `/api/v1/admin/irregularity-cases/${opened.id}/${what}`, { session: w.staff, body: { reason: `Racing ${what}.`, version: 1 } })))
      expect(raced.map((r) => r.statusCode).sort()).toEqual([200, 409])
      const afterRace = await staffCase(opened.id)
      expect(afterRace.version).toBe(2)
      expect(afterRace.timeline.filter((e) => e.kind === 'held' || e.kind === 'voided')).toHaveLength(1)

      const appeals = await Promise.all([0, 1].map((i) =>
        call(via(i), 'POST', `/api/v1/me/irregularities/${opened.id}/appeal`, { session: a.c, body: { statement: `Appeal number ${i}.` } })))
      expect(appeals.map((r) => r.statusCode).sort()).toEqual([201, 409])
      expect((await staffCase(opened.id)).timeline.filter((e) => e.kind === 'appealed')).toHaveLength(1)
    } finally {
      await other?.close()
    }
  })

  it('refuses candidates, proctors, center administrators and anonymous callers on every staff route, and staff on the candidate routes', async () => {
    const a = await w.admitted(email('authz'), ['MM'])
    const mm = await passed(a, 'MM')
    const incidentId = await incident(a)
    const opened = await openCase([mm.id], [incidentId])
    const center = await login(app(), 'center@demo.test', 'mt1-demo')
    const body = { reason: 'Not yours to decide.', version: 1 }
    const staffRoutes: [string, string, unknown?][] = [
      ['GET', '/api/v1/admin/irregularities'],
      ['GET', `/api/v1/admin/irregularities/incidents/${incidentId}`],
      ['GET', '/api/v1/admin/irregularity-cases'],
      ['POST', '/api/v1/admin/irregularity-cases', { attemptIds: [mm.id], incidentIds: [], note: 'Trying.' }],
      ['GET', `/api/v1/admin/irregularity-cases/${opened.id}`],
      ['POST', `/api/v1/admin/irregularity-cases/${opened.id}/hold`, body],
      ['POST', `/api/v1/admin/irregularity-cases/${opened.id}/release`, body],
      ['POST', `/api/v1/admin/irregularity-cases/${opened.id}/void`, body],
      ['POST', `/api/v1/admin/irregularity-cases/${opened.id}/appeal-decision`, { outcome: 'upheld', reason: 'No.', version: 1 }],
    ]
    for (const [method, url, payload] of staffRoutes) {
      for (const [who, session] of [['candidate', a.c], ['proctor', w.proctor], ['center admin', center]] as const) {
        const res = await call(app(), method as 'GET' | 'POST', url, { session, ...(payload ? { body: payload } : {}) })
        expect(res.statusCode, `${who} ${method} ${url}: ${res.body}`).toBe(403)
      }
      expect((await call(app(), method as 'GET' | 'POST', url, payload ? { body: payload } : {})).statusCode, `anonymous ${url}`).toBe(401)
    }
    for (const session of [w.staff, w.proctor, center]) {
      expect((await call(app(), 'GET', '/api/v1/me/irregularities', { session })).statusCode).toBe(403)
      expect((await appeal(session, opened.id)).statusCode).toBe(403)
    }
    // Another candidate's case does not exist for them.
    const stranger = await register(app(), { email: email('stranger') })
    expect(await staffCase(opened.id)).toMatchObject({ status: 'open', version: 1 })
    expect((await decide(opened.id, 'hold', 1)).statusCode).toBe(200)
    const foreign = await appeal(stranger, opened.id)
    expect(foreign.statusCode).toBe(404)
    expect(await staffCase(opened.id)).toMatchObject({ version: 2, appeal: null })
  })

  it('refuses hostile and malformed requests with a 4xx and stores nothing', async () => {
    const a = await w.admitted(email('hostile'), ['MM'])
    const mm = await passed(a, 'MM')
    const count = async () => (await app().db.selectFrom('irregularity_cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n
    const before = Number(await count())
    const badOpens: unknown[] = [
      { attemptIds: [mm.id], incidentIds: [], note: 'x', extra: true },
      { attemptIds: [], incidentIds: [], note: 'No result.' },
      { attemptIds: [mm.id], incidentIds: [], note: '<script>alert(1)</script>' },
      { attemptIds: [mm.id], incidentIds: [], note: 'n'.repeat(2001) },
      { attemptIds: [mm.id, mm.id], incidentIds: [], note: 'Twice.' },
      { attemptIds: ['../../etc/passwd'], incidentIds: [], note: 'Path.' },
      { attemptIds: [mm.id], incidentIds: ['nope'], note: 'Unknown incident.' },
      { attemptIds: ['no-such-attempt'], incidentIds: [], note: 'Unknown attempt.' },
      { attemptIds: [mm.id], note: 'Missing incidents.' },
      'not json at all',
      [],
    ]
    for (const body of badOpens) {
      const res = await call(app(), 'POST', '/api/v1/admin/irregularity-cases', { session: w.staff, body: body as object })
      expect(res.statusCode, `${JSON.stringify(body).slice(0, 60)} → ${res.body}`).toBeGreaterThanOrEqual(400)
      expect(res.statusCode).toBeLessThan(500)
      expect(res.json().error.code).toBeTypeOf('string')
    }
    expect(Number(await count())).toBe(before)

    const opened = await openCase([mm.id])
    // The same result cannot be in two cases: refused, and the second case is not stored.
    const twice = await call(app(), 'POST', '/api/v1/admin/irregularity-cases', { session: w.staff, body: { attemptIds: [mm.id], incidentIds: [], note: 'Again.' } })
    expect(errorCode(twice)).toBe('RESULT_IN_CASE')
    expect(Number(await count())).toBe(before + 1)

    expect((await decide(opened.id, 'hold', 1)).statusCode).toBe(200)
    for (const body of [{ reason: '', version: 2 }, { reason: 'ok', version: 0 }, { reason: 'ok' }, { reason: 'ok', version: 2, status: 'released' }, { reason: 'r'.repeat(2001), version: 2 }, { reason: 'a\u0000b', version: 2 }]) {
      const res = await call(app(), 'POST', `/api/v1/admin/irregularity-cases/${opened.id}/void`, { session: w.staff, body })
      expect(res.statusCode, JSON.stringify(body).slice(0, 60)).toBe(400)
    }
    const held = await staffCase(opened.id)
    expect(held).toMatchObject({ status: 'held', version: 2 })
    const stale = await decide(opened.id, 'release', 1)
    expect(errorCode(stale)).toBe('CASE_CHANGED')
    for (const statement of ['', 's'.repeat(4001), '<img src=x onerror=alert(1)>']) {
      const res = await appeal(a.c, opened.id, statement)
      expect(res.statusCode, statement.slice(0, 20)).toBe(400)
    }
    for (const url of ['/api/v1/admin/irregularity-cases/%3Cscript%3E', `/api/v1/admin/irregularity-cases/${'x'.repeat(65)}`]) {
      expect((await call(app(), 'GET', url, { session: w.staff })).statusCode).toBe(400)
    }
    expect((await call(app(), 'GET', '/api/v1/admin/irregularities?cursor=garbage', { session: w.staff })).statusCode).toBe(400)
    expect((await call(app(), 'GET', '/api/v1/admin/irregularities?status=lost', { session: w.staff })).statusCode).toBe(400)
    expect((await call(app(), 'GET', '/api/v1/admin/irregularity-cases/no-such-case', { session: w.staff })).statusCode).toBe(404)
    expect(await staffCase(opened.id)).toMatchObject({ status: 'held', version: 2, appeal: null })
  })
  // Last: it moves the clock past the live session.
  it('takes an appeal on the last day of the window, refuses one after it, and a denied appeal leaves the hold', async () => {
    const [onTimeEmail, lateEmail] = [email('on-time'), email('late')]
    const onTime = await w.admitted(onTimeEmail, ['MM'])
    const late = await w.admitted(lateEmail, ['MM'])
    const onTimeMm = await passed(onTime, 'MM')
    const lateMm = await passed(late, 'MM')
    const attention = async () => (await call(app(), 'GET', '/api/v1/admin/attention', { session: w.staff })).json() as { resultsHeld: number; appealsOpen: number }
    const before = await attention()
    const c1 = await openCase([onTimeMm.id])
    const c2 = await openCase([lateMm.id])
    expect((await decide(c1.id, 'hold', 1)).statusCode).toBe(200)
    expect((await decide(c2.id, 'hold', 1)).statusCode).toBe(200)
    // The staff dashboard counts the held cases.
    expect(await attention()).toMatchObject({ resultsHeld: before.resultsHeld + 2, appealsOpen: before.appealsOpen })
    const windowDays = app().services.program.definition.policies.appealWindowDays

    w.t.clock.advance(windowDays * DAY)
    await w.relogin()
    second = await login(app(), 'second-staff@mt1.test', 'staff password 1')
    const candidate1 = await login(app(), onTimeEmail, CANDIDATE_PASSWORD)
    const ok = await appeal(candidate1, c1.id)
    expect(ok.statusCode, ok.body).toBe(201)
    expect((await attention()).appealsOpen).toBe(before.appealsOpen + 1)

    w.t.clock.advance(1)
    const candidate2 = await login(app(), lateEmail, CANDIDATE_PASSWORD)
    const refused = await appeal(candidate2, c2.id)
    expect(refused.statusCode).toBe(422)
    expect(errorCode(refused)).toBe('APPEAL_WINDOW_CLOSED')
    expect(refused.json().error.details.deadline).toBe((await staffCase(c2.id)).appealDeadline)
    expect(await staffCase(c2.id)).toMatchObject({ version: 2, appeal: null })
    expect((await myCases(candidate2))[0]!.canAppeal).toBe(false)

    const denied = await decideAppeal(c1.id, 'denied', 3, second)
    expect(denied.statusCode, denied.body).toBe(200)
    expect(denied.json()).toMatchObject({ status: 'held', appeal: { status: 'denied' } })
    expect((await results(candidate1)).map((r) => r.attemptId)).not.toContain(onTimeMm.id)
    // After a denied appeal the first decider may still release.
    expect((await decide(c1.id, 'release', 4)).statusCode).toBe(200)
    expect(await attention()).toMatchObject({ resultsHeld: before.resultsHeld + 1, appealsOpen: before.appealsOpen })
  })
})
