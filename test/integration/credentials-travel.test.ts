// Issue 14, NCRC stacking and credentials that travel: the NCRC's date, uploaded copy (limits, types
// judged by bytes) and staff's verification (audited; reset by any change), the privacy of the
// number and the copy in every public read, the stack the registry and the public credential page
// state, the public page of an active and a revoked certificate with its LinkedIn link, the badge
// images the Open Badges achievement names, and downloads named after the certificate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEntries, deliveryWorld, type Award, type DeliveryWorld } from '../helpers/delivery.js'
import { call, errorCode, login, register, type Session } from '../helpers/http-client.js'
import { databases } from '../helpers/test-app.js'
import { certificateNumberFrom } from '../../src/common/rules/certificate-number.js'

const PASS = { MM: 18, SRMT: 27, QBA: 18 } as const
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)])
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 32)])
const NCRC_NUMBER = 'NCRC-SECRET-4711'

describe.each(databases)('NCRC stacking and credentials that travel on %s', (kind) => {
  let w: DeliveryWorld
  let holder: { c: Session; awards: Award[]; number: (type: string) => string }
  let revokedNumber: string
  let employer: Session
  let other: Session

  const upload = (session: Session | undefined, bytes: Buffer, contentType = 'image/png', fileName = 'ncrc.png', csrf = true) =>
    w.t.app.inject({
      method: 'POST', url: `/api/v1/me/profile/ncrc-certificate?fileName=${encodeURIComponent(fileName)}`, payload: bytes,
      headers: { 'content-type': contentType, ...(session ? { cookie: session.cookie, ...(csrf ? { 'x-csrf-token': session.csrfToken } : {}) } : {}) },
    })
  const profile = async (session: Session) => (await call(w.t.app, 'GET', '/api/v1/me/profile', { session })).json()
  const verify = (session: Session | undefined, userId: string, body: unknown) => call(w.t.app, 'POST', `/api/v1/admin/people/${userId}/ncrc-verification`, { session, body })
  const lookup = async (number: string) => (await call(w.t.app, 'GET', `/api/v1/registry/${number}`)).json()
  const page = (number: string) => call(w.t.app, 'GET', `/api/v1/public-credentials/${number}`)

  beforeAll(async () => {
    w = await deliveryWorld(kind)
    const a = await w.admitted(`travel-${kind}@example.com`, ['MM', 'SRMT', 'QBA'], { firstName: 'Ada', lastName: 'Lovelace' })
    const awards: Award[] = []
    for (const module of ['MM', 'SRMT', 'QBA'] as const) {
      const attempt = await w.start(a, module)
      await w.answerCorrectly(a.c, attempt, PASS[module])
      const res = await w.submit(a.c, attempt.id)
      expect(res.statusCode, res.body).toBe(200)
      awards.push(...(res.json().awarded as Award[]))
    }
    holder = { c: a.c, awards, number: (type) => awards.find((x) => x.type === type)!.certificateNumber }
    const b = await w.admitted(`travel-revoked-${kind}@example.com`, ['QBA'])
    const attempt = await w.start(b, 'QBA')
    await w.answerCorrectly(b.c, attempt, PASS.QBA)
    revokedNumber = ((await w.submit(b.c, attempt.id)).json().awarded as Award[])[0]!.certificateNumber
    const revoked = await call(w.t.app, 'POST', `/api/v1/admin/credentials/${revokedNumber}/revoke`, { session: w.staff, body: { reason: 'Awarded in error' } })
    expect(revoked.statusCode, revoked.body).toBe(200)
    await w.t.app.services.users.createWithPassword({ email: `travel-employer-${kind}@example.com`, password: 'employer password 1', firstName: 'Emma', lastName: 'Ployer', roles: ['employer'] })
    employer = await login(w.t.app, `travel-employer-${kind}@example.com`, 'employer password 1')
    other = await register(w.t.app, { email: `travel-other-${kind}@example.com` })
  }, 240_000)
  afterAll(async () => w.t.close())

  it('records the NCRC level, number and date; refuses an impossible or future date and stores nothing', async () => {
    const bad = await call(w.t.app, 'PUT', '/api/v1/me/profile', { session: holder.c, body: { ncrcLevel: 'Gold', ncrcDate: '2999-01-01' } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details[0].field).toBe('ncrcDate')
    expect((await profile(holder.c)).ncrcLevel).toBeNull()
    const malformed = await call(w.t.app, 'PUT', '/api/v1/me/profile', { session: holder.c, body: { ncrcDate: '2024-13-45' } })
    expect(malformed.statusCode).toBe(400)
    const ok = await call(w.t.app, 'PUT', '/api/v1/me/profile', { session: holder.c, body: { ncrcLevel: 'Gold', ncrcNumber: NCRC_NUMBER, ncrcDate: '2024-05-06' } })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ ncrcLevel: 'Gold', ncrcNumber: NCRC_NUMBER, ncrcDate: '2024-05-06', ncrcVerification: 'unverified', ncrcCertificate: null })
  })

  it('takes a PDF, PNG or JPEG upload judged by its bytes, within 5 MB; a refused upload stores nothing', async () => {
    expect((await upload(undefined, PNG)).statusCode).toBe(401)
    expect((await upload(holder.c, PNG, 'image/png', 'ncrc.png', false)).statusCode).toBe(403)
    expect((await upload(w.staff, PNG)).statusCode).toBe(403)
    const notImage = await upload(holder.c, Buffer.from('#!/bin/sh\necho hello\n'), 'image/png', 'ncrc.png')
    expect(notImage.statusCode).toBe(415)
    expect(errorCode(notImage)).toBe('UNSUPPORTED_DOCUMENT')
    expect((await upload(holder.c, Buffer.alloc(0))).statusCode).toBe(400)
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)])
    expect((await upload(holder.c, big, 'application/pdf', 'big.pdf')).statusCode).toBe(413)
    expect((await upload(holder.c, PNG, 'text/html', 'x.png')).statusCode).toBe(415)
    const noName = await w.t.app.inject({ method: 'POST', url: '/api/v1/me/profile/ncrc-certificate', payload: PNG, headers: { 'content-type': 'image/png', cookie: holder.c.cookie, 'x-csrf-token': holder.c.csrfToken } })
    expect(noName.statusCode).toBe(400)
    expect((await profile(holder.c)).ncrcCertificate).toBeNull()

    const ok = await upload(holder.c, PDF, 'application/octet-stream', '../../etc/"ncrc".pdf')
    expect(ok.statusCode, ok.body).toBe(201)
    expect(ok.json().ncrcCertificate).toMatchObject({ contentType: 'application/pdf', size: PDF.length })
    expect(ok.json().ncrcCertificate.fileName).not.toMatch(/[/"]/)
    const again = await upload(holder.c, PNG)
    expect(again.json().ncrcCertificate).toMatchObject({ contentType: 'image/png', size: PNG.length, fileName: 'ncrc.png' })
  })

  it('shows the upload to its holder and program staff only (staff reads audited)', async () => {
    const own = await call(w.t.app, 'GET', '/api/v1/me/profile/ncrc-certificate', { session: holder.c })
    expect(own.statusCode).toBe(200)
    expect(own.headers['content-type']).toBe('image/png')
    expect(own.rawPayload.equals(PNG)).toBe(true)
    expect((await call(w.t.app, 'GET', '/api/v1/me/profile/ncrc-certificate', { session: other })).statusCode).toBe(404)
    expect((await call(w.t.app, 'GET', '/api/v1/me/profile/ncrc-certificate')).statusCode).toBe(401)
    for (const session of [other, employer, w.proctor, holder.c]) {
      expect((await call(w.t.app, 'GET', `/api/v1/admin/people/${holder.c.userId}/ncrc-certificate`, { session })).statusCode).toBe(403)
      expect((await call(w.t.app, 'GET', `/api/v1/admin/people/${holder.c.userId}/ncrc`, { session })).statusCode).toBe(403)
    }
    const staff = await call(w.t.app, 'GET', `/api/v1/admin/people/${holder.c.userId}/ncrc-certificate`, { session: w.staff })
    expect(staff.statusCode).toBe(200)
    expect(staff.headers['cache-control']).toBe('private, no-store')
    expect(await auditEntries(w, 'ncrc.certificate_read', holder.c.userId)).toHaveLength(1)
    const record = await call(w.t.app, 'GET', `/api/v1/admin/people/${holder.c.userId}/ncrc`, { session: w.staff })
    expect(record.json()).toMatchObject({ ncrcLevel: 'Gold', ncrcNumber: NCRC_NUMBER })
  })

  it('lets only program staff verify, with a reason to refuse; refusals store nothing', async () => {
    for (const session of [holder.c, other, employer, w.proctor]) expect((await verify(session, holder.c.userId, { verified: true })).statusCode).toBe(403)
    expect((await verify(undefined, holder.c.userId, { verified: true })).statusCode).toBe(401)
    expect((await verify(w.staff, holder.c.userId, { verified: false })).statusCode).toBe(400)
    expect((await verify(w.staff, holder.c.userId, { verified: false, reason: '<script>alert(1)</script>' })).statusCode).toBe(400)
    expect((await verify(w.staff, holder.c.userId, { verified: true, extra: 1 })).statusCode).toBe(400)
    expect((await verify(w.staff, holder.c.userId, { verified: false, reason: 'x'.repeat(501) })).statusCode).toBe(400)
    expect((await verify(w.staff, 'no-such-person', { verified: true })).statusCode).toBe(404)
    expect((await verify(w.staff, other.userId, { verified: true })).statusCode).toBe(422)
    expect((await profile(holder.c)).ncrcVerification).toBe('unverified')
    expect(await auditEntries(w, 'ncrc.verified', holder.c.userId)).toHaveLength(0)
  })

  it('states the stack publicly with the level and verification only, never the number or the upload', async () => {
    expect((await lookup(holder.number('MT1'))).stack).toBe('MT1, stacked on NCRC Gold (not verified)')
    expect((await lookup(holder.number('MM'))).stack).toBeNull()

    const refused = await verify(w.staff, holder.c.userId, { verified: false, reason: 'The number does not match the copy.' })
    expect(refused.statusCode, refused.body).toBe(200)
    expect(refused.json()).toMatchObject({ ncrcVerification: 'not_verified', ncrcVerificationReason: 'The number does not match the copy.' })
    expect((await lookup(holder.number('MS'))).stack).toBe('MS, stacked on NCRC Gold (not verified)')

    const verified = await verify(w.staff, holder.c.userId, { verified: true })
    expect(verified.json()).toMatchObject({ ncrcVerification: 'verified', ncrcVerificationReason: null })
    const [entry] = await auditEntries(w, 'ncrc.verified', holder.c.userId)
    expect(entry).toMatchObject({ actorId: w.staff.userId, entityType: 'user' })
    expect((await lookup(holder.number('MT1'))).stack).toBe('MT1, stacked on NCRC Gold (verified)')

    const publicReads = [
      await call(w.t.app, 'GET', `/api/v1/registry/${holder.number('MT1')}`),
      await page(holder.number('MT1')),
      await call(w.t.app, 'GET', `/api/v1/registry?name=Lovelace`),
    ]
    for (const res of publicReads) {
      expect(res.body).not.toContain(NCRC_NUMBER)
      expect(res.body).not.toContain('2024-05-06')
      expect(res.body).not.toContain('ncrc-certificate')
    }
    const pathway = await call(w.t.app, 'GET', '/api/v1/me/pathway', { session: holder.c })
    expect(pathway.json().ncrc).toMatchObject({ level: 'Gold', date: '2024-05-06', verification: 'verified', meetsRecommendation: true })
  })

  it('resets verification when the holder changes the NCRC after it was verified (audited)', async () => {
    const same = await call(w.t.app, 'PUT', '/api/v1/me/profile', { session: holder.c, body: { state: 'VA' } })
    expect(same.json().ncrcVerification).toBe('verified')
    const changed = await call(w.t.app, 'PUT', '/api/v1/me/profile', { session: holder.c, body: { ncrcDate: '2024-05-07' } })
    expect(changed.json()).toMatchObject({ ncrcVerification: 'unverified', ncrcVerifiedAt: null })
    expect(await auditEntries(w, 'ncrc.verification_reset', holder.c.userId)).toHaveLength(1)
    expect((await lookup(holder.number('MT1'))).stack).toBe('MT1, stacked on NCRC Gold (not verified)')
    expect((await verify(w.staff, holder.c.userId, { verified: true })).statusCode).toBe(200)
    expect((await upload(holder.c, PDF, 'application/pdf', 'new.pdf')).json().ncrcVerification).toBe('unverified')
    expect(await auditEntries(w, 'ncrc.verification_reset', holder.c.userId)).toHaveLength(2)
    expect((await verify(w.staff, holder.c.userId, { verified: true })).statusCode).toBe(200)
  })

  it('serves the public credential page of an active certificate with its LinkedIn link', async () => {
    const res = await page(holder.number('MT1'))
    expect(res.statusCode, res.body).toBe(200)
    const c = res.json()
    expect(c).toMatchObject({
      certificateNumber: holder.number('MT1'), type: 'MT1', name: 'Manufacturing Technician Level 1', achievementType: 'Certification',
      holderName: 'Ada Lovelace', status: 'active', revokedOn: null, stack: 'MT1, stacked on NCRC Gold (verified)',
      issuer: { name: 'Manufacturing Skills Institute', url: 'http://mt1.test', id: 'http://mt1.test/api/v1/issuer' },
      badge: { svg: 'http://mt1.test/api/v1/badges/MT1.svg', png: 'http://mt1.test/api/v1/badges/MT1.png' },
      links: { page: `http://mt1.test/credentials/${holder.number('MT1')}`, registry: `http://mt1.test/registry/${holder.number('MT1')}`, achievement: 'http://mt1.test/achievements/MT1' },
    })
    expect(c.skills).toHaveLength(12)
    expect(c.requirements.map((r: { code: string }) => r.code)).toEqual(['MM', 'SRMT', 'QBA'])
    expect(c.criteria).toMatch(/Pass each of these/)
    expect(c.badge.alt).toMatch(/Manufacturing Technician Level 1 \(MT1\) badge/)
    const linkedIn = new URL(c.links.linkedIn)
    const issued = holder.awards.find((x) => x.type === 'MT1')!.issuedOn
    expect(linkedIn.origin + linkedIn.pathname).toBe('https://www.linkedin.com/profile/add')
    expect(Object.fromEntries(linkedIn.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME', name: 'Manufacturing Technician Level 1', organizationName: 'Manufacturing Skills Institute',
      issueYear: issued.slice(0, 4), issueMonth: String(Number(issued.slice(5, 7))), certUrl: c.links.page, certId: holder.number('MT1'),
    })
    expect(res.headers['cache-control']).toBe('no-cache')
    expect((await page(holder.number('MM'))).json().stack).toBeNull()
  })

  it('says plainly that a revoked certificate is revoked, and offers no LinkedIn link', async () => {
    const c = (await page(revokedNumber)).json()
    expect(c).toMatchObject({ status: 'revoked', type: 'QBA', links: { linkedIn: null } })
    expect(c.revokedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('answers a mistyped number 400 and an unknown one 404, like the registry', async () => {
    const number = holder.number('MT1')
    const last = number.at(-1)!
    const typo = number.slice(0, -1) + (last === 'A' ? 'B' : 'A')
    const mistyped = await page(typo)
    expect(mistyped.statusCode).toBe(400)
    expect(mistyped.json().error.details.reason).toBe('check')
    expect((await page('not a number')).statusCode).toBe(400)
    expect((await page(certificateNumberFrom(new Uint8Array(10).fill(3)))).statusCode).toBe(404)
    expect((await page('x'.repeat(65))).statusCode).toBe(400)
  })

  it('serves each badge as SVG with accessible text and as PNG; the Open Badges achievement names the PNG', async () => {
    for (const code of ['MM', 'SRMT', 'QBA', 'MS', 'MT1']) {
      const svg = await call(w.t.app, 'GET', `/api/v1/badges/${code}.svg`)
      expect(svg.statusCode).toBe(200)
      expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/)
      expect(svg.body).toMatch(/<svg [^>]*role="img"/)
      expect(svg.body).toMatch(new RegExp(`<title id="badge-title">[^<]+\\(${code}\\) badge</title>`))
      const png = await call(w.t.app, 'GET', `/api/v1/badges/${code}.png`)
      expect(png.statusCode).toBe(200)
      expect(png.headers['content-type']).toBe('image/png')
      expect(png.rawPayload.subarray(0, 8).equals(PNG.subarray(0, 8))).toBe(true)
      expect(png.rawPayload.length).toBeGreaterThan(2000)
    }
    expect((await call(w.t.app, 'GET', '/api/v1/badges/XYZ.png')).statusCode).toBe(404)
    expect((await call(w.t.app, 'GET', '/api/v1/badges/MT1.gif')).statusCode).toBe(400)
    expect((await call(w.t.app, 'GET', '/api/v1/badges/..%2Fetc.png')).statusCode).toBe(400)

    const ob3 = await call(w.t.app, 'GET', `/api/v1/me/credentials/${holder.number('MT1')}/ob3`, { session: holder.c })
    expect(ob3.statusCode).toBe(200)
    expect(ob3.json().credentialSubject.achievement.image).toEqual({
      id: 'http://mt1.test/api/v1/badges/MT1.png', type: 'Image', caption: 'Manufacturing Technician Level 1 (MT1) badge of the Manufacturing Skills Institute',
    })
    const achievement = await call(w.t.app, 'GET', '/api/v1/achievements/MM')
    expect(achievement.json().image.id).toBe('http://mt1.test/api/v1/badges/MM.png')
  })

  it('names the downloads after the certificate', async () => {
    const number = holder.number('MT1')
    const ob3 = await call(w.t.app, 'GET', `/api/v1/me/credentials/${number.toLowerCase()}/ob3`, { session: holder.c })
    expect(ob3.headers['content-disposition']).toBe(`attachment; filename="${number}-badge.json"`)
    const pdf = await call(w.t.app, 'GET', `/api/v1/me/credentials/${number}/pdf`, { session: holder.c })
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-disposition']).toBe(`inline; filename="${number}-certificate.pdf"`)
  })
})
