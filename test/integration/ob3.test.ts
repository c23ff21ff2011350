// Open Badges 3.0 credentials: what the holder downloads verifies with Digital Bazaar's
// @digitalbazaar/vc fully offline (bundled contexts, the issuer's documents as the server publishes
// them, no network), a tampered copy fails, it is valid against 1EdTech's OB 3.0 JSON schema, the
// published status list shows a revocation at once, a key rotation leaves earlier credentials
// verifiable, and only the holder gets their credential.
import fs from 'node:fs'
import path from 'node:path'
import * as vc from '@digitalbazaar/vc'
import { checkStatus, decodeList } from '@digitalbazaar/vc-bitstring-status-list'
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

// --- The OB 3.0 JSON schema (third-party, read from ../shared; skipped with a notice when absent). ---
const schemaPath = path.resolve(projectRoot, '..', 'shared', 'ob3', 'achievementcredential.schema.json')
const schemaPresent = fs.existsSync(schemaPath)
if (!schemaPresent) console.warn(`[ob3] ${schemaPath} is absent: the OB 3.0 JSON schema test is skipped.`)
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default

type Credential = Record<string, any>
const PASS = { MM: 18, SRMT: 27, QBA: 18 } as const
const ALIGNED = { MM: 3, SRMT: 6, QBA: 3, MS: 9, MT1: 12 } as const

