// Advanced standing on both databases (issue 14, item 1): staff record articulation agreements with
// partner colleges (organisations of kind college, joined by invitation); the public lists partners
// and what they grant; a holder applies with a certificate, which the server verifies (the signed
// Open Badges credential and the registry's status); a college partner of that institution, and no
// other, decides; the holder is emailed; the six-credit cap holds under concurrent requests;
// conditions (effective dates, earned within N years, credential type, revoked) refuse a request;
// a revocation flags open and granted requests; registrars export decisions as CSV; granted credit is
// on the pathway; malformed, oversized, hostile and unauthorized requests are refused storing nothing.
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AgreementList, AgreementView, PartnerList, RequestList, RequestView } from '../../src/common/schemas/advanced-standing.js'
import type { PathwayView } from '../../src/common/schemas/results.js'
import type { OrganisationView } from '../../src/common/schemas/organisations.js'
import { call, errorCode, login, type Session } from '../helpers/http-client.js'
import { deliveredMail } from '../helpers/mail.js'
import { organisationsWorld, type OrganisationsWorld, type Person } from '../helpers/organisations.js'
import { databases } from '../helpers/test-app.js'

const DAY = 86_400_000

describe.each(databases)('advanced standing on %s', (kind) => {
  let w: OrganisationsWorld
  let college: OrganisationView
  let otherCollege: OrganisationView
  let employerOrg: OrganisationView
  let partner: Person
  let otherPartner: Person
  let employer: Person
  let agreement: AgreementView

  const today = () => w.t.clock().toISOString().slice(0, 10)
  const dayFromNow = (days: number) => new Date(w.t.clock().getTime() + days * DAY).toISOString().slice(0, 10)
  const agreementBody = (o: Record<string, unknown> = {}) => ({
    institutionId: college.id, credential: 'MT1', programName: 'A.A.S. in Manufacturing Technology', programCode: 'AAS-MFG',
    courses: [{ code: 'MFG 110', title: 'Manufacturing Processes', credits: 3 }, { code: 'MFG 120', title: 'Quality Fundamentals', credits: 3 }],
    credits: 6, earnedWithinYears: 5, effectiveFrom: dayFromNow(-30), ...o,
  })
  const createAgreement = (body: unknown, session: Session = w.staff) => call(w.t.app, 'POST', '/api/v1/admin/articulation-agreements', { session, body })
  const apply = (who: Person, body: Record<string, unknown>) => call(w.t.app, 'POST', '/api/v1/me/advanced-standing', { session: who.session, body })
  const requestsOf = async (session: Session, query = '') => {
    const res = await call(w.t.app, 'GET', `/api/v1/college/advanced-standing${query}`, { session })
    expect(res.statusCode, res.body).toBe(200)
    return res.json<RequestList>().items
  }
  const decide = (id: string, body: unknown, session: Session = partner.session) => call(w.t.app, 'POST', `/api/v1/college/advanced-standing/${id}/decision`, { session, body })
  /** A holder with credentials awarded through the registry's own award (what a completed sitting calls). */
  const holder = async (label: string, types: string[] = ['MT1'], issuedOn = today()) => {
    const p = await w.person(label)
    const numbers: Record<string, string> = {}
    for (const type of types) {
      numbers[type] = await w.t.app.db.transaction().execute((trx) =>
        w.t.app.services.credentialRecords.award(trx, { candidateId: p.userId, type, issuedOn, at: w.t.clock().toISOString() }))
    }
    return { ...p, numbers }
  }
  const snapshot = async () => Object.fromEntries(await Promise.all((['articulation_agreements', 'advanced_standing_requests', 'advanced_standing_totals', 'audit_log', 'emails'] as const)
    .map(async (table) => [table, await w.count(table)] as const)))
  const committed = async (holderId: string, institutionId = college.id) =>
    Number((await w.t.app.db.selectFrom('advanced_standing_totals').select('committed').where('holder_id', '=', holderId).where('institution_id', '=', institutionId).executeTakeFirst())?.committed ?? 0)

  beforeAll(async () => {
    w = await organisationsWorld(kind)
    partner = await w.person('Registrar')
    otherPartner = await w.person('OtherRegistrar')
    employer = await w.person('Employer')
    college = await w.organisation('college', partner, 'Piedmont Community College')
    otherCollege = await w.organisation('college', otherPartner, 'Tidewater Technical College')
    employerOrg = await w.organisation('employer', employer, 'Acme Fabrication')
    // Accepting a college's invitation grants the college_partner role: log in again to carry it.
    for (const p of [partner, otherPartner, employer]) p.session = await login(w.t.app, p.email, 'correct horse battery')
    const res = await createAgreement(agreementBody())
    expect(res.statusCode, res.body).toBe(201)
    agreement = res.json<AgreementView>()
  }, 120_000)
  afterAll(async () => w?.close())

  it('lets staff record and change agreements, refusing bad terms and every other role, storing nothing', async () => {
    expect(agreement).toMatchObject({ institution: { id: college.id, name: 'Piedmont Community College' }, credential: 'MT1', credits: 6, inEffect: true, credentialName: 'Manufacturing Technician Level 1 (MT1)' })
    const candidate = await w.person('Candidate')
    const before = await snapshot()
    const refusals: [unknown, number][] = [
      [agreementBody({ credential: 'XYZ' }), 400],
      [agreementBody({ credits: 7 }), 400],
      [agreementBody({ credits: 0 }), 400],
      [agreementBody({ effectiveFrom: '2025-02-30' }), 400],
      [agreementBody({ effectiveFrom: dayFromNow(10), effectiveTo: dayFromNow(5) }), 400],
      [agreementBody({ institutionId: employerOrg.id }), 400],
      [agreementBody({ institutionId: 'no-such-institution' }), 400],
      [agreementBody({ programName: 'x'.repeat(201) }), 400],
      [agreementBody({ programName: '<script>alert(1)</script>' }), 400],
      [agreementBody({ courses: Array.from({ length: 21 }, (_, i) => ({ code: `C${i}`, title: 'T', credits: 1 })) }), 400],
      [agreementBody({ unknown: true }), 400],
      [{ ...agreementBody(), credits: '6; drop table x' }, 400],
    ]
    for (const [body, status] of refusals) {
      const res = await createAgreement(body)
      expect(res.statusCode, JSON.stringify(body).slice(0, 120)).toBe(status)
    }
    for (const session of [partner.session, employer.session, candidate.session]) {
      expect((await createAgreement(agreementBody(), session)).statusCode).toBe(403)
    }
    expect((await call(w.t.app, 'POST', '/api/v1/admin/articulation-agreements', { body: agreementBody() })).statusCode).toBe(401)
    expect((await call(w.t.app, 'POST', '/api/v1/admin/articulation-agreements', { session: w.staff, body: agreementBody(), csrf: false })).statusCode).toBe(403)
    expect((await call(w.t.app, 'PATCH', `/api/v1/admin/articulation-agreements/${agreement.id}`, { session: partner.session, body: { credits: 5 } })).statusCode).toBe(403)
    expect(await snapshot()).toEqual(before)

    // A change is recorded and audited; an agreement starting later is not public yet.
    const later = (await createAgreement(agreementBody({ institutionId: otherCollege.id, credential: 'MS', credits: 3, effectiveFrom: dayFromNow(30) }))).json<AgreementView>()
    expect(later.inEffect).toBe(false)
    const changed = await call(w.t.app, 'PATCH', `/api/v1/admin/articulation-agreements/${later.id}`, { session: w.staff, body: { programName: 'A.S. in Engineering Technology' } })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json<AgreementView>()).toMatchObject({ programName: 'A.S. in Engineering Technology', credits: 3, credential: 'MS' })
    expect((await call(w.t.app, 'PATCH', `/api/v1/admin/articulation-agreements/${later.id}`, { session: w.staff, body: { credits: 9 } })).statusCode).toBe(400)
    const public_ = (await call(w.t.app, 'GET', '/api/v1/partners')).json<PartnerList>()
    expect(public_.creditsCap).toBe(6)
    // The demo college is listed too; the agreement that starts later is not.
    expect(public_.items.find((p) => p.id === college.id)?.agreements.map((a) => a.id)).toEqual([agreement.id])
    expect(public_.items.some((p) => p.id === otherCollege.id)).toBe(false)

    // Each college partner reads their own institution's agreements only.
    const mine = (await call(w.t.app, 'GET', '/api/v1/admin/articulation-agreements', { session: partner.session })).json<AgreementList>().items
    expect(mine.map((a) => a.id)).toEqual([agreement.id])
    const theirs = (await call(w.t.app, 'GET', '/api/v1/admin/articulation-agreements', { session: otherPartner.session })).json<AgreementList>().items
    expect(theirs.map((a) => a.id)).toEqual([later.id])
    expect((await call(w.t.app, 'GET', '/api/v1/admin/articulation-agreements', { session: employer.session })).statusCode).toBe(403)
    const audit = await w.t.app.db.selectFrom('audit_log').select('action').where('entity_id', '=', later.id).execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['agreement.created', 'agreement.updated'])
  })

  it('verifies the credential when a holder applies; only that institution\'s partners see and decide it; the holder is emailed', async () => {
    const h = await holder('Holder')
    const res = await apply(h, { agreementId: agreement.id, certificateNumber: h.numbers.MT1!.toLowerCase(), credits: 3 })
    expect(res.statusCode, res.body).toBe(201)
    const request = res.json<RequestView>()
    expect(request).toMatchObject({
      status: 'pending', creditsRequested: 3, certificateNumber: h.numbers.MT1, credentialType: 'MT1', flagged: false,
      verification: { signatureVerified: true, registryStatusAtRequest: 'active', registryStatusNow: 'active' },
      institution: { id: college.id }, holder: { id: h.userId, email: h.email },
    })
    expect((await requestsOf(partner.session)).map((r) => r.id)).toContain(request.id)
    expect((await requestsOf(w.staff)).map((r) => r.id)).toContain(request.id)
    // Another institution's partner: not in their list, not readable, not decidable.
    expect((await requestsOf(otherPartner.session)).map((r) => r.id)).not.toContain(request.id)
    expect(await requestsOf(otherPartner.session, `?institutionId=${college.id}`)).toEqual([])
    expect((await call(w.t.app, 'GET', `/api/v1/college/advanced-standing/${request.id}`, { session: otherPartner.session })).statusCode).toBe(404)
    expect((await decide(request.id, { decision: 'grant', credits: 3 }, otherPartner.session)).statusCode).toBe(404)
    // Other roles: refused.
    expect((await call(w.t.app, 'GET', '/api/v1/college/advanced-standing', { session: employer.session })).statusCode).toBe(403)
    expect((await call(w.t.app, 'GET', '/api/v1/college/advanced-standing', { session: h.session })).statusCode).toBe(403)
    expect((await call(w.t.app, 'GET', '/api/v1/college/advanced-standing')).statusCode).toBe(401)
    expect((await decide(request.id, { decision: 'grant', credits: 3 }, w.staff)).statusCode).toBe(403)
    expect((await decide(request.id, { decision: 'grant', credits: 3 }, h.session)).statusCode).toBe(403)
    // Applying is a holder's own action: staff cannot apply, and nobody applies with another's certificate.
    expect((await call(w.t.app, 'POST', '/api/v1/me/advanced-standing', { session: w.staff, body: { agreementId: agreement.id, certificateNumber: h.numbers.MT1 } })).statusCode).toBe(403)
    expect((await apply(partner, { agreementId: agreement.id, certificateNumber: h.numbers.MT1 })).statusCode).toBe(400)

    // Bad decisions store nothing.
    const before = await snapshot()
    expect((await decide(request.id, { decision: 'grant', credits: 4 })).statusCode).toBe(400)
    expect((await decide(request.id, { decision: 'grant', credits: 0 })).statusCode).toBe(400)
    expect((await decide(request.id, { decision: 'decline' })).statusCode).toBe(400)
    expect((await decide(request.id, { decision: 'decline', reason: '   ' })).statusCode).toBe(400)
    expect((await decide(request.id, { decision: 'grant', courseEquivalents: Array.from({ length: 21 }, () => 'MFG 110') })).statusCode).toBe(400)
    expect((await decide(request.id, { decision: 'grant', courseEquivalents: ['<img src=x onerror=alert(1)>'] })).statusCode).toBe(400)
    expect((await decide(request.id, { decision: 'maybe' })).statusCode).toBe(400)
    expect(await snapshot()).toEqual(before)

    const granted = await decide(request.id, { decision: 'grant', credits: 3, courseEquivalents: ['MFG 110 Manufacturing Processes'] })
    expect(granted.statusCode, granted.body).toBe(200)
    expect(granted.json<RequestView>()).toMatchObject({ status: 'granted', creditsGranted: 3, courseEquivalents: ['MFG 110 Manufacturing Processes'] })
    expect((await decide(request.id, { decision: 'decline', reason: 'Again' })).statusCode).toBe(409)
    const mail = await deliveredMail(w.t, h.email, /Advanced standing granted/)
    expect(mail.text).toContain('granted you 3 advanced-standing credits')
    expect(mail.text).toContain('MFG 110 Manufacturing Processes')
    // The holder sees it, and on the pathway.
    const mine = (await call(w.t.app, 'GET', '/api/v1/me/advanced-standing', { session: h.session })).json<RequestList>().items
    expect(mine.map((r) => [r.id, r.status])).toEqual([[request.id, 'granted']])
    const pathway = (await call(w.t.app, 'GET', '/api/v1/me/pathway', { session: h.session })).json<PathwayView>()
    expect(pathway.advancedStanding).toEqual([expect.objectContaining({ requestId: request.id, credits: 3, institutionName: 'Piedmont Community College', programName: 'A.A.S. in Manufacturing Technology', flagged: false })])
  })

  it('never lets one holder past six credits at one institution, counting pending requests, and gives back what is not granted', async () => {
    const h = await holder('Capped')
    expect((await apply(h, { agreementId: agreement.id, certificateNumber: h.numbers.MT1, credits: 4 })).statusCode).toBe(201)
    const before = await snapshot()
    const over = await apply(h, { agreementId: agreement.id, certificateNumber: h.numbers.MT1 })
    expect(over.statusCode).toBe(422)
    expect(errorCode(over)).toBe('RULE_VIOLATION')
    expect(over.json().error.message).toMatch(/At most 6 advanced-standing credits in all .* 4 granted or awaiting a decision .* at most 2 more/)
    expect(over.json().error.details).toMatchObject({ reason: 'over_cap', cap: 6, committed: 4 })
    expect(await snapshot()).toEqual(before)
    const second = (await apply(h, { agreementId: agreement.id, certificateNumber: h.numbers.MT1, credits: 2 })).json<RequestView>()
    expect(await committed(h.userId)).toBe(6)
    expect((await apply(h, { agreementId: agreement.id, certificateNumber: h.numbers.MT1, credits: 1 })).statusCode).toBe(422)
    // Granting one of two gives one back; declining gives back all.
    const first = (await call(w.t.app, 'GET', '/api/v1/me/advanced-standing', { session: h.session })).json<RequestList>().items.find((r) => r.creditsRequested === 4)!
    expect((await decide(first.id, { decision: 'grant', credits: 3 })).statusCode).toBe(200)
    expect(await committed(h.userId)).toBe(5)
    expect((await decide(second.id, { decision: 'decline', reason: 'Transcript shows the courses already taken' })).statusCode).toBe(200)
    expect(await committed(h.userId)).toBe(3)
    expect((await deliveredMail(w.t, h.email, /declined/)).text).toContain('Reason: Transcript shows the courses already taken')
    expect((await apply(h, { agreementId: agreement.id, certificateNumber: h.numbers.MT1, credits: 3 })).statusCode).toBe(201)
    expect(await committed(h.userId)).toBe(6)
  })

  it('holds the cap when requests arrive together', async () => {
    const h = await holder('Concurrent')
    const results = await Promise.all([4, 4, 3].map((credits) => apply(h, { agreementId: agreement.id, certificateNumber: h.numbers.MT1, credits })))
    const accepted = results.filter((r) => r.statusCode === 201).map((r) => r.json<RequestView>().creditsRequested)
    expect(results.every((r) => r.statusCode === 201 || r.statusCode === 422), results.map((r) => r.body).join('\n')).toBe(true)
    expect(accepted.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(6)
    expect(accepted.length).toBe(1)
    expect(await committed(h.userId)).toBe(accepted[0])
    const stored = await w.t.app.db.selectFrom('advanced_standing_requests').select('credits_requested').where('holder_id', '=', h.userId).execute()
    expect(stored.map((r) => Number(r.credits_requested))).toEqual(accepted)
  })

  it('applies the conditions: effective dates, earned within N years, the credential, whose it is', async () => {
    const old = await holder('OldHolder', ['MT1', 'MS'], dayFromNow(-6 * 365))
    const other = await holder('Other')
    const future = (await createAgreement(agreementBody({ effectiveFrom: dayFromNow(10), earnedWithinYears: null }))).json<AgreementView>()
    const ended = (await createAgreement(agreementBody({ effectiveFrom: dayFromNow(-100), effectiveTo: dayFromNow(-1), earnedWithinYears: null }))).json<AgreementView>()
    const before = await snapshot()
    const tooOld = await apply(old, { agreementId: agreement.id, certificateNumber: old.numbers.MT1 })
    expect(tooOld.statusCode).toBe(422)
    expect(tooOld.json().error.details.reason).toBe('earned_too_long_ago')
    const wrong = await apply(old, { agreementId: agreement.id, certificateNumber: old.numbers.MS })
    expect(wrong.json().error.details.reason).toBe('wrong_credential')
    expect((await apply(old, { agreementId: future.id, certificateNumber: old.numbers.MT1 })).json().error.details.reason).toBe('not_in_effect')
    expect((await apply(old, { agreementId: ended.id, certificateNumber: old.numbers.MT1 })).json().error.details.reason).toBe('not_in_effect')
    // Someone else's certificate, an unknown or mistyped number, an unknown agreement.
    expect((await apply(old, { agreementId: agreement.id, certificateNumber: other.numbers.MT1 })).statusCode).toBe(400)
    expect((await apply(old, { agreementId: agreement.id, certificateNumber: 'MT1-00000-00000-0' })).statusCode).toBe(400)
    expect((await apply(old, { agreementId: 'nope', certificateNumber: old.numbers.MT1 })).statusCode).toBe(400)
    // Malformed, oversized, hostile.
    for (const body of [
      {}, { agreementId: agreement.id }, { agreementId: agreement.id, certificateNumber: 'x'.repeat(41) },
      { agreementId: agreement.id, certificateNumber: "MT1'; drop table credentials;--" }, { agreementId: agreement.id, certificateNumber: old.numbers.MT1, credits: 0 },
      { agreementId: agreement.id, certificateNumber: old.numbers.MT1, credits: 1e9 }, { agreementId: agreement.id, certificateNumber: old.numbers.MT1, extra: 1 },
      { agreementId: ['a'], certificateNumber: old.numbers.MT1 },
    ]) {
      expect((await apply(old, body)).statusCode, JSON.stringify(body)).toBe(400)
    }
    expect(await snapshot()).toEqual(before)
  })

  it('flags open and granted requests when the credential is revoked, refuses granting them, and exports decisions as CSV', async () => {
    const h = await holder('Revoked')
    const granted = (await apply(h, { agreementId: agreement.id, certificateNumber: h.numbers.MT1, credits: 2 })).json<RequestView>()
    expect((await decide(granted.id, { decision: 'grant', credits: 2 })).statusCode).toBe(200)
    const declined = (await apply(h, { agreementId: agreement.id, certificateNumber: h.numbers.MT1, credits: 1 })).json<RequestView>()
    expect((await decide(declined.id, { decision: 'decline', reason: '=HYPERLINK("http://evil.example","x")' })).statusCode).toBe(200)
    const open = (await apply(h, { agreementId: agreement.id, certificateNumber: h.numbers.MT1, credits: 2 })).json<RequestView>()
    const revoked = await call(w.t.app, 'POST', `/api/v1/admin/credentials/${h.numbers.MT1}/revoke`, { session: w.staff, body: { reason: 'Identity fraud' } })
    expect(revoked.statusCode, revoked.body).toBe(200)

    const seen = new Map((await requestsOf(partner.session)).map((r) => [r.id, r]))
    expect(seen.get(granted.id)).toMatchObject({ flagged: true, verification: { registryStatusNow: 'revoked', registryStatusAtRequest: 'active' } })
    expect(seen.get(open.id)?.flagged).toBe(true)
    expect(seen.get(declined.id)?.flagged).toBe(false)
    expect(new Map((await requestsOf(w.staff)).map((r) => [r.id, r.flagged])).get(open.id)).toBe(true)
    const pathway = (await call(w.t.app, 'GET', '/api/v1/me/pathway', { session: h.session })).json<PathwayView>()
    expect(pathway.advancedStanding.find((g) => g.requestId === granted.id)?.flagged).toBe(true)
    const refused = await decide(open.id, { decision: 'grant', credits: 2 })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error.details.reason).toBe('credential_not_active')
    // A revoked credential earns nothing new.
    expect((await apply(h, { agreementId: agreement.id, certificateNumber: h.numbers.MT1, credits: 1 })).json().error.details.reason).toBe('credential_not_active')

    const csv = await call(w.t.app, 'GET', '/api/v1/college/advanced-standing/export', { session: partner.session })
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toMatch(/^text\/csv/)
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[]
    expect(rows.every((r) => r.institution === 'Piedmont Community College')).toBe(true)
    expect(rows.some((r) => r.requestId === open.id)).toBe(false) // still pending: not a decision
    expect(rows.find((r) => r.requestId === granted.id)).toMatchObject({ decision: 'granted', creditsGranted: '2', certificateNumber: h.numbers.MT1, revocationFlag: 'credential no longer active' })
    // A formula in a reason stays text in a spreadsheet.
    expect(rows.find((r) => r.requestId === declined.id)?.declineReason).toBe('\'=HYPERLINK("http://evil.example","x")')
    // The other institution's registrar sees none of these, and cannot ask for them; staff see all.
    const theirs = parse((await call(w.t.app, 'GET', '/api/v1/college/advanced-standing/export', { session: otherPartner.session })).body, { columns: true }) as unknown[]
    expect(theirs).toEqual([])
    expect((await call(w.t.app, 'GET', `/api/v1/college/advanced-standing/export?institutionId=${college.id}`, { session: otherPartner.session })).statusCode).toBe(404)
    const all = parse((await call(w.t.app, 'GET', '/api/v1/college/advanced-standing/export', { session: w.staff })).body, { columns: true }) as Record<string, string>[]
    expect(all.length).toBeGreaterThanOrEqual(rows.length)
    expect((await call(w.t.app, 'GET', '/api/v1/college/advanced-standing/export', { session: h.session })).statusCode).toBe(403)
    expect((await call(w.t.app, 'GET', '/api/v1/college/advanced-standing/export', { session: employer.session })).statusCode).toBe(403)
  })
})
