// Credentials that cannot be replayed. A revoked or withdrawn credential's signed Open Badges file is
// refused exactly as its PDF is. The revocation status list is valid for a few hours only, so a copy
// signed before a revocation stops verifying once its validUntil passes (checked with Digital
// Bazaar's @digitalbazaar/vc and its bitstring status list library, offline), and the list served
// then is freshly signed and shows the revocation; it is also signed anew half-way through its
// validity when no bit changed. Every achievement id inside a credential answers: its OB 3.0
// Achievement to a verifier asking for JSON, the web page to a browser; a code the program does not
// award is 404, and hostile codes are 400 or 404, never a 5xx.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import * as vc from '@digitalbazaar/vc'
import { checkStatus, decodeList } from '@digitalbazaar/vc-bitstring-status-list'
import { Ajv2019 } from 'ajv/dist/2019.js'
import addFormatsModule from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src/server/config.js'
import { createDocumentLoader } from '../../src/server/modules/credentials/document-loader.js'
import { call, errorCode, type Session } from '../helpers/http-client.js'
import { deliveryWorld, HOUR, type Award, type DeliveryWorld } from '../helpers/delivery.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

type Json = Record<string, any>
const ORIGIN = 'http://mt1.test'
const ITEMS = { MM: 24, SRMT: 36, QBA: 24 } as const
const PASS_LINE = { MM: 18, SRMT: 27, QBA: 18 } as const
const suite = new DataIntegrityProof({ cryptosuite })

// The OB 3.0 JSON schema (third-party, read from ../shared; skipped with a notice when absent).
const schemaPath = path.resolve(projectRoot, '..', 'shared', 'ob3', 'achievementcredential.schema.json')
const schemaPresent = fs.existsSync(schemaPath)
if (!schemaPresent) console.warn(`[credential-replay] ${schemaPath} is absent: the Achievement schema check is skipped.`)
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default

/** Codes that are not credential types, some of them hostile; each as it appears in the path. */
const HOSTILE_CODES = [
  'A'.repeat(5000),
  '..%2F..%2Fetc%2Fpasswd',
  '..%2F',
  encodeURIComponent('МТ1'), // Cyrillic look-alikes
  encodeURIComponent('MT1\u202E'), // a right-to-left override
  encodeURIComponent('🎓'),
  'MT1%00',
  '',
  'mt1',
  '__proto__',
  'constructor',
  'MT1%20',
  encodeURIComponent('<script>alert(1)</script>'),
  'ZZZ',
]

