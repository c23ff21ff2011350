// Advanced standing on both databases: a holder withdraws their own pending request (its credits go
// back to the cap in the same transaction, so a new request for them passes); a withdrawal racing a
// decision leaves exactly one outcome, in either order and concurrently; refusals store nothing; the
// institution's college partners (every member of the college) are emailed of new and withdrawn requests.
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AgreementView, RequestList, RequestView } from '../../src/common/schemas/advanced-standing.js'
import type { OrganisationView } from '../../src/common/schemas/organisations.js'
import { call, errorCode, type Session } from '../helpers/http-client.js'
import { deliveredMail } from '../helpers/mail.js'
import { organisationsWorld, type OrganisationsWorld, type Person } from '../helpers/organisations.js'
import { databases } from '../helpers/test-app.js'

const DAY = 86_400_000

describe.each(databases)('withdrawing advanced standing on %s', (kind) => {
  let w: OrganisationsWorld
  let college: OrganisationView
  let partner: Person
  let colleague: Person
  let otherPartner: Person
  let agreement: AgreementView

  const dayFromNow = (days: number) => new Date(w.t.clock().getTime() + days * DAY).toISOString().slice(0, 10)
  const apply = (who: Person, body: Record<string, unknown>) => call(w.t.app, 'POST', '/api/v1/me/advanced-standing', { session: who.session, body })
  const withdraw = (id: string, session: Session | undefined, body?: unknown, csrf?: boolean) =>
    call(w.t.app, 'POST', `/api/v1/me/advanced-standing/${id}/withdrawal`, { session, body, ...(csrf === false ? { csrf } : {}) })
  const decide = (id: string, body: unknown) => call(w.t.app, 'POST', `/api/v1/college/advanced-standing/${id}/decision`, { session: partner.session, body })
  const holder = async (label: string) => {
    const p = await w.person(label)
    const number = await w.t.app.db.transaction().execute((trx) =>
      w.t.app.services.credentialRecords.award(trx, { candidateId: p.userId, type: 'MT1', issuedOn: w.t.clock().toISOString().slice(0, 10), at: w.t.clock().toISOString() }))
    return { ...p, number }
  }
  const applied = async (h: Person & { number: string }, credits: number) => {
    const res = await apply(h, { agreementId: agreement.id, certificateNumber: h.number, credits })
    expect(res.statusCode, res.body).toBe(201)
    return res.json<RequestView>()
  }
  const snapshot = async () => Object.fromEntries(await Promise.all((['advanced_standing_requests', 'advanced_standing_totals', 'audit_log', 'emails'] as const)
    .map(async (table) => [table, await w.count(table)] as const)))
  const requestRow = (id: string) => w.t.app.db.selectFrom('advanced_standing_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const committed = async (holderId: string) =>
    Number((await w.t.app.db.selectFrom('advanced_standing_totals').select('committed').where('holder_id', '=', holderId).where('institution_id', '=', college.id).executeTakeFirst())?.committed ?? 0)
  const emailsTo = async (to: string, subject: RegExp) =>
    (await w.t.app.db.selectFrom('emails').select('subject').where('to_address', '=', to.toLowerCase()).execute()).filter((e) => subject.test(e.subject)).length

  beforeAll(async () => {
    w = await organisationsWorld(kind)
    partner = await w.person('Registrar')
    colleague = await w.person('Advisor')
    otherPartner = await w.person('OtherRegistrar')
    college = await w.organisation('college', partner, 'Piedmont Community College')
    await w.organisation('college', otherPartner, 'Tidewater Technical College')
    expect((await w.join(college.id, partner.session, colleague)).statusCode).toBe(200)
    for (const p of [partner, colleague, otherPartner]) await w.relogin(p)
    const res = await call(w.t.app, 'POST', '/api/v1/admin/articulation-agreements', {
      session: w.staff,
      body: {
        institutionId: college.id, credential: 'MT1', programName: 'A.A.S. in Manufacturing Technology', programCode: 'AAS-MFG',
        courses: [{ code: 'MFG 110', title: 'Manufacturing Processes', credits: 3 }], credits: 6, effectiveFrom: dayFromNow(-30),
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    agreement = res.json<AgreementView>()
  }, 120_000)
  afterAll(async () => w?.close())

  it("emails every member of the college of a new request, with the holder, credential, credits and the college's requests page", async () => {
    const h = await holder('Newcomer')
    const request = await applied(h, 4)
    for (const member of [partner, colleague]) {
      const mail = await deliveredMail(w.t, member.email, /New request for advanced standing/)
      expect(mail.subject).toContain(request.holder.name)
      expect(mail.text).toContain(`${request.holder.name} asks Piedmont Community College for 4 advanced-standing credits toward A.A.S. in Manufacturing Technology`)
      expect(mail.text).toContain(`Manufacturing Technician Level 1 (MT1) (certificate ${h.number}`)
      expect(mail.text).toContain(`${w.t.app.config.publicUrl}/college/advanced-standing`)
    }
    // Another college's partner hears nothing of it; nor does the holder.
    expect(await emailsTo(otherPartner.email, /New request for advanced standing/)).toBe(0)
    expect(await emailsTo(h.email, /New request for advanced standing/)).toBe(0)
  })

  it('releases the credits of a withdrawn request so a new one for them passes the cap; audited; the partners are told', async () => {
    const h = await holder('Withdrawer')
    const first = await applied(h, 6)
    const over = await apply(h, { agreementId: agreement.id, certificateNumber: h.number, credits: 1 })
    expect(over.statusCode).toBe(422)
    expect(over.json<{ error: { details: { reason: string } } }>().error.details.reason).toBe('over_cap')

    const res = await withdraw(first.id, h.session, { reason: '  I am transferring elsewhere.  ' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<RequestView>()).toMatchObject({ id: first.id, status: 'withdrawn', creditsGranted: null, declineReason: null, flagged: false })
    expect(res.json<RequestView>().decidedAt).not.toBeNull()
    expect(await committed(h.userId)).toBe(0)
    const audit = await w.t.app.db.selectFrom('audit_log').selectAll().where('entity_id', '=', first.id).where('action', '=', 'advanced_standing.withdrawn').execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actor_id: h.userId, reason: 'I am transferring elsewhere.' })
    for (const member of [partner, colleague]) {
      const mail = await deliveredMail(w.t, member.email, /withdrawn/)
      expect(mail.text).toContain(`${first.holder.name} withdrew their request to Piedmont Community College for 6 advanced-standing credits`)
      expect(mail.text).toContain('Their reason: I am transferring elsewhere.')
    }

    // The holder sees it withdrawn; the college lists it under its status, and it cannot be decided.
    const mine = (await call(w.t.app, 'GET', '/api/v1/me/advanced-standing', { session: h.session })).json<RequestList>().items
    expect(mine.find((r) => r.id === first.id)?.status).toBe('withdrawn')
    const listed = (await call(w.t.app, 'GET', '/api/v1/college/advanced-standing?status=withdrawn', { session: partner.session })).json<RequestList>().items
    expect(listed.map((r) => r.id)).toContain(first.id)
    expect(listed.every((r) => r.status === 'withdrawn')).toBe(true)
    const decided = await decide(first.id, { decision: 'grant' })
    expect(decided.statusCode).toBe(409)
    expect(errorCode(decided)).toBe('CONFLICT')

    // The freed credits: a new request for all six passes the cap.
    const again = await applied(h, 6)
    expect(await committed(h.userId)).toBe(6)
    // The CSV of decisions leaves withdrawn (and pending) requests out: they are no decisions.
    await decide(again.id, { decision: 'decline', reason: 'Outside our catalogue year.' })
    const csv = (await call(w.t.app, 'GET', '/api/v1/college/advanced-standing/export', { session: partner.session })).body
    const rows = parse(csv, { columns: true }) as { requestId: string; decision: string }[]
    expect(rows.map((r) => r.requestId)).toContain(again.id)
    expect(rows.map((r) => r.requestId)).not.toContain(first.id)
    expect(rows.every((r) => r.decision === 'granted' || r.decision === 'declined')).toBe(true)
  })

  it('withdraws without a reason (an empty body, as the house sends for cancellations); the email then gives no reason', async () => {
    const h = await holder('Quiet')
    const request = await applied(h, 2)
    const res = await withdraw(request.id, h.session, {})
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<RequestView>().status).toBe('withdrawn')
    const mail = await deliveredMail(w.t, partner.email, /withdrawn/)
    expect(mail.text).toContain(request.holder.name)
    expect(mail.text).not.toContain('Their reason')
  })

  it('refuses another holder, other roles, the anonymous, malformed and hostile requests, and a request no longer pending, storing nothing', async () => {
    const h = await holder('Owner')
    const stranger = await holder('Stranger')
    const request = await applied(h, 3)
    const before = await snapshot()
    const refusals: [Session | undefined, string, unknown, number][] = [
      [stranger.session, request.id, {}, 404],
      [h.session, 'no-such-request', {}, 404],
      // A college partner is a candidate too (every account is): to them it is someone else's request.
      [partner.session, request.id, {}, 404],
      [w.staff, request.id, {}, 403],
      [undefined, request.id, {}, 401],
      [h.session, 'bad id!', {}, 400],
      [h.session, 'x'.repeat(200), {}, 414],
      [h.session, request.id, { reason: 'x'.repeat(501) }, 400],
      [h.session, request.id, { reason: 'line\u0000break' }, 400],
      [h.session, request.id, { reason: { $ne: null } }, 400],
      [h.session, request.id, { reason: 'fine', extra: true }, 400],
      [h.session, request.id, [], 400],
    ]
    for (const [session, id, body, status] of refusals) {
      const res = await withdraw(encodeURIComponent(id), session, body)
      expect(res.statusCode, `${id.slice(0, 20)} ${JSON.stringify(body).slice(0, 60)}: ${res.body}`).toBe(status)
    }
    expect((await withdraw(request.id, h.session, {}, false)).statusCode).toBe(403)
    expect(await snapshot()).toEqual(before)
    expect((await requestRow(request.id)).status).toBe('pending')
    expect(await committed(h.userId)).toBe(3)

    // Decided: no longer the holder's to withdraw.
    expect((await decide(request.id, { decision: 'grant', credits: 2 })).statusCode).toBe(200)
    const afterDecision = await snapshot()
    const late = await withdraw(request.id, h.session, {})
    expect(late.statusCode).toBe(409)
    expect(errorCode(late)).toBe('CONFLICT')
    expect(await snapshot()).toEqual(afterDecision)
    expect(await committed(h.userId)).toBe(2)
    // Withdrawn already: refused the second time.
    const other = await applied(h, 1)
    expect((await withdraw(other.id, h.session, {})).statusCode).toBe(200)
    const afterWithdrawal = await snapshot()
    expect((await withdraw(other.id, h.session, {})).statusCode).toBe(409)
    expect(await snapshot()).toEqual(afterWithdrawal)
  })

  it('a withdrawal and a decision racing leave exactly one outcome, in either order and at once', async () => {
    // Withdrawn first: the decision is refused and the credits stay released.
    const a = await holder('RaceA')
    const ra = await applied(a, 3)
    expect((await withdraw(ra.id, a.session, {})).statusCode).toBe(200)
    expect((await decide(ra.id, { decision: 'grant' })).statusCode).toBe(409)
    expect((await requestRow(ra.id)).status).toBe('withdrawn')
    expect(await committed(a.userId)).toBe(0)

    // Decided first: the withdrawal is refused and the grant holds its credits.
    const b = await holder('RaceB')
    const rb = await applied(b, 3)
    expect((await decide(rb.id, { decision: 'grant' })).statusCode).toBe(200)
    expect((await withdraw(rb.id, b.session, {})).statusCode).toBe(409)
    expect((await requestRow(rb.id)).status).toBe('granted')
    expect(await committed(b.userId)).toBe(3)

    // At once, several times: one of the two succeeds, the other is a conflict, and the total matches the winner.
    for (let round = 0; round < 4; round++) {
      const c = await holder(`RaceC${round}`)
      const rc = await applied(c, 3)
      const [withdrawn, decided] = await Promise.all([withdraw(rc.id, c.session, {}), decide(rc.id, { decision: 'grant' })])
      expect([withdrawn.statusCode, decided.statusCode].sort()).toEqual([200, 409])
      const row = await requestRow(rc.id)
      expect(row.status).toBe(withdrawn.statusCode === 200 ? 'withdrawn' : 'granted')
      expect(await committed(c.userId)).toBe(row.status === 'granted' ? 3 : 0)
      const audits = await w.t.app.db.selectFrom('audit_log').select('action').where('entity_id', '=', rc.id).where('action', '!=', 'advanced_standing.requested').execute()
      expect(audits.map((x) => x.action)).toEqual([`advanced_standing.${row.status}`])
    }
  })
})
