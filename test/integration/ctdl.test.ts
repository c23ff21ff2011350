// The MT1 program in CTDL (GET /api/v1/program/ctdl): public, cacheable JSON-LD whose @graph holds the
// institute, MS and MT1, the module certificates and the assessments, with ids under PUBLIC_URL; and
// every CTDL term it uses is one Credential Engine's files in ../shared/ctdl use or describe (the 2023
// example record, the current form; the 2018/2019 schemas for the terms they still describe). Terms
// that only Credential Engine's online documentation describes are listed by name below.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src/server/config.js'
import { buildCtdl } from '../../src/server/modules/program/ctdl.js'
import { call, register } from '../helpers/http-client.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

// ../shared beside the checkout, as the other tests read it; MT1_SHARED_DIR points elsewhere (a git worktree).
const ctdlDir = path.join(process.env.MT1_SHARED_DIR ?? path.resolve(projectRoot, '..', 'shared'), 'ctdl')
const example2023 = path.join(ctdlDir, 'example-Credential-1-bachelordegree-2023.json')
const schemaFiles = ['credentialSchema.json', 'assessmentProfileSchema.json', 'conditionManifestSchema.json'].map((f) => path.join(ctdlDir, f))
const ctdlPresent = [example2023, ...schemaFiles].every((f) => fs.existsSync(f))
if (!ctdlPresent) console.warn(`[ctdl] ${ctdlDir} (the 2023 example record and the CTDL schemas) is absent: the term check is skipped.`)

/**
 * Current CTDL terms the offline files do not name: ceterms:creditValue's range is now a
 * ceterms:ValueProfile (the 2019 schema still says schema:QuantitativeValue).
 */
const DOCUMENTED_ONLINE = new Set(['ceterms:ValueProfile'])

type Json = Record<string, unknown>
const TERM = /^(ceterms|ceasn|schema|meta):[A-Za-z]+$/

/** Every CTDL term a file names: as a key, a definition, or an enumerated @type value. */
function termsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) termsIn(v, into)
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (TERM.test(key)) into.add(key)
      termsIn(v, into)
    }
  } else if (typeof value === 'string' && TERM.test(value)) into.add(value)
  return into
}

const LANGUAGE = /^[a-z]{2}(-[A-Z]{2})?$/

/** Every term our document uses: keys (not a language map's languages), and @type values. */
function termsUsed(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) termsUsed(v, into)
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (!key.startsWith('@') && !LANGUAGE.test(key)) into.add(key)
      if (key === '@type' && typeof v === 'string') into.add(v)
      if (key !== '@context') termsUsed(v, into)
    }
  }
  return into
}

describe.each(databases)('the program in CTDL on %s', (kind) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(kind)
  })
  afterAll(async () => t.close())

  const get = async () => {
    const res = await call(t.app, 'GET', '/api/v1/program/ctdl')
    expect(res.statusCode, res.body).toBe(200)
    return res
  }

  it('answers anyone with cacheable JSON-LD, ids under PUBLIC_URL', async () => {
    const res = await get()
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8')
    expect(res.headers['cache-control']).toBe('public, max-age=300')
    const doc = res.json() as { '@context': string; '@id': string; '@graph': Json[] }
    expect(doc['@context']).toBe('https://credreg.net/ctdl/schema/context/json')
    expect(doc['@id']).toBe('http://mt1.test/api/v1/program/ctdl')
    expect(doc['@graph'].map((n) => n['@type'])).toEqual([
      'ceterms:CredentialOrganization', 'ceterms:Certification', 'ceterms:Certification',
      'ceterms:Certificate', 'ceterms:Certificate', 'ceterms:Certificate',
      'ceterms:AssessmentProfile', 'ceterms:AssessmentProfile', 'ceterms:AssessmentProfile',
    ])
    for (const n of doc['@graph']) {
      expect(n['@id']).toBe(`http://mt1.test/api/v1/program/ctdl#${n['ceterms:ctid'] as string}`)
      expect(n['ceterms:ctid']).toMatch(/^ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    }
    // The same document for a signed-in person, and on every request (the ctids are fixed).
    const someone = await register(t.app, { email: `ctdl-${kind}@example.com` })
    expect((await call(t.app, 'GET', '/api/v1/program/ctdl', { session: someone })).body).toBe(res.body)
    expect((await get()).body).toBe(res.body)
  })

  it('refuses what it is not: a write is 404, and a query string changes nothing', async () => {
    expect((await call(t.app, 'POST', '/api/v1/program/ctdl', { body: {} })).statusCode).toBe(404)
    const res = await call(t.app, 'GET', '/api/v1/program/ctdl?publicUrl=https%3A%2F%2Fevil.example')
    expect(res.statusCode).toBe(200)
    expect(res.body).not.toContain('evil.example')
  })

  it.skipIf(!ctdlPresent)('uses only CTDL terms Credential Engine\'s 2023 record or its schemas use', async () => {
    const known = new Set<string>()
    const example = JSON.parse(fs.readFileSync(example2023, 'utf8')) as Json
    termsIn(example, known)
    for (const f of schemaFiles) termsIn(JSON.parse(fs.readFileSync(f, 'utf8')), known)
    const doc = (await get()).json() as Json
    expect(doc['@context']).toBe(example['@context'])
    // The route's document, and one with an advanced-standing agreement (the terms it adds).
    const withAgreement = buildCtdl({
      program: t.app.services.program.definition, publicUrl: 'http://mt1.test',
      agreements: [{
        id: 'a1', institution: { id: 'i1', name: 'Example College', url: 'https://college.example.edu' }, credential: 'MT1', program: 'A.A.S.',
        courses: [{ code: 'MFG 101', name: 'Manufacturing' }], credits: 3, conditions: null, effectiveFrom: '2026-01-01', effectiveTo: '2027-12-31',
      }],
    })
    const unknown = [...termsUsed(doc), ...termsUsed(withAgreement)].filter((term) => !known.has(term) && !DOCUMENTED_ONLINE.has(term))
    expect([...new Set(unknown)]).toEqual([])
    // Names and descriptions are language maps, as in the 2023 record.
    for (const n of doc['@graph'] as Json[]) expect(n['ceterms:name']).toEqual({ 'en-US': expect.any(String) })
  })
})