describe.each(databases)('credentials that cannot be replayed on %s', (kind) => {
  let w: DeliveryWorld
  let validityHours: number

  /**
   * A verifier's document loader: the bundled contexts, and the issuer's documents as the server
   * publishes them (through the routes), unless `held` gives the verifier its own copy of one.
   */
  const verifierLoader = (held: ReadonlyMap<string, unknown> = new Map()) => {
    const local = new Map<string, unknown>(held)
    const base = createDocumentLoader((url) => local.get(url))
    return async (url: string) => {
      if (!local.has(url) && url.startsWith(`${ORIGIN}/api/v1/`)) {
        const res = await call(w.t.app, 'GET', url.slice(ORIGIN.length))
        if (res.statusCode === 200) local.set(url, res.json())
      }
      return base(url)
    }
  }
  /** The library's status check (the list's own signature and dates included); a set bit fails the credential. */
  const revocationCheck = async (options: { credential: object; documentLoader: (url: string) => Promise<{ document: unknown }> }) => {
    const result = await checkStatus({ ...options, suite, verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true })
    return { ...result, verified: result.verified && !(result.results ?? []).some((r) => r.status) }
  }
  const verifyWith = (credential: object, held?: ReadonlyMap<string, unknown>) =>
    vc.verifyCredential({ credential, suite, documentLoader: verifierLoader(held), checkStatus: revocationCheck })

  const ob3 = (session: Session, number: string) => call(w.t.app, 'GET', `/api/v1/me/credentials/${number}/ob3`, { session })
  const pdf = (session: Session, number: string) => call(w.t.app, 'GET', `/api/v1/me/credentials/${number}/pdf`, { session })
  const download = async (session: Session, number: string): Promise<Json> => {
    const res = await ob3(session, number)
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as Json
  }
  /** How the holder's two downloads answer: status, error code and message of each. */
  const downloads = async (session: Session, number: string) => {
    const answer = (res: Awaited<ReturnType<typeof ob3>>) => ({
      status: res.statusCode, code: res.statusCode === 200 ? null : errorCode(res), message: res.statusCode === 200 ? null : (res.json() as Json).error.message,
    })
    return { ob3: answer(await ob3(session, number)), pdf: answer(await pdf(session, number)) }
  }
  const statusList = async (headers: Record<string, string> = {}) => call(w.t.app, 'GET', '/api/v1/credentials/status/1', { headers })
  const bit = async (list: Json, index: number) => (await decodeList({ encodedList: list.credentialSubject.encodedList })).getStatus(index)
  const staffPost = (url: string, body: object) => call(w.t.app, 'POST', url, { session: w.staff, body })

  /** A new candidate who passes the given modules in the live session with `answered` items right in each. */
  const holder = async (email: string, modules: (keyof typeof ITEMS)[], answered: Partial<Record<keyof typeof ITEMS, number>> = PASS_LINE) => {
    const a = await w.admitted(email, modules)
    const awards: Award[] = []
    const right = new Map<string, string[]>()
    for (const module of modules) {
      const attempt = await w.start(a, module)
      right.set(module, await w.answerCorrectly(a.c, attempt, answered[module] ?? PASS_LINE[module]))
      const res = await w.submit(a.c, attempt.id)
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json().result.passed).toBe(true)
      awards.push(...(res.json().awarded as Award[]))
    }
    return { c: a.c, awards, right, number: (type: string) => awards.find((x) => x.type === type)!.certificateNumber }
  }

  let mt1: Awaited<ReturnType<typeof holder>>
  const credentials = new Map<string, Json>()

  beforeAll(async () => {
    w = await deliveryWorld(kind)
    validityHours = ((await call(w.t.app, 'GET', '/api/v1/program')).json() as Json).policies.statusListValidityHours
    // Every item right: a dropped item later in this file leaves this holder's passes standing.
    mt1 = await holder(`replay-mt1-${kind}@example.com`, ['MM', 'SRMT', 'QBA'], ITEMS)
    expect(mt1.awards.map((x) => x.type).sort()).toEqual(['MM', 'MS', 'MT1', 'QBA', 'SRMT'])
    for (const award of mt1.awards) credentials.set(award.type, await download(mt1.c, award.certificateNumber))
  }, 240_000)
  afterAll(async () => w.t.close())

  it('refuses the Open Badges file of a revoked credential exactly as its PDF, and serves both again once reinstated', async () => {
    const h = await holder(`replay-revoked-${kind}@example.com`, ['QBA'])
    const number = h.number('QBA')
    expect(await downloads(h.c, number)).toEqual({ ob3: { status: 200, code: null, message: null }, pdf: { status: 200, code: null, message: null } })

    const revoked = await staffPost(`/api/v1/admin/credentials/${number}/revoke`, { reason: 'Identity fraud at the sitting.' })
    expect(revoked.statusCode, revoked.body).toBe(200)
    const refused = await downloads(h.c, number)
    expect(refused.ob3).toEqual({ status: 409, code: 'CONFLICT', message: expect.stringMatching(/revoked/) })
    expect(refused.pdf).toEqual(refused.ob3)
    // Typed loosely, as the holder may: still refused, not found or served.
    expect((await ob3(h.c, number.toLowerCase())).statusCode).toBe(409)

    const reinstated = await staffPost(`/api/v1/admin/credentials/${number}/reinstate`, { reason: 'The fraud report was about someone else.' })
    expect(reinstated.statusCode, reinstated.body).toBe(200)
    expect((await downloads(h.c, number)).ob3.status).toBe(200)
    expect((await downloads(h.c, number)).pdf.status).toBe(200)
  })

  it('refuses the Open Badges file of a credential withdrawn by a rescoring exactly as its PDF', async () => {
    // At the pass line (18 of 24); dropping one of the items answered right leaves 17 of 23: not passed.
    const h = await holder(`replay-withdrawn-${kind}@example.com`, ['MM'])
    const number = h.number('MM')
    expect((await downloads(h.c, number)).ob3.status).toBe(200)
    const dropped = h.right.get('MM')![0]!
    const item = (await call(w.t.app, 'GET', `/api/v1/admin/items/${dropped}`, { session: w.staff })).json() as Json
    const started = await staffPost(`/api/v1/admin/items/${dropped}/scoring-corrections`, { version: item.version, action: 'drop', reason: 'Ambiguous figure; dropped for everyone.' })
    expect(started.statusCode, started.body).toBe(202)
    await w.t.idle()
    const mine = (await call(w.t.app, 'GET', '/api/v1/me/credentials', { session: h.c })).json().items as Json[]
    expect(mine.find((c) => c.certificateNumber === number)?.status).toBe('withdrawn')

    const refused = await downloads(h.c, number)
    expect(refused.ob3).toEqual({ status: 409, code: 'CONFLICT', message: expect.stringMatching(/withdrawn/) })
    expect(refused.pdf).toEqual(refused.ob3)
    // The holder of every item right keeps theirs.
    expect((await ob3(mt1.c, mt1.number('MM'))).statusCode).toBe(200)
  })

  it('makes a status list signed before a revocation fail once its validUntil passes; the list served then is new and shows it', async () => {
    expect(validityHours).toBeGreaterThan(0)
    expect(validityHours).toBeLessThanOrEqual(24)
    const h = await holder(`replay-list-${kind}@example.com`, ['QBA'])
    const cred = await download(h.c, h.number('QBA'))
    const index = Number(cred.credentialStatus.statusListIndex)
    const listUrl = cred.credentialStatus.statusListCredential as string

    // The library verifies a status list at the real time (checkStatus passes no `now` on), so the copy
    // a holder would replay is signed in the server's past: its clock goes back, the list is fetched,
    // and the clock comes back. Nothing but that public list is asked for meanwhile.
    const start = w.t.clock()
    w.t.clock.set(new Date(start.getTime() - (validityHours + 1) * HOUR))
    const staleRes = await statusList()
    w.t.clock.set(start)
    expect(staleRes.statusCode).toBe(200)
    const stale = staleRes.json() as Json
    expect(Date.parse(stale.validUntil) - Date.parse(stale.validFrom)).toBe(validityHours * HOUR)
    expect(Date.parse(stale.validUntil)).toBeLessThan(Date.now() - 10 * 60_000)
    // Within its validity it verified and showed the credential active: the window a replay has.
    const inWindow = await vc.verifyCredential({ credential: stale, suite, documentLoader: verifierLoader(), now: new Date(Date.parse(stale.validFrom) + 60_000) })
    expect(inWindow.verified, inWindow.error?.message).toBe(true)
    expect(await bit(stale, index)).toBe(false)

    const revoked = await staffPost(`/api/v1/admin/credentials/${h.number('QBA')}/revoke`, { reason: 'Mistaken award.' })
    expect(revoked.statusCode, revoked.body).toBe(200)

    // The holder presents the credential with the copy of the list from before: it does not verify,
    // and the reason is the list's validUntil, not a bit (the copy's bit still reads "active").
    const replayed = await verifyWith(cred, new Map([[listUrl, stale]]))
    expect(replayed.verified).toBe(false)
    expect(replayed.statusResult?.verified).toBe(false)
    expect(replayed.statusResult?.error?.message).toMatch(/BitstringStatusListCredential" not verified.*validUntil/)
    const staleAlone = await vc.verifyCredential({ credential: stale, suite, documentLoader: verifierLoader() })
    expect(staleAlone.verified).toBe(false)
    expect(staleAlone.error?.message ?? staleAlone.error?.errors?.[0]?.message).toMatch(/after "validUntil"/)

    // The list served now is freshly signed: a later validUntil, it verifies, and the bit is set.
    const freshRes = await statusList({ 'if-none-match': staleRes.headers.etag as string })
    expect(freshRes.statusCode).toBe(200)
    expect(freshRes.headers.etag).not.toBe(staleRes.headers.etag)
    const fresh = freshRes.json() as Json
    expect(Date.parse(fresh.validUntil)).toBeGreaterThan(Date.parse(stale.validUntil))
    expect(Date.parse(fresh.validUntil) - Date.parse(fresh.validFrom)).toBe(validityHours * HOUR)
    expect(fresh.validFrom).toBe(start.toISOString().replace(/\.\d{3}Z$/, 'Z'))
    const freshVerified = await vc.verifyCredential({ credential: fresh, suite, documentLoader: verifierLoader() })
    expect(freshVerified.verified, freshVerified.error?.message).toBe(true)
    expect(await bit(fresh, index)).toBe(true)
    // Checked against the live list, the credential fails as revoked: the list itself verifies.
    const live = await checkStatus({ credential: cred, documentLoader: verifierLoader(), suite, verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true })
    expect(live.verified, live.error?.message).toBe(true)
    expect(live.results?.[0]?.status).toBe(true)
    expect((await verifyWith(cred)).verified).toBe(false)
    // The MT1 holder's credential still verifies against it.
    const other = await verifyWith(credentials.get('MT1')!)
    expect(other.verified, other.error?.message ?? other.statusResult?.error?.message).toBe(true)
  })

  it('signs the list anew half-way through its validity although no bit changed, and keeps it until then', async () => {
    const start = w.t.clock()
    try {
      const first = await statusList()
      expect(first.statusCode).toBe(200)
      const etag = first.headers.etag as string
      const list = first.json() as Json

      w.t.clock.advance(60_000)
      expect((await statusList({ 'if-none-match': etag })).statusCode).toBe(304)

      w.t.clock.advance((validityHours / 2) * HOUR)
      const renewed = await statusList({ 'if-none-match': etag })
      expect(renewed.statusCode).toBe(200)
      expect(renewed.headers.etag).not.toBe(etag)
      const next = renewed.json() as Json
      expect(next.credentialSubject.encodedList).toBe(list.credentialSubject.encodedList)
      expect(next.validFrom).toBe(w.t.clock().toISOString().replace(/\.\d{3}Z$/, 'Z'))
      expect(Date.parse(next.validUntil)).toBeGreaterThan(Date.parse(list.validUntil))
      // At the server's time, the new list verifies and the first one, by then past its validUntil, does not.
      const later = new Date(Date.parse(list.validUntil) + 10 * 60_000)
      expect((await vc.verifyCredential({ credential: next, suite, documentLoader: verifierLoader(), now: later })).verified).toBe(true)
      expect((await vc.verifyCredential({ credential: list, suite, documentLoader: verifierLoader(), now: later })).verified).toBe(false)
    } finally {
      w.t.clock.set(start)
    }
    // With the clock back, the list signed "in the future" is not served: a new one is signed.
    const back = (await statusList()).json() as Json
    expect(back.validFrom).toBe(start.toISOString().replace(/\.\d{3}Z$/, 'Z'))
  })

  it('answers every achievement id in a served credential with its OB 3.0 Achievement when JSON is asked for', async () => {
    const program = (await call(w.t.app, 'GET', '/api/v1/program')).json() as Json
    const moduleName = (code: string) => (program.modules as Json[]).find((m) => m.code === code)!.name as string
    const expectedName: Record<string, string> = {
      MM: `${moduleName('MM')} Certificate`, SRMT: `${moduleName('SRMT')} Certificate`, QBA: `${moduleName('QBA')} Certificate`,
      MS: 'Manufacturing Specialist', MT1: 'Manufacturing Technician Level 1',
    }
    const validate = schemaPresent ? achievementValidator() : null
    expect([...credentials.keys()].sort()).toEqual(['MM', 'MS', 'MT1', 'QBA', 'SRMT'])
    for (const [type, cred] of credentials) {
      const achievement = cred.credentialSubject.achievement as Json
      const url = new URL(achievement.id as string)
      expect(url.origin).toBe(ORIGIN)
      expect(url.pathname).toBe(`/achievements/${type}`)
      const expected = { '@context': cred['@context'], ...achievement, creator: cred.issuer }
      for (const accept of ['application/json', 'application/ld+json', 'application/ld+json, application/json;q=0.9, text/html;q=0.5']) {
        const res = await call(w.t.app, 'GET', url.pathname, { headers: { accept } })
        expect(res.statusCode, `${type} ${accept}`).toBe(200)
        expect(res.headers['content-type']).toMatch(/^application\/json/)
        expect(res.headers.vary).toMatch(/accept/i)
        expect(res.json()).toEqual(expected)
      }
      const api = await call(w.t.app, 'GET', `/api/v1/achievements/${type}`)
      expect(api.statusCode).toBe(200)
      expect(api.json()).toEqual(expected)
      expect(achievement.name).toBe(expectedName[type])
      if (validate) expect(validate(api.json()) ? [] : validate.errors, type).toEqual([])
    }
    // The criteria name the modules to pass at 75%: MS = MM + SRMT, MT1 = all three.
    const narrative = (type: string) => credentials.get(type)!.credentialSubject.achievement.criteria.narrative as string
    expect(narrative('MM')).toContain(`${moduleName('MM')} (MM) module`)
    expect(narrative('MM')).toContain('75% or higher')
    expect(narrative('MS')).toMatch(/\(MM, 75% or higher\).*\(SRMT, 75% or higher\)/)
    expect(narrative('MS')).not.toContain('QBA')
    expect(narrative('MT1')).toMatch(/\(MM, 75% or higher\).*\(SRMT, 75% or higher\).*\(QBA, 75% or higher\)/)
  })

  it('answers a code the program does not award 404, and hostile codes 400 or 404, never a 5xx', async () => {
    for (const code of HOSTILE_CODES) {
      const api = await call(w.t.app, 'GET', `/api/v1/achievements/${code}`)
      // A route parameter over 100 characters is refused by Fastify's router itself, 414 (a 4xx as
      // honest as 400), in Fastify's own error shape (FST_ERR_MAX_PARAM_LENGTH), not the contract's.
      expect([400, 404, ...(code.length > 100 ? [414] : [])], `API ${code.slice(0, 40)}`).toContain(api.statusCode)
      if (api.statusCode !== 414) expect(String(errorCode(api)), `${api.statusCode} ${api.body.slice(0, 200)}`).toMatch(/^[A-Z_]+$/)
      const page = await call(w.t.app, 'GET', `/achievements/${code}`, { headers: { accept: 'application/json' } })
      expect([400, 404], `id ${code.slice(0, 40)}`).toContain(page.statusCode)
      expect(errorCode(page)).toMatch(/^[A-Z_]+$/)
    }
    const unknown = await call(w.t.app, 'GET', '/api/v1/achievements/ZZZ')
    expect(unknown.statusCode).toBe(404)
    expect(errorCode(unknown)).toBe('NOT_FOUND')
    expect(errorCode(await call(w.t.app, 'GET', '/achievements/ZZZ', { headers: { accept: 'application/json' } }))).toBe('NOT_FOUND')
    expect(errorCode(await call(w.t.app, 'GET', '/api/v1/achievements/mt1'))).toBe('VALIDATION')
  })
})

