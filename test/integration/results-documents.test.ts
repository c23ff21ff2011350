// The candidate's documents and pathway through the API: training named for exactly the skills below
// standard, the score report PDF (its candidate only), the certificate PDF (its holder only) whose QR
// code encodes the registry page, and the pathway NCRC → modules → MS → MT1 with the next sessions.
import { inflateSync } from 'node:zlib'
import QRCode from 'qrcode'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LightMyRequestResponse } from 'fastify'
import { call, errorCode, register, type Session } from '../helpers/http-client.js'
import { deliveryWorld, type Admitted, type DeliveryWorld } from '../helpers/delivery.js'
import { databases } from '../helpers/test-app.js'
import type { MyCredentialsView, MyResultsView, PathwayView } from '../../src/common/schemas/results.js'

const DAY = 24 * 3_600_000

/** The PDF's text objects: the Info dictionary's Title, read without a PDF library. */
function pdfTitle(pdf: Buffer): string {
  const text = pdf.toString('latin1')
  const object = (n: string) => new RegExp(`\\n${n} 0 obj\\n([\\s\\S]*?)\\nendobj`).exec(text)?.[1] ?? ''
  const info = object(/\/Info (\d+) 0 R/.exec(text)![1]!)
  const ref = /\/Title (\d+) 0 R/.exec(info)
  const value = ref ? object(ref[1]!) : /\/Title (\((?:\\.|[^\\)])*\)|<[^>]*>)/.exec(info)![1]!
  // A literal string escapes its parentheses and backslashes.
  if (value.startsWith('(')) return value.slice(1, -1).replace(/\\([()\\])/g, '$1')
  // Hex UTF-16BE with a byte-order mark, for text outside ASCII.
  return Buffer.from(value.slice(5, -1), 'hex').swap16().toString('utf16le')
}

/** Every content stream, inflated (pdfkit compresses them). */
function contentStreams(pdf: Buffer): string[] {
  const out: string[] = []
  const text = pdf.toString('latin1')
  for (const m of text.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
    try {
      out.push(inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1'))
    } catch {
      // Not a compressed stream (fonts and metadata may not be).
    }
  }
  return out
}

/** The dark modules drawn inside the certificate's QR figure, rebuilt from its `col row len 1 re` runs. */
function drawnQr(pdf: Buffer): Set<string> {
  const page = contentStreams(pdf).find((s) => s.includes('/Figure'))!
  const figure = /\/Figure <<[^>]*>> BDC([\s\S]*?)EMC/.exec(page)![1]!
  const dark = new Set<string>()
  for (const [, col, row, len] of figure.matchAll(/^(\d+) (\d+) (\d+) 1 re$/gm)) {
    for (let c = Number(col); c < Number(col) + Number(len); c++) dark.add(`${row},${c}`)
  }
  return dark
}

function expectPdf(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200)
  expect(res.headers['content-type']).toBe('application/pdf')
  expect(res.headers['cache-control']).toBe('private, no-store')
  const pdf = res.rawPayload
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(pdf.length).toBeGreaterThan(2000)
  const text = pdf.toString('latin1')
  expect(text).toMatch(/\/Lang \(en-US\)/)
  expect(text).toMatch(/\/StructTreeRoot/)
  return pdf
}

