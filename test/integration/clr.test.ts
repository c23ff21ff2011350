// The Comprehensive Learner Record 2.0 (GET /api/v1/me/clr): the holder's certificates bundled as
// their signed Open Badges 3.0 credentials, signed as one ClrCredential. It verifies with Digital
// Bazaar's @digitalbazaar/vc fully offline (the project's bundled contexts, CLR 2.0 among them, and
// the issuer's documents as the server publishes them), a tampered copy fails, it is valid against
// 1EdTech's CLR 2.0 JSON schema, each embedded credential verifies and is valid against the OB 3.0
// schema, revoked certificates are left out (and one revoked after download shows as revoked through
// its own status entry), and only a holder gets one.
import fs from 'node:fs'
import path from 'node:path'
import * as vc from '@digitalbazaar/vc'
import { Ajv2019 } from 'ajv/dist/2019.js'
import addFormatsModule from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src/server/config.js'
import { call, register, type Session } from '../helpers/http-client.js'
import { deliveryWorld, type Award, type DeliveryWorld } from '../helpers/delivery.js'
import { databases } from '../helpers/test-app.js'
import { forbidNetwork } from '../helpers/no-network.js'
import { credentialVerifier, suite } from '../helpers/credential-verifier.js'

// No network: any outbound connection other than the local test database fails the file.
const networkAttempts = forbidNetwork()

// --- The third-party JSON schemas, read from ../shared (each test skipped with a notice when absent). ---
// ../shared beside the checkout, as the other tests read it; MT1_SHARED_DIR points elsewhere (a git worktree).
const shared = process.env.MT1_SHARED_DIR ?? path.resolve(projectRoot, '..', 'shared')
const clrSchemaPath = path.join(shared, 'clr', 'clr_v2p0_clrcredential_schema.json')
const ob3SchemaPath = path.join(shared, 'ob3', 'achievementcredential.schema.json')
const clrSchemaPresent = fs.existsSync(clrSchemaPath)
const ob3SchemaPresent = fs.existsSync(ob3SchemaPath)
if (!clrSchemaPresent) console.warn(`[clr] ${clrSchemaPath} is absent: the CLR 2.0 JSON schema test is skipped.`)
if (!ob3SchemaPresent) console.warn(`[clr] ${ob3SchemaPath} is absent: the OB 3.0 JSON schema test of the embedded credentials is skipped.`)
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default
function compile(schemaPath: string) {
  // As ../shared/clr/README.md recommends: the schemas' tuple `items` trip Ajv's strict tuple rule only.
  const ajv = new Ajv2019({ strictTuples: false, strict: false, allErrors: true })
  addFormats(ajv)
  return ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')))
}

type Credential = Record<string, any>
const PASS = { MM: 18, SRMT: 27, QBA: 18 } as const
const CONTEXTS = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']