/** Validates a document against the Achievement definition of 1EdTech's OB 3.0 credential schema. */
function achievementValidator() {
  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as { $id: string }
  const ajv = new Ajv2019({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema(schema)
  return ajv.getSchema(`${schema.$id}#/$defs/Achievement`)!
}

// The achievement id as people open it: the web page (a stand-in index.html here, as the built app's
// would be), 404 for codes the program does not award, never the JSON to a browser.
describe.each(databases)('achievement pages on %s', (kind) => {
  let t: TestApp
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-web-'))
  const INDEX = '<!doctype html><html lang="en"><title>MT1 web app</title><div id="root"></div></html>'
  const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8'

  beforeAll(async () => {
    fs.writeFileSync(path.join(webDir, 'index.html'), INDEX)
    t = await createTestApp(kind, { webDir })
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(webDir, { recursive: true, force: true })
  })

  it('serves the web page at each achievement id to a browser, and 404 with the page for a code not awarded', async () => {
    for (const code of ['MM', 'SRMT', 'QBA', 'MS', 'MT1']) {
      for (const headers of [{ accept: BROWSER }, {} as Record<string, string>, { accept: '*/*' }]) {
        const res = await call(t.app, 'GET', `/achievements/${code}`, { headers })
        expect(res.statusCode, `${code} ${headers.accept ?? '(no Accept)'}`).toBe(200)
        expect(res.headers['content-type']).toMatch(/^text\/html/)
        expect(res.headers.vary).toMatch(/accept/i)
        expect(res.body).toBe(INDEX)
      }
    }
    const unknown = await call(t.app, 'GET', '/achievements/ZZZ', { headers: { accept: BROWSER } })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.body).toBe(INDEX)
  })

  it('answers hostile codes to a browser 400 or 404, never a 5xx, and never anything but the page or an error', async () => {
    for (const code of HOSTILE_CODES) {
      const res = await call(t.app, 'GET', `/achievements/${code}`, { headers: { accept: BROWSER } })
      expect([400, 404], code.slice(0, 40)).toContain(res.statusCode)
      if (res.statusCode === 404) expect(res.body).toBe(INDEX)
    }
    // Paths that are no code: ".." segments resolve to another page before routing (as a browser
    // resolves them), a broken escape is a bad URL (400); nothing outside the web folder is read.
    for (const url of ['/achievements/..', '/achievements/%2E%2E', '/achievements/../../../../etc/passwd', '/achievements/..%2F..%2F..%2F..%2Fetc%2Fpasswd/x', '/achievements/%FF']) {
      for (const accept of [BROWSER, 'application/json']) {
        const res = await call(t.app, 'GET', url, { headers: { accept } })
        expect(res.statusCode, url).toBeLessThan(500)
        expect(res.body).not.toMatch(/root:/)
      }
    }
    expect((await call(t.app, 'GET', '/achievements/%FF')).statusCode).toBe(400)
  })
})
