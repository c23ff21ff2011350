// Employers as organisations on both databases (issue 14, item 2): members sponsor people by email as
// the organisation (a Learning Lab seat, an exam voucher of a member's batch); every member sees the
// sponsored candidates; a candidate's results and certificates are shown only while the candidate's
// recorded consent stands, and the next read after a withdrawal says "not shared"; grants and
// withdrawals are audited; other organisations, other roles and strangers are refused; malformed and
// hostile input is refused and a refused request stores nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MySponsorList, SponsoredCandidateList, SponsorshipView } from '../../src/common/schemas/organisations.js'
import type { SponsorshipReceipt } from '../../src/common/schemas/training.js'
import type { VoucherBatchDetail } from '../../src/common/schemas/payments.js'
import { deliveryWorld, type DeliveryWorld } from '../helpers/delivery.js'
import { call, errorCode, login, register, type Session } from '../helpers/http-client.js'
import { deliveredMail, deliveredToken } from '../helpers/mail.js'
import { organisationsWorld, type OrganisationsWorld, type Person } from '../helpers/organisations.js'
import { databases } from '../helpers/test-app.js'

describe.each(databases)('employer organisations: sponsorships and consent on %s', (kind) => {
  let d: DeliveryWorld
  let w: OrganisationsWorld
  let owner: Person
  let colleague: Person
  let orgId: string
  let candidate: Session
  let assignedCode = ''
  const candidateEmail = `sponsored-${kind}@example.com`
  const stored = async () => ({
    consents: await w.count('consents'), enrolments: await w.count('training_enrolments'), audit: await w.count('audit_log'),
    assigned: Number((await w.t.app.db.selectFrom('vouchers').select((eb) => eb.fn.countAll().as('n')).where('assigned_email', 'is not', null).executeTakeFirstOrThrow()).n),
  })
  const sponsored = async (session: Session) => {
    const res = await call(w.t.app, 'GET', `/api/v1/organisations/${orgId}/sponsored-candidates`, { session })
    expect(res.statusCode, res.body).toBe(200)
    return res.json<SponsoredCandidateList>()
  }

  beforeAll(async () => {
    d = await deliveryWorld(kind)
    w = await organisationsWorld(kind, { t: d.t, staff: d.staff })
    owner = await w.person('Owner')
    colleague = await w.person('Colleague')
    orgId = (await w.organisation('employer', owner, 'Ridge Tool & Die')).id
    expect((await w.join(orgId, owner.session, colleague)).statusCode).toBe(200)
    // The candidate passes MM in the demo's session running now.
    const a = await d.admitted(candidateEmail, ['MM'], { firstName: 'Sally', lastName: 'Sponsored' })
    candidate = a.c
    const attempt = await d.start(a, 'MM')
    await d.answerCorrectly(a.c, attempt, attempt.items.length)
    const submitted = await d.submit(a.c, attempt.id)
    expect(submitted.statusCode, submitted.body).toBe(200)
  }, 240_000)
  afterAll(async () => d?.t.close())

  it('sponsors a Learning Lab seat as the organisation; the candidate accepts it; every member sees them, not shared', async () => {
    const res = await call(w.t.app, 'POST', `/api/v1/organisations/${orgId}/sponsorships/seats`, { session: owner.session, body: { module: 'MM', emails: [candidateEmail] } })
    expect(res.statusCode, res.body).toBe(201)
    const seat = res.json<SponsorshipReceipt>().items[0]!
    const mail = await deliveredMail(w.t, candidateEmail, /sponsored a seat/)
    expect(mail.subject).toContain('Ridge Tool & Die')
    const token = await deliveredToken(w.t, candidateEmail, /sponsored a seat/)
    const accepted = await call(w.t.app, 'POST', '/api/v1/training/invitations/accept', { session: candidate, body: { token } })
    expect(accepted.statusCode, accepted.body).toBe(200)
    for (const session of [owner.session, colleague.session, w.staff]) {
      const list = await sponsored(session)
      expect(list.items).toEqual([expect.objectContaining({
        email: candidateEmail, name: 'Sally Sponsored', sharing: 'not_shared', results: null, certificates: null,
        sponsorships: [expect.objectContaining({ id: seat.id, kind: 'learning_lab', status: 'confirmed' })],
      })])
    }
    const mine = (await call(w.t.app, 'GET', '/api/v1/me/sponsors', { session: candidate })).json<MySponsorList>()
    expect(mine.items).toEqual([expect.objectContaining({ organisation: expect.objectContaining({ id: orgId }), consent: null })])
  })

  it('assigns an exam voucher of a member\'s batch to a person by email, who is sent the code', async () => {
    expect((await call(w.t.app, 'PUT', '/api/v1/admin/fees', { session: w.staff, body: { MM: 5000, SRMT: 7000 } })).statusCode).toBe(200)
    const batch = await call(w.t.app, 'POST', '/api/v1/voucher-batches', { session: colleague.session, body: { modules: ['SRMT'], quantity: 2, organization: 'Ridge Tool & Die' } })
    expect(batch.statusCode, batch.body).toBe(201)
    const batchId = batch.json<VoucherBatchDetail>().id
    // The owner assigns a code of the colleague's batch: the organisation's.
    const res = await call(w.t.app, 'POST', `/api/v1/organisations/${orgId}/sponsorships/vouchers`, { session: owner.session, body: { voucherBatchId: batchId, email: candidateEmail.toUpperCase() } })
    expect(res.statusCode, res.body).toBe(201)
    const voucher = res.json<SponsorshipView>()
    expect(voucher).toMatchObject({ kind: 'voucher', email: candidateEmail, status: 'available' })
    expect((await deliveredMail(w.t, candidateEmail, /exam: voucher/)).text).toContain(voucher.voucherCode!)
    assignedCode = voucher.voucherCode!
    const list = await sponsored(colleague.session)
    expect(list.items[0]!.sponsorships.map((s) => s.kind).sort()).toEqual(['learning_lab', 'voucher'])
    // A batch of someone outside the organisation is not found; a spent batch has no code left.
    const outsider = await login(w.t.app, 'employer@demo.test', 'mt1-demo')
    const foreign = await call(w.t.app, 'POST', '/api/v1/voucher-batches', { session: outsider, body: { modules: ['MM'], quantity: 1 } })
    const before = await stored()
    expect((await call(w.t.app, 'POST', `/api/v1/organisations/${orgId}/sponsorships/vouchers`, { session: owner.session, body: { voucherBatchId: foreign.json<VoucherBatchDetail>().id, email: 'x@example.com' } })).statusCode).toBe(404)
    expect((await call(w.t.app, 'POST', `/api/v1/organisations/${orgId}/sponsorships/vouchers`, { session: owner.session, body: { voucherBatchId: batchId, email: 'second@example.com' } })).statusCode).toBe(201)
    const before2 = await stored()
    const none = await call(w.t.app, 'POST', `/api/v1/organisations/${orgId}/sponsorships/vouchers`, { session: owner.session, body: { voucherBatchId: batchId, email: 'third@example.com' } })
    expect(errorCode(none)).toBe('VOUCHER_INVALID')
    expect(await stored()).toEqual(before2)
    expect(before2.assigned).toBe(before.assigned + 1)
  })

  it('an assigned exam voucher pays only for the person it was sent to', async () => {
    expect(assignedCode).not.toBe('')
    const sessions = (await call(w.t.app, 'GET', '/api/v1/sessions?module=SRMT')).json<{ items: { id: string; startsAt: string; status: string }[] }>().items
    const open = sessions.find((s) => s.status === 'scheduled' && new Date(s.startsAt).getTime() > w.t.clock().getTime() + 72 * 3_600_000)
    expect(open, 'a demo session offering SRMT more than 72 hours ahead').toBeDefined()
    const book = async (session: Session) => {
      const reg = await call(w.t.app, 'POST', '/api/v1/registrations', { session, body: { sessionId: open!.id, modules: ['SRMT'] } })
      expect(reg.statusCode, reg.body).toBe(201)
      return reg.json<{ id: string; status: string }>().id
    }
    const pay = (session: Session, id: string) => call(w.t.app, 'POST', `/api/v1/registrations/${id}/payment`, { session, body: { method: 'voucher', code: assignedCode } })
    const voucherStatus = async () => (await w.t.app.db.selectFrom('vouchers').select(['status', 'registration_id']).where('code', '=', assignedCode).executeTakeFirstOrThrow())

    // Someone else who learned the code cannot spend it; nothing changes.
    const other = await register(w.t.app, { email: `code-finder-${kind}@example.com` })
    const theirs = await book(other)
    const refused = await pay(other, theirs)
    expect(refused.statusCode, refused.body).toBe(422)
    expect(errorCode(refused)).toBe('VOUCHER_INVALID')
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/given to another person/)
    expect(await voucherStatus()).toEqual({ status: 'available', registration_id: null })
    const stillPending = await call(w.t.app, 'GET', `/api/v1/registrations/${theirs}`, { session: other })
    expect(stillPending.json<{ status: string }>().status).toBe('pending_payment')

    // The person it was sent to pays with it.
    const mine = await book(candidate)
    const paid = await pay(candidate, mine)
    expect(paid.statusCode, paid.body).toBe(200)
    expect(await voucherStatus()).toEqual({ status: 'redeemed', registration_id: mine })
  })

  it('shows results and certificates only while consent stands; the next read after withdrawal hides them', async () => {
    const granted = await call(w.t.app, 'POST', '/api/v1/me/consents', { session: candidate, body: { organisationId: orgId, scope: 'results' } })
    expect(granted.statusCode, granted.body).toBe(201)
    const consent = granted.json<{ id: string; withdrawnAt: string | null }>()
    expect(consent.withdrawnAt).toBeNull()
    // Granting again gives the standing consent, not a second one.
    expect((await call(w.t.app, 'POST', '/api/v1/me/consents', { session: candidate, body: { organisationId: orgId, scope: 'results' } })).json<{ id: string }>().id).toBe(consent.id)
    for (const session of [owner.session, colleague.session]) {
      const [person] = (await sponsored(session)).items
      expect(person).toMatchObject({ sharing: 'shared', results: [expect.objectContaining({ module: 'MM', passed: true, percent: 100 })] })
      expect(person!.certificates!.map((c) => c.type)).toContain('MM')
    }
    const withdrawn = await call(w.t.app, 'POST', `/api/v1/me/consents/${consent.id}/withdraw`, { session: candidate })
    expect(withdrawn.statusCode, withdrawn.body).toBe(200)
    const [after] = (await sponsored(colleague.session)).items
    expect(after).toMatchObject({ sharing: 'not_shared', results: null, certificates: null, sharedSince: null })
    expect((await call(w.t.app, 'POST', `/api/v1/me/consents/${consent.id}/withdraw`, { session: candidate })).statusCode).toBe(409)
    const audit = await w.t.app.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', consent.id).execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['consent.granted', 'consent.withdrawn'])
    // The audit log names the consent (whose, to which organisation) and the organisation by name.
    const named = await call(w.t.app, 'GET', `/api/v1/admin/audit?entityType=consent&entityId=${consent.id}`, { session: w.staff })
    expect(named.statusCode, named.body).toBe(200)
    const entries = named.json<{ items: { recordLabel: string | null; recordPersonId: string | null }[] }>().items
    expect(entries).toHaveLength(2)
    for (const e of entries) expect(e).toMatchObject({ recordLabel: 'Consent of Sally Sponsored to share results with Ridge Tool & Die', recordPersonId: candidate.userId })
    const orgEntries = (await call(w.t.app, 'GET', `/api/v1/admin/audit?entityType=organisation&entityId=${orgId}`, { session: w.staff })).json<{ items: { recordLabel: string | null }[] }>().items
    expect(orgEntries.length).toBeGreaterThan(0)
    for (const e of orgEntries) expect(e.recordLabel).toBe('Ridge Tool & Die')
    const rows = await w.t.app.db.selectFrom('consents').selectAll().where('candidate_id', '=', candidate.userId).execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]!.withdrawn_at).not.toBeNull()
    // Granting again after a withdrawal records a new consent.
    const again = await call(w.t.app, 'POST', '/api/v1/me/consents', { session: candidate, body: { organisationId: orgId, scope: 'results' } })
    expect(again.json<{ id: string }>().id).not.toBe(consent.id)
    expect((await sponsored(owner.session)).items[0]!.sharing).toBe('shared')
    await call(w.t.app, 'POST', `/api/v1/me/consents/${again.json<{ id: string }>().id}/withdraw`, { session: candidate })
  })

  it('refuses consent to an organisation that does not sponsor the candidate, and another\'s consent', async () => {
    const other = await w.person('OtherOwner')
    const otherOrg = await w.organisation('employer', other)
    const stranger = await register(w.t.app, { email: `stranger-${kind}@example.com` })
    const consent = (await call(w.t.app, 'POST', '/api/v1/me/consents', { session: candidate, body: { organisationId: orgId, scope: 'results' } })).json<{ id: string }>()
    const before = await stored()
    expect((await call(w.t.app, 'POST', '/api/v1/me/consents', { session: candidate, body: { organisationId: otherOrg.id, scope: 'results' } })).statusCode).toBe(404)
    expect((await call(w.t.app, 'POST', '/api/v1/me/consents', { session: stranger, body: { organisationId: orgId, scope: 'results' } })).statusCode).toBe(404)
    expect((await call(w.t.app, 'POST', `/api/v1/me/consents/${consent.id}/withdraw`, { session: stranger })).statusCode).toBe(404)
    expect((await call(w.t.app, 'POST', `/api/v1/me/consents/${consent.id}/withdraw`, { session: owner.session })).statusCode).toBe(404)
    expect((await call(w.t.app, 'POST', '/api/v1/me/consents', { body: { organisationId: orgId, scope: 'results' } })).statusCode).toBe(401)
    expect(await stored()).toEqual(before)
    await call(w.t.app, 'POST', `/api/v1/me/consents/${consent.id}/withdraw`, { session: candidate })
  })

  it('refuses another organisation\'s members, every other role and strangers; refuses malformed and hostile input', async () => {
    const other = await w.person('Rival')
    await w.organisation('employer', other)
    const sessions: Session[] = [other.session, candidate, ...(await Promise.all(['employer@demo.test', 'center@demo.test', 'proctor@demo.test', 'trainer@demo.test', 'candidate@demo.test'].map((e) => login(w.t.app, e, 'mt1-demo'))))]
    const before = await stored()
    for (const session of sessions) {
      expect((await call(w.t.app, 'GET', `/api/v1/organisations/${orgId}/sponsored-candidates`, { session })).statusCode).toBe(404)
      expect((await call(w.t.app, 'POST', `/api/v1/organisations/${orgId}/sponsorships/seats`, { session, body: { module: 'MM', emails: ['a@example.com'] } })).statusCode).toBe(404)
      expect((await call(w.t.app, 'POST', `/api/v1/organisations/${orgId}/sponsorships/vouchers`, { session, body: { voucherBatchId: 'abc', email: 'a@example.com' } })).statusCode).toBe(404)
    }
    expect((await call(w.t.app, 'GET', `/api/v1/organisations/${orgId}/sponsored-candidates`)).statusCode).toBe(401)
    const bad: [string, unknown][] = [
      ['seats', { module: 'MM', emails: [] }], ['seats', { module: 'MM', emails: ['not-an-email'] }], ['seats', { module: 'MM', emails: Array.from({ length: 101 }, (_, i) => `p${i}@example.com`) }],
      ['seats', { module: '<script>', emails: ['a@example.com'] }], ['seats', { module: 'MM', emails: ['a@example.com'], extra: true }],
      ['vouchers', { voucherBatchId: "' OR 1=1 --", email: 'a@example.com' }], ['vouchers', { voucherBatchId: 'x'.repeat(65), email: 'a@example.com' }], ['vouchers', { email: 'a@example.com' }],
    ]
    for (const [what, body] of bad) {
      const res = await call(w.t.app, 'POST', `/api/v1/organisations/${orgId}/sponsorships/${what}`, { session: owner.session, payload: JSON.stringify(body) })
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
    }
    for (const body of [{ organisationId: orgId, scope: 'everything' }, { organisationId: orgId }, { organisationId: '../x', scope: 'results' }, { organisationId: orgId, scope: 'results', candidateId: 'x' }]) {
      expect((await call(w.t.app, 'POST', '/api/v1/me/consents', { session: candidate, payload: JSON.stringify(body) })).statusCode, JSON.stringify(body)).toBe(400)
    }
    expect(await stored()).toEqual(before)
  })
})