describe.each(databases)('Comprehensive Learner Record 2.0 on %s', (kind) => {
  let w: DeliveryWorld
  const loaded: string[] = []

  const { verifierLoader, revocationCheck } = credentialVerifier(() => w.t.app, loaded)
  /** The CLR's own proof (it has no status entry of its own). */
  const verifyClr = (credential: object) => vc.verifyCredential({ credential, suite, documentLoader: verifierLoader() })
  /** An embedded credential: its proof and its revocation status. */
  const verifyEmbedded = (credential: object) => vc.verifyCredential({ credential, suite, documentLoader: verifierLoader(), checkStatus: revocationCheck })
  const why = (r: vc.VerifyResult) => `${r.error?.message ?? ''} ${r.error?.errors?.map((e) => e.message).join('; ') ?? ''}`

  const clr = (session: Session | undefined) => call(w.t.app, 'GET', '/api/v1/me/clr', { session })
  const download = async (session: Session): Promise<Credential> => {
    const res = await clr(session)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    expect(res.headers['cache-control']).toBe('private, no-store')
    return res.json() as Credential
  }

  /** A new candidate who passes the given modules (at the pass line) in the live session. */
  const holder = async (email: string, modules: (keyof typeof PASS)[]) => {
    const a = await w.admitted(email, modules)
    const awards: Award[] = []
    for (const module of modules) {
      const attempt = await w.start(a, module)
      await w.answerCorrectly(a.c, attempt, PASS[module])
      const res = await w.submit(a.c, attempt.id)
      expect(res.statusCode, res.body).toBe(200)
      awards.push(...(res.json().awarded as Award[]))
    }
    return { c: a.c, awards, number: (type: string) => awards.find((x) => x.type === type)!.certificateNumber }
  }

  let mt1: Awaited<ReturnType<typeof holder>>
  let record: Credential

  beforeAll(async () => {
    w = await deliveryWorld(kind)
    mt1 = await holder(`clr-mt1-${kind}@example.com`, ['MM', 'SRMT', 'QBA'])
    const profile = await call(w.t.app, 'PUT', '/api/v1/me/profile', { session: mt1.c, body: { ncrcLevel: 'Gold', ncrcNumber: 'NCRC-4471-ABC' } })
    expect(profile.statusCode, profile.body).toBe(200)
    record = await download(mt1.c)
  }, 180_000)
  afterAll(async () => w.t.close())

  it('bundles every certificate as its signed Open Badges credential in a ClrCredential', () => {
    expect(record['@context']).toEqual(CONTEXTS)
    expect(record.type).toEqual(['VerifiableCredential', 'ClrCredential'])
    expect(record.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)
    expect(record.issuer).toMatchObject({ id: 'http://mt1.test/api/v1/issuer', type: ['Profile'], name: 'Manufacturing Skills Institute' })
    expect(record.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    // No credentialSchema: its 1EdTech type (1EdTechJsonSchemaValidator2019) is in no bundled context,
    // and a term a context does not define cannot be signed (jsonld safe mode refuses it).
    expect(record.credentialSchema).toBeUndefined()
    expect(record.proof).toHaveLength(1)
    expect(record.proof[0]).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' })

    const subject = record.credentialSubject
    expect(subject.type).toEqual(['ClrSubject'])
    expect(subject.identifier[0]).toMatchObject({ type: 'IdentityObject', hashed: true, identityType: 'emailAddress' })
    expect(JSON.stringify(record)).not.toContain('example.com')

    const embedded = subject.verifiableCredential as Credential[]
    expect(embedded.map((c) => c.credentialSubject.achievement.humanCode).sort()).toEqual(['MM', 'MS', 'MT1', 'QBA', 'SRMT'])
    for (const c of embedded) {
      expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential'])
      const number = mt1.number(c.credentialSubject.achievement.humanCode)
      expect(c.id).toBe(`http://mt1.test/registry/${number}`)
      expect(c.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation' })
      expect(c.proof).toHaveLength(1)
    }

    // The program's achievements, then the holder's NCRC, with how they relate.
    const achievements = subject.achievement as Credential[]
    expect(achievements.map((a) => a.humanCode)).toEqual(['MM', 'SRMT', 'QBA', 'MS', 'MT1', 'NCRC-Gold'])
    const ncrc = achievements.at(-1)!
    expect(ncrc).toMatchObject({ type: ['Achievement'], name: 'National Career Readiness Certificate (Gold)', creator: { name: 'ACT' } })
    expect(ncrc.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5/)
    expect(ncrc.otherIdentifier).toEqual([{ type: 'IdentifierEntry', identifier: 'NCRC-4471-ABC', identifierType: 'identifier' }])
    expect(ncrc.description).toMatch(/has not verified it/)
    const a = (code: string) => `http://mt1.test/achievements/${code}`
    expect(subject.association).toEqual(expect.arrayContaining([
      { type: 'Association', associationType: 'isPartOf', sourceId: a('MM'), targetId: a('MS') },
      { type: 'Association', associationType: 'isPartOf', sourceId: a('SRMT'), targetId: a('MS') },
      { type: 'Association', associationType: 'isPartOf', sourceId: a('MM'), targetId: a('MT1') },
      { type: 'Association', associationType: 'isPartOf', sourceId: a('SRMT'), targetId: a('MT1') },
      { type: 'Association', associationType: 'isPartOf', sourceId: a('QBA'), targetId: a('MT1') },
      { type: 'Association', associationType: 'precedes', sourceId: ncrc.id, targetId: a('MS') },
      { type: 'Association', associationType: 'precedes', sourceId: ncrc.id, targetId: a('MT1') },
    ]))
    expect(subject.association).toHaveLength(7)
  })

  it('verifies with @digitalbazaar/vc offline, and a tampered copy does not', async () => {
    const result = await verifyClr(record)
    expect(result.verified, why(result)).toBe(true)

    const renamed = structuredClone(record)
    renamed.credentialSubject.verifiableCredential[0].name = 'Master Machinist'
    expect((await verifyClr(renamed)).verified).toBe(false)
    const dropped = structuredClone(record)
    dropped.credentialSubject.verifiableCredential.pop()
    expect((await verifyClr(dropped)).verified).toBe(false)
    const ncrc = structuredClone(record)
    ncrc.credentialSubject.achievement.at(-1).name = 'National Career Readiness Certificate (Platinum)'
    expect((await verifyClr(ncrc)).verified).toBe(false)
    const reassociated = structuredClone(record)
    reassociated.credentialSubject.association[0].associationType = 'replacedBy'
    expect((await verifyClr(reassociated)).verified).toBe(false)

    for (const url of new Set(loaded)) expect(url).toMatch(/^(https:\/\/(www\.w3\.org|purl\.imsglobal\.org|w3id\.org)\/|http:\/\/mt1\.test\/api\/v1\/(issuer|credentials\/status\/1))/)
    expect(loaded).toContain('https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json')
    expect(networkAttempts).toEqual([])
  })

  it('carries embedded credentials that each verify on their own, status included', async () => {
    for (const c of record.credentialSubject.verifiableCredential as Credential[]) {
      const result = await verifyEmbedded(c)
      expect(result.verified, `${c.credentialSubject.achievement.humanCode}: ${why(result)}`).toBe(true)
    }
  })

  it.skipIf(!clrSchemaPresent)('is valid against the CLR 2.0 JSON schema', () => {
    const validate = compile(clrSchemaPath)
    expect(validate(record) ? [] : validate.errors).toEqual([])
  })

  it.skipIf(!ob3SchemaPresent)('embeds credentials valid against the Open Badges 3.0 JSON schema', () => {
    const validate = compile(ob3SchemaPath)
    for (const c of record.credentialSubject.verifiableCredential as Credential[]) expect(validate(c) ? [] : validate.errors, c.id).toEqual([])
  })

  it('is signed anew on every download, with the same content', async () => {
    const again = await download(mt1.c)
    expect(again.id).not.toBe(record.id)
    const content = (c: Credential) => ({
      ...c, id: null, validFrom: null, proof: null,
      credentialSubject: { ...c.credentialSubject, verifiableCredential: c.credentialSubject.verifiableCredential.map((v: Credential) => ({ ...v, proof: null })) },
    })
    expect(content(again)).toEqual(content(record))
  })

  it('leaves the NCRC out when the profile records none', async () => {
    const h = await holder(`clr-no-ncrc-${kind}@example.com`, ['QBA'])
    const own = await download(h.c)
    expect(own.credentialSubject.achievement.map((a: Credential) => a.humanCode)).toEqual(['MM', 'SRMT', 'QBA', 'MS', 'MT1'])
    expect(own.credentialSubject.verifiableCredential.map((c: Credential) => c.credentialSubject.achievement.humanCode)).toEqual(['QBA'])
    expect(own.credentialSubject.association).toHaveLength(5)
    expect((await verifyClr(own)).verified).toBe(true)
  })

  it('answers 401 to an anonymous request and 404 to anyone holding no active certificate, storing nothing', async () => {
    const audit = async () => Number((await w.t.app.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    const newcomer = await register(w.t.app, { email: `clr-newcomer-${kind}@example.com` })
    const before = await audit()
    const anonymous = await clr(undefined)
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED')
    const none = await clr(newcomer)
    expect(none.statusCode).toBe(404)
    expect(none.json().error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no active certificate/) })
    // Staff and the proctor hold no certificates: the route is about the caller's own record, never another's.
    expect((await clr(w.staff)).statusCode).toBe(404)
    expect((await clr(w.proctor)).statusCode).toBe(404)
    // A query string cannot name another person.
    expect((await call(w.t.app, 'GET', `/api/v1/me/clr?userId=${encodeURIComponent('x')}`, { session: newcomer })).statusCode).toBe(404)
    expect(await audit()).toBe(before)
  })

  it('leaves revoked certificates out, and one revoked after download fails its own status check', async () => {
    const h = await holder(`clr-revoked-${kind}@example.com`, ['MM', 'SRMT'])
    const before = await download(h.c)
    expect(before.credentialSubject.verifiableCredential.map((c: Credential) => c.credentialSubject.achievement.humanCode).sort()).toEqual(['MM', 'MS', 'SRMT'])

    // Revocation is the registry's route; it comes down to this column.
    await w.t.app.db.updateTable('credentials').set({ status: 'revoked' }).where('certificate_number', '=', h.number('MS')).execute()
    const embeddedMs = before.credentialSubject.verifiableCredential.find((c: Credential) => c.credentialSubject.achievement.humanCode === 'MS')
    const stale = await verifyEmbedded(embeddedMs)
    expect(stale.verified).toBe(false)
    expect(stale.statusResult?.verified).toBe(false)

    const after = await download(h.c)
    expect(after.credentialSubject.verifiableCredential.map((c: Credential) => c.credentialSubject.achievement.humanCode).sort()).toEqual(['MM', 'SRMT'])
    expect((await verifyClr(after)).verified).toBe(true)

    // Nothing active left: no record.
    await w.t.app.db.updateTable('credentials').set({ status: 'withdrawn' }).where('candidate_id', '=', (await w.t.app.db.selectFrom('credentials').select('candidate_id').where('certificate_number', '=', h.number('MM')).executeTakeFirstOrThrow()).candidate_id).execute()
    expect((await clr(h.c)).statusCode).toBe(404)
  })
})