describe.each(databases)('Open Badges 3.0 credentials on %s', (kind) => {
  let w: DeliveryWorld
  /** Every URL the verifier's document loader was asked for. */
  const loaded: string[] = []


  const { verifierLoader, revocationCheck } = credentialVerifier(() => w.t.app, loaded)
  const verify = (credential: object) => vc.verifyCredential({ credential, suite, documentLoader: verifierLoader(), checkStatus: revocationCheck })

  const ob3 = async (session: Session | undefined, certificateNumber: string) =>
    call(w.t.app, 'GET', `/api/v1/me/credentials/${certificateNumber}/ob3`, { session })
  const download = async (session: Session, certificateNumber: string): Promise<Credential> => {
    const res = await ob3(session, certificateNumber)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
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
  const credentials = new Map<string, Credential>()

  beforeAll(async () => {
    w = await deliveryWorld(kind)
    mt1 = await holder(`ob3-mt1-${kind}@example.com`, ['MM', 'SRMT', 'QBA'])
    expect(mt1.awards.map((x) => x.type).sort()).toEqual(['MM', 'MS', 'MT1', 'QBA', 'SRMT'])
    for (const award of mt1.awards) credentials.set(award.type, await download(mt1.c, award.certificateNumber))
  }, 180_000)
  afterAll(async () => w.t.close())

  it('gives the holder an OpenBadgeCredential for each certificate, aligned to the skills it covers', () => {
    for (const [type, cred] of credentials) {
      expect(cred['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'])
      expect(cred.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential'])
      expect(cred.id).toBe(`http://mt1.test/registry/${mt1.number(type)}`)
      expect(cred.issuer).toMatchObject({ id: 'http://mt1.test/api/v1/issuer', type: ['Profile'], name: 'Manufacturing Skills Institute' })
      expect(cred.validFrom).toBe(`${mt1.awards.find((x) => x.type === type)!.issuedOn}T00:00:00Z`)
      const achievement = cred.credentialSubject.achievement
      expect(achievement).toMatchObject({ id: `http://mt1.test/achievements/${type}`, type: ['Achievement'], humanCode: type })
      expect(achievement.achievementType).toBe(type === 'MS' || type === 'MT1' ? 'Certification' : 'Certificate')
      expect(achievement.criteria.narrative.length).toBeGreaterThan(20)
      expect(achievement.alignment).toHaveLength(ALIGNED[type as keyof typeof ALIGNED])
      for (const a of achievement.alignment) expect(a).toMatchObject({ type: ['Alignment'], targetType: 'ext:Skill', targetUrl: `http://mt1.test/modules#${a.targetCode}` })
      // The holder appears only as a salted hash of their email, never by name or in clear.
      const [identity] = cred.credentialSubject.identifier
      expect(identity).toMatchObject({ type: 'IdentityObject', hashed: true, identityType: 'emailAddress' })
      expect(identity.identityHash).toMatch(/^sha256\$[0-9a-f]{64}$/)
      expect(JSON.stringify(cred)).not.toContain('example.com')
      expect(cred.credentialStatus).toMatchObject({
        type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListCredential: 'http://mt1.test/api/v1/credentials/status/1',
      })
      expect(cred.credentialStatus.id).toBe(`http://mt1.test/api/v1/credentials/status/1#${cred.credentialStatus.statusListIndex}`)
      expect(cred.proof).toHaveLength(1)
      expect(cred.proof[0]).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' })
      expect(cred.proof[0].verificationMethod).toMatch(/^http:\/\/mt1\.test\/api\/v1\/issuer\/keys\/\d{8}-[0-9a-f]{8}$/)
    }
    const mt1Skills = credentials.get('MT1')!.credentialSubject.achievement.alignment.map((a: { targetCode: string }) => a.targetCode)
    expect(mt1Skills).toEqual(['MEAS', 'ALG', 'MQ', 'SPAT', 'MECH', 'FPT', 'ELEC', 'CHEM', 'MPC', 'SPC', 'QLM', 'FLBA'])
  })

  it('verifies with @digitalbazaar/vc offline, and a tampered copy does not', async () => {
    for (const [type, cred] of credentials) {
      const result = await verify(cred)
      expect(result.verified, `${type}: ${result.error?.message ?? ''} ${result.error?.errors?.map((e) => e.message).join('; ') ?? ''}`).toBe(true)
    }
    const renamed = structuredClone(credentials.get('MM')!)
    renamed.credentialSubject.achievement.name = 'Master Machinist'
    expect((await verify(renamed)).verified).toBe(false)
    const backdated = structuredClone(credentials.get('MT1')!)
    backdated.validFrom = '2020-01-01T00:00:00Z'
    expect((await verify(backdated)).verified).toBe(false)
    // Everything the verifier loaded was a bundled context or one of the issuer's published documents.
    expect(loaded.length).toBeGreaterThan(0)
    for (const url of new Set(loaded)) expect(url).toMatch(/^(https:\/\/(www\.w3\.org|purl\.imsglobal\.org|w3id\.org)\/|http:\/\/mt1\.test\/api\/v1\/(issuer|credentials\/status\/1))/)
    expect(networkAttempts).toEqual([])
    // The server's own loader refuses anything it does not hold.
    await expect(w.t.app.services.credentials.documentLoader('https://example.org/evil-context.jsonld')).rejects.toThrow(/Refusing/)
  })

  it.skipIf(!schemaPresent)('is valid against the Open Badges 3.0 JSON schema', () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true })
    addFormats(ajv)
    const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')))
    for (const [type, cred] of credentials) expect(validate(cred) ? [] : validate.errors, type).toEqual([])
  })

  it('lets only the holder download it: another candidate gets 404, an anonymous request 401', async () => {
    const number = mt1.number('MT1')
    const other = await register(w.t.app, { email: `ob3-other-${kind}@example.com` })
    expect((await ob3(other, number)).statusCode).toBe(404)
    expect((await ob3(w.staff, number)).statusCode).toBe(404)
    expect((await ob3(undefined, number)).statusCode).toBe(401)
    expect((await ob3(mt1.c, 'MT1-00000-00000-0')).statusCode).toBe(404)
    // The holder may type the number loosely, as everywhere else.
    expect((await ob3(mt1.c, number.toLowerCase())).statusCode).toBe(200)
  })

  it('publishes a signed status list that shows a revocation at once', async () => {
    const h = await holder(`ob3-revoked-${kind}@example.com`, ['QBA'])
    const cred = await download(h.c, h.number('QBA'))
    const index = Number(cred.credentialStatus.statusListIndex)

    const first = await call(w.t.app, 'GET', '/api/v1/credentials/status/1')
    expect(first.statusCode).toBe(200)
    expect(first.headers['cache-control']).toBe('public, no-cache')
    const list = first.json() as Credential
    expect(list.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential'])
    expect(list.issuer).toBe('http://mt1.test/api/v1/issuer')
    expect(list.credentialSubject).toMatchObject({ id: 'http://mt1.test/api/v1/credentials/status/1#list', type: 'BitstringStatusList', statusPurpose: 'revocation' })
    expect((await decodeList({ encodedList: list.credentialSubject.encodedList })).length).toBeGreaterThanOrEqual(131_072)
    expect((await vc.verifyCredential({ credential: list, suite, documentLoader: verifierLoader() })).verified).toBe(true)
    // Unchanged: the same ETag, and a conditional request is answered 304.
    const etag = first.headers.etag as string
    expect((await call(w.t.app, 'GET', '/api/v1/credentials/status/1', { headers: { 'if-none-match': etag } })).statusCode).toBe(304)
    expect((await call(w.t.app, 'GET', '/api/v1/credentials/status/2')).statusCode).toBe(404)

    const statusOf = async () => {
      const r = await checkStatus({ credential: cred, documentLoader: verifierLoader(), suite, verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true })
      expect(r.verified, r.error?.message).toBe(true)
      return r.results![0]!.status
    }
    expect(await statusOf()).toBe(false)
    expect((await verify(cred)).verified).toBe(true)

    // Revocation is another module's route; it comes down to this column.
    await w.t.app.db.updateTable('credentials').set({ status: 'revoked' }).where('certificate_number', '=', h.number('QBA')).execute()
    expect(await statusOf()).toBe(true)
    const after = await verify(cred)
    expect(after.verified).toBe(false)
    expect(after.statusResult?.verified).toBe(false)
    const changed = await call(w.t.app, 'GET', '/api/v1/credentials/status/1', { headers: { 'if-none-match': etag } })
    expect(changed.statusCode).toBe(200)
    expect(changed.headers.etag).not.toBe(etag)
    const bits = await decodeList({ encodedList: (changed.json() as Credential).credentialSubject.encodedList })
    expect(bits.getStatus(index)).toBe(true)
    // The MT1 holder's credentials are untouched.
    expect(bits.getStatus(Number(credentials.get('MT1')!.credentialStatus.statusListIndex))).toBe(false)
    expect((await verify(credentials.get('MT1')!)).verified).toBe(true)
  })

  it('keeps earlier credentials verifiable after a key rotation and signs new ones with the new key', async () => {
    const before = credentials.get('MS')!
    const oldKey = before.proof[0].verificationMethod as string
    const rotated = await w.t.app.services.credentials.rotateIssuerKey()
    expect(rotated.retired).toContain(oldKey)
    expect(rotated.current).not.toBe(oldKey)

    // Both keys are published; the issuer lists both as assertion methods.
    const issuer = (await call(w.t.app, 'GET', '/api/v1/issuer')).json() as Credential
    expect(issuer).toMatchObject({ id: 'http://mt1.test/api/v1/issuer', type: ['Profile'], name: 'Manufacturing Skills Institute' })
    expect(issuer.assertionMethod).toEqual(expect.arrayContaining([oldKey, rotated.current]))
    for (const key of [oldKey, rotated.current]) {
      const doc = await call(w.t.app, 'GET', key.slice('http://mt1.test'.length))
      expect(doc.statusCode).toBe(200)
      expect(doc.json()).toMatchObject({ type: 'Multikey', id: key, controller: 'http://mt1.test/api/v1/issuer' })
      expect(doc.body).not.toContain('secretKey')
    }
    expect((await call(w.t.app, 'GET', '/api/v1/issuer/keys/20000101-00000000')).statusCode).toBe(404)

    expect((await verify(before)).verified).toBe(true)
    const h = await holder(`ob3-after-rotation-${kind}@example.com`, ['MM'])
    const fresh = await download(h.c, h.number('MM'))
    expect(fresh.proof[0].verificationMethod).toBe(rotated.current)
    expect((await verify(fresh)).verified).toBe(true)

    // The keys are rows of the database, the secret sealed under the key-encryption key; none is a file.
    const rows = await w.t.app.db.selectFrom('issuer_keys').selectAll().execute()
    expect(rows.length).toBeGreaterThanOrEqual(2)
    expect(rows.filter((r) => r.retired_at === null).map((r) => r.id)).toEqual([rotated.current.split('/').at(-1)])
    expect(new Set(rows.map((r) => r.kek_id)).size).toBe(1)
    expect(fs.existsSync(path.join(w.t.dataDir, 'issuer-keys'))).toBe(false)
  })
})