describe.each(databases)('score reports, certificates and the pathway on %s', (kind) => {
  let w: DeliveryWorld
  let program: { modules: { code: string; name: string }[] }
  beforeAll(async () => {
    w = await deliveryWorld(kind)
    program = (await call(w.t.app, 'GET', '/api/v1/program')).json()
  }, 120_000)
  afterAll(async () => w.t.close())

  /** Sits a module answering the first `correct` items (in skill order) correctly. */
  const take = async (a: Admitted, module: string, correct: number) => {
    const attempt = await w.start(a, module)
    await w.answerCorrectly(a.c, attempt, correct)
    const res = await w.submit(a.c, attempt.id)
    expect(res.statusCode, res.body).toBe(200)
    return attempt.id
  }
  const results = async (c: Session) => (await call(w.t.app, 'GET', '/api/v1/me/results', { session: c })).json<MyResultsView>().items
  const pathway = async (c: Session) => {
    const res = await call(w.t.app, 'GET', '/api/v1/me/pathway', { session: c })
    expect(res.statusCode, res.body).toBe(200)
    return res.json<PathwayView>()
  }
  const held = async (c: Session) => (await call(w.t.app, 'GET', '/api/v1/me/credentials', { session: c })).json<MyCredentialsView>().items

  // Proves the contract's "skills feedback and recommended training": training is listed for each
  // skill below standard and for no other, and it is the program's own offerings for that skill.
  it('names the training for exactly the skills below standard', async () => {
    const a = await w.admitted(`training-${kind}@example.com`, ['MM', 'QBA'])
    const passedId = await take(a, 'MM', 18) // MEAS 8/8, ALG 8/8, MQ 2/8
    const failedId = await take(a, 'QBA', 0)
    const items = await results(a.c)
    const passed = items.find((r) => r.attemptId === passedId)!
    const failed = items.find((r) => r.attemptId === failedId)!
    expect(passed.passed).toBe(true)
    expect(passed.skills.filter((s) => s.belowStandard).map((s) => s.code)).toEqual(['MQ'])
    expect(passed.training.map((t) => [t.skill, t.kind])).toEqual([['MQ', 'learning_lab'], ['MQ', 'course']])
    expect(passed.training[0]!.title).toMatch(/Learning Lab/)
    expect(failed.passed).toBe(false)
    expect([...new Set(failed.training.map((t) => t.skill))]).toEqual(['SPC', 'QLM', 'FLBA'])
    for (const t of [...passed.training, ...failed.training]) expect(t.description.length).toBeGreaterThan(20)
  })

  // Proves the score report is a tagged PDF titled with the module, for its candidate only.
  it('serves the score report PDF to its candidate only', async () => {
    const a = await w.admitted(`report-${kind}@example.com`, ['SRMT'])
    const attemptId = await take(a, 'SRMT', 20)
    const res = await call(w.t.app, 'GET', `/api/v1/me/results/${attemptId}/report.pdf`, { session: a.c })
    const pdf = expectPdf(res)
    expect(pdfTitle(pdf)).toBe('MT1 score report: Spatial Reasoning and Manufacturing Technology (SRMT)')
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="mt1-score-report-SRMT-\d{4}-\d{2}-\d{2}\.pdf"$/)
    // Below the mark: the report links to the module's Learning Lab, the course finder and the results
    // page that makes the study plan, instead of asking the candidate to phone for training.
    const links = [...pdf.toString('latin1').matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1])
    const site = 'http://mt1.test'
    expect(links).toEqual(expect.arrayContaining([`${site}/learning#module-SRMT`, `${site}/training/courses`, `${site}/results`]))

    const other = await register(w.t.app, { email: `report-other-${kind}@example.com` })
    expect((await call(w.t.app, 'GET', `/api/v1/me/results/${attemptId}/report.pdf`, { session: other })).statusCode).toBe(404)
    expect((await call(w.t.app, 'GET', `/api/v1/me/results/${attemptId}/report.pdf`)).statusCode).toBe(401)
    expect((await call(w.t.app, 'GET', '/api/v1/me/results/no-such-attempt/report.pdf', { session: a.c })).statusCode).toBe(404)
    const malformed = await call(w.t.app, 'GET', `/api/v1/me/results/${encodeURIComponent('bad id!')}/report.pdf`, { session: a.c })
    expect(malformed.statusCode).toBe(400)
    expect(errorCode(malformed)).toBe('VALIDATION')
  })

  // Proves the certificate carries a QR code encoding the registry address (the drawn modules are
  // exactly those of that address's code) and the address as a link, for its holder only.
  it('serves the certificate PDF with a QR code to the registry page, to its holder only', async () => {
    const a = await w.admitted(`cert-${kind}@example.com`, ['QBA'])
    await take(a, 'QBA', 24)
    const number = (await held(a.c)).find((c) => c.type === 'QBA')!.certificateNumber
    const url = `http://mt1.test/registry/${number}`

    const res = await call(w.t.app, 'GET', `/api/v1/me/credentials/${number}/pdf`, { session: a.c })
    const pdf = expectPdf(res)
    expect(pdfTitle(pdf)).toBe(`Quality and Business Acumen (QBA) Certificate: Test Person (${number})`)
    expect(pdf.toString('latin1')).toContain(`/URI (${url})`)
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' })
    const expected = new Set<string>()
    for (let r = 0; r < modules.size; r++) for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) expected.add(`${r},${c}`)
    expect(drawnQr(pdf)).toEqual(expected)

    // Typed forgivingly, like the registry.
    expectPdf(await call(w.t.app, 'GET', `/api/v1/me/credentials/${number.toLowerCase()}/pdf`, { session: a.c }))

    const other = await register(w.t.app, { email: `cert-other-${kind}@example.com` })
    expect((await call(w.t.app, 'GET', `/api/v1/me/credentials/${number}/pdf`, { session: other })).statusCode).toBe(404)
    expect((await call(w.t.app, 'GET', `/api/v1/me/credentials/${number}/pdf`)).statusCode).toBe(401)
    const wrongCheck = number.slice(0, -1) + (number.endsWith('0') ? '1' : '0')
    expect((await call(w.t.app, 'GET', `/api/v1/me/credentials/${wrongCheck}/pdf`, { session: a.c })).statusCode).toBe(400)
    expect((await call(w.t.app, 'GET', '/api/v1/me/credentials/MT1-12345/pdf', { session: a.c })).statusCode).toBe(400)
    expect((await call(w.t.app, 'GET', `/api/v1/me/credentials/${encodeURIComponent('MT1 <x>')}/pdf`, { session: a.c })).statusCode).toBe(400)
    expect((await call(w.t.app, 'GET', '/api/v1/me/credentials/MT1-00000-00000-0/pdf', { session: a.c })).statusCode).toBe(404)

    // A revoked certificate is not printed.
    await w.t.app.db.updateTable('credentials').set({ status: 'revoked' }).where('certificate_number', '=', number).execute()
    const revoked = await call(w.t.app, 'GET', `/api/v1/me/credentials/${number}/pdf`, { session: a.c })
    expect(revoked.statusCode).toBe(409)
  })

  // Proves the pathway: the next session is the earliest one at least 48 hours ahead offering the
  // module; MS is earned only with MM and SRMT both passed; registrations and attempts show.
  it('shows the pathway: NCRC advice, modules, MS only with MM and SRMT, and the next sessions', async () => {
    const fresh = await register(w.t.app, { email: `path-fresh-${kind}@example.com` })
    const start = await pathway(fresh)
    expect(start.ncrc).toMatchObject({ level: null, recommended: 'Silver', meetsRecommendation: false })
    expect(start.ncrc.advice).toMatch(/Silver/)
    expect(start.modules.map((m) => [m.code, m.status])).toEqual([['MM', 'not_started'], ['SRMT', 'not_started'], ['QBA', 'not_started']])
    expect(start.credentials.map((c) => [c.code, c.earned, c.remaining])).toEqual([['MS', false, ['MM', 'SRMT']], ['MT1', false, ['MM', 'SRMT', 'QBA']]])
    // The demo sessions: now (running), tomorrow (inside 48 hours), 7 days ahead at the demo center.
    const now = w.t.clock().getTime()
    expect(start.nextSessions.map((s) => s.module)).toEqual(['MM', 'SRMT', 'QBA'])
    for (const s of start.nextSessions) {
      expect(Date.parse(s.startsAt) - now).toBeGreaterThanOrEqual(2 * DAY)
      expect(Date.parse(s.startsAt) - now).toBeLessThan(8 * DAY)
      expect(s.waitlist).toBe(false)
      expect(s.seatsAvailable).toBeGreaterThan(0)
    }
    expect((await call(w.t.app, 'PUT', '/api/v1/me/profile', { session: fresh, body: { ncrcLevel: 'Gold' } })).statusCode).toBe(200)
    expect((await pathway(fresh)).ncrc).toEqual({ level: 'Gold', recommended: 'Silver', meetsRecommendation: true, advice: null, date: null, verification: 'unverified' })

    const a = await w.admitted(`path-${kind}@example.com`, ['MM', 'SRMT', 'QBA'])
    const registered = await pathway(a.c)
    expect(registered.modules.map((m) => m.status)).toEqual(['registered', 'registered', 'registered'])
    expect(registered.modules[0]!.registration!.sessionId).toBe(w.liveSessionId)
    expect(registered.nextSessions).toEqual([])

    await take(a, 'MM', 24)
    const afterMm = await pathway(a.c)
    const mmNumber = (await held(a.c)).find((c) => c.type === 'MM')!.certificateNumber
    expect(afterMm.modules[0]).toMatchObject({ code: 'MM', status: 'passed', percent: 100, certificateNumber: mmNumber, passedOn: w.t.clock().toISOString().slice(0, 10) })
    expect(afterMm.credentials[0]).toMatchObject({ code: 'MS', earned: false, remaining: ['SRMT'] })

    await take(a, 'QBA', 0)
    const afterQba = await pathway(a.c)
    expect(afterQba.modules[2]).toMatchObject({ code: 'QBA', status: 'attempted', percent: 0 })
    expect(afterQba.credentials.map((c) => c.earned)).toEqual([false, false])
    expect(afterQba.nextSessions.map((s) => s.module)).toEqual(['QBA'])

    await take(a, 'SRMT', 27)
    const afterSrmt = await pathway(a.c)
    const msNumber = (await held(a.c)).find((c) => c.type === 'MS')!.certificateNumber
    expect(afterSrmt.credentials).toEqual([
      { code: 'MS', name: 'Manufacturing Specialist', earned: true, issuedOn: w.t.clock().toISOString().slice(0, 10), certificateNumber: msNumber, remaining: [] },
      { code: 'MT1', name: 'Manufacturing Technician Level 1', earned: false, remaining: ['QBA'] },
    ])
    expect(afterSrmt.modules.map((m) => m.status)).toEqual(['passed', 'passed', 'attempted'])

    // Candidates only.
    expect((await call(w.t.app, 'GET', '/api/v1/me/pathway')).statusCode).toBe(401)
    expect((await call(w.t.app, 'GET', '/api/v1/me/pathway', { session: w.staff })).statusCode).toBe(403)
    expect(program.modules.map((m) => m.code)).toEqual(['MM', 'SRMT', 'QBA'])
  })
})
