// Bounded work for every input (issue 11, part 3): hostile SVG and QTI XML are refused by cheap
// checks or parsed off the event loop, zips are inflated with a cap on actual bytes, a candidate's
// documents have a quota, every timestamp goes through one parser, identifiers follow the QTI
// grammar and never become paths. Every case runs on SQLite and PostgreSQL.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src/server/config.js'
import { insertItem, insertVersion } from '../../src/server/modules/item-bank/item-bank.repository.js'
import { isCleanPackagePath, readManifest, readZipAsync, writeFolder } from '../../src/server/modules/item-bank/package.js'
import { craftZip, deflatedZeros, honest } from '../helpers/crafted-zip.js'
import { call, errorCode, register, staffSession, type Session } from '../helpers/http-client.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

const MB = 1024 * 1024
const svg = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">${inner}</svg>`
const SHIPPED_ITEM = fs.readFileSync(path.join(projectRoot, 'program', 'mt1', 'items', 'operational', 'FLBA', 'MT1-FLBA-002.xml'), 'utf8')
const withIdentifier = (xml: string, identifier: string) => xml.replace('identifier="MT1-FLBA-002"', `identifier="${identifier}"`)
const details = (res: LightMyRequestResponse) => (res.json() as { error: { details?: unknown } }).error.details

/** The event loop's longest stall while `work` runs (perf_hooks), in milliseconds. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; maxMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 })
  histogram.enable()
  try {
    const result = await work()
    // Let the monitor's timer observe the last turn of the loop.
    await new Promise((resolve) => setTimeout(resolve, 30))
    return { result, maxMs: histogram.max / 1e6 }
  } finally {
    histogram.disable()
  }
}

describe.each(databases)('bounded work for every input on %s', (kind) => {
  let t: TestApp
  let staff: Session
  const countOf = async (table: 'item_assets' | 'items' | 'accommodation_documents') =>
    Number((await t.app.db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n)

  beforeAll(async () => {
    t = await createTestApp(kind)
    staff = await staffSession(t.app)
  }, 120_000)
  afterAll(async () => t.close())

  const uploadFigure = (body: string | Buffer, fileName = 'figure.svg') =>
    call(t.app, 'POST', `/api/v1/admin/item-figures?fileName=${encodeURIComponent(fileName)}`, { session: staff, payload: body as string, headers: { 'content-type': 'image/svg+xml' } })

  describe('SVG figures', () => {
    it('refuses hostile SVG shapes with 400 naming the limit, stores nothing, and never stalls the event loop', async () => {
      const deep = svg(`${'<g>'.repeat(19_500)}${'</g>'.repeat(19_500)}`)
      expect(deep.length).toBeGreaterThan(136_000)
      const cases: [string, string, string][] = [
        ['a 136 KB SVG nested 19,500 deep', deep, 'depth'],
        ['50,000 unclosed groups', svg('<g>'.repeat(50_000)), 'depth'],
        ['billion laughs', `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY e${i} "${`&${i ? `e${i - 1}` : 'a'};`.repeat(10)}">`).join('')}]>${svg('<text>&e8;</text>')}`, 'dtd'],
        ['100,000 sibling elements', svg('<rect/>'.repeat(100_000)), 'elements'],
        ['a 1.9 MB attribute', svg(`<path d="${'M0 0 L1 1 '.repeat(190_000)}"/>`), 'attribute'],
      ]
      const before = await countOf('item_assets')
      const { result: answers, maxMs } = await longestStall(async () => {
        const out: LightMyRequestResponse[] = []
        for (const [, body] of cases) out.push(await uploadFigure(body))
        return out
      })
      for (const [i, [name, , limit]] of cases.entries()) {
        const res = answers[i]!
        expect(res.statusCode, name).toBe(400)
        expect(errorCode(res), name).toBe('VALIDATION')
        expect(details(res), name).toEqual({ limit })
        expect(res.json().error.message, name).toMatch(/^The figure was not accepted: the SVG /)
      }
      expect(await countOf('item_assets')).toBe(before)
      console.log(`[bounded-input] ${kind}: longest event-loop stall while refusing ${cases.length} hostile SVGs: ${maxMs.toFixed(1)} ms`)
      // A correctness bound, not a benchmark: a parse on the event loop stalled it for 90 s.
      expect(maxMs).toBeLessThan(1000)
    })

    it('keeps answering other requests while a large legitimate SVG is sanitised in the worker', async () => {
      // Within every limit (2,000 elements), and slow to sanitise: hundreds of milliseconds of jsdom work.
      const big = svg(Array.from({ length: 2_000 }, (_, i) => `<rect x="${i % 100}" y="${Math.floor(i / 100)}" width="1" height="1" fill="#${(i * 2654435761 % 0xffffff).toString(16).padStart(6, '0')}" onclick="steal(${i})"/>`).join(''))
      // The worker may be cold: warm it with a small figure first, so what is measured is the parse.
      expect((await uploadFigure(svg('<circle r="1"/>'), 'warm.svg')).statusCode).toBe(201)
      const { result, maxMs } = await longestStall(async () => {
        let settled = false
        const upload = uploadFigure(big, 'big.svg').finally(() => { settled = true })
        let answeredMeanwhile = 0
        while (!settled) {
          const live = await call(t.app, 'GET', '/api/v1/health/live')
          expect(live.statusCode).toBe(200)
          if (!settled) answeredMeanwhile++
          await new Promise((resolve) => setTimeout(resolve, 5))
        }
        return { res: await upload, answeredMeanwhile }
      })
      expect(result.res.statusCode, result.res.body).toBe(201)
      const stored = await call(t.app, 'GET', `/api/v1/item-assets/${result.res.json().sha256}`, { session: staff })
      expect(stored.body).toContain('<rect')
      expect(stored.body).not.toContain('onclick')
      // Health answered while the figure was being checked: the event loop was never held by it.
      expect(result.answeredMeanwhile).toBeGreaterThan(0)
      console.log(`[bounded-input] ${kind}: ${result.answeredMeanwhile} health answers during a ${Math.round(big.length / 1024)} KB SVG upload; longest event-loop stall ${maxMs.toFixed(1)} ms`)
      expect(maxMs).toBeLessThan(1000)
    })
  })

  describe('QTI items', () => {
    const preview = (qtiXml: string) => call(t.app, 'POST', '/api/v1/admin/items/preview', { session: staff, body: { qtiXml } })

    it('refuses hostile item XML with 422 ITEM_INVALID before parsing it', async () => {
      const item = (body: string) => `<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="HOSTILE-1" title="x" time-dependent="false"><qti-item-body>${body}</qti-item-body></qti-assessment-item>`
      const cases: [string, string, RegExp][] = [
        ['nested 20,000 deep', item(`${'<div>'.repeat(20_000)}${'</div>'.repeat(20_000)}`), /nests elements more than 64 deep/],
        ['60,000 siblings', item('<p/>'.repeat(60_000)), /more than 10,000 elements/],
        ['entities', `<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>${item('<p>&b;</p>')}`, /declares a DTD or entities/],
        ['a 400 KB attribute', item(`<p title="${'x'.repeat(400_000)}">x</p>`), /attribute value longer than/],
      ]
      const { result, maxMs } = await longestStall(async () => Promise.all(cases.map(([, xml]) => preview(xml))))
      for (const [i, [name, , reason]] of cases.entries()) {
        expect(result[i]!.statusCode, name).toBe(422)
        expect(errorCode(result[i]!), name).toBe('ITEM_INVALID')
        expect(result[i]!.json().error.message, name).toMatch(reason)
      }
      console.log(`[bounded-input] ${kind}: longest event-loop stall while refusing hostile items: ${maxMs.toFixed(1)} ms`)
      expect(maxMs).toBeLessThan(1000)
    })

    it('refuses identifiers outside the QTI grammar on create, edit and import, naming them, and stores nothing', async () => {
      const items = await countOf('items')
      for (const bad of ['../../x', 'a/b', '..', '.hidden', 'x y', 'C:\\evil']) {
        const created = await call(t.app, 'POST', '/api/v1/admin/items', { session: staff, body: { qtiXml: withIdentifier(SHIPPED_ITEM, bad.replace(/&/g, '&amp;')), pool: 'operational', skill: 'FLBA' } })
        expect(created.statusCode, bad).toBe(422)
        expect(errorCode(created), bad).toBe('ITEM_INVALID')
        expect(created.json().error.message, bad).toContain(JSON.stringify(bad))
      }
      expect(await countOf('items')).toBe(items)

      const good = await call(t.app, 'POST', '/api/v1/admin/items', { session: staff, body: { qtiXml: withIdentifier(SHIPPED_ITEM, 'BOUNDED-OK-1'), pool: 'operational', skill: 'FLBA' } })
      expect(good.statusCode).toBe(201)
      const edited = await call(t.app, 'PUT', `/api/v1/admin/items/${good.json().id}`, { session: staff, body: { qtiXml: withIdentifier(SHIPPED_ITEM, '../BOUNDED-OK-1') } })
      expect(edited.statusCode).toBe(422)
      expect(errorCode(edited)).toBe('ITEM_INVALID')
      expect(edited.json().error.message).toContain('"../BOUNDED-OK-1"')
      expect(edited.json().error.message).toContain('QTI identifier')

      // A package whose item climbs out by its identifier (its file name is harmless).
      const zip = craftZip([honest('items/evil.xml', withIdentifier(SHIPPED_ITEM, '../../evil'))])
      const imported = await call(t.app, 'POST', '/api/v1/admin/items/import', { session: staff, payload: zip as unknown as string, headers: { 'content-type': 'application/zip' } })
      expect(imported.statusCode).toBeLessThan(500)
      expect(JSON.stringify(imported.json())).toContain('\\"../../evil\\" is not a QTI identifier')
      expect(await t.app.db.selectFrom('items').select('id').where('identifier', '=', '../../evil').executeTakeFirst()).toBeUndefined()
      expect(await countOf('items')).toBe(items + 1)
    })

    it('exports a bank whose stored identifiers are hostile with clean paths only', async () => {
      // An item stored before identifiers were checked (written straight to the tables).
      const figure = await uploadFigure(svg('<rect width="5" height="5"/>'), 'legacy.svg')
      expect(figure.statusCode).toBe(201)
      const sha = figure.json().sha256 as string
      const id = `legacy-${kind}`
      const at = new Date().toISOString()
      await insertItem(t.app.db, {
        id, identifier: '../../../legacy', title: 'Legacy', module: null, skill: '../x', pool: 'operational', type: 'numeric', status: 'draft', scoring_mode: 'auto',
        active_version: null, latest_version: 1, origin: 'import', author_id: null, reviewer_id: null, created_at: at, updated_at: at,
      })
      const model = { type: 'numeric', scoring: { responses: [], outcomes: [], rules: [], manual: false, maxScore: 1 }, presentation: { body: [], spoken: {}, lang: 'en' }, rationale: [], assets: { '../../../../etc/passwd.svg': sha }, template: null, warnings: [] }
      await insertVersion(t.app.db, { item_id: id, version: 1, qti_xml: withIdentifier(SHIPPED_ITEM, '../../../legacy'), model_json: JSON.stringify(model), created_at: at, created_by: null, note: null })

      const res = await call(t.app, 'GET', '/api/v1/admin/items/export', { session: staff })
      expect(res.statusCode).toBe(200)
      const files = await readZipAsync(res.rawPayload)
      for (const p of files.keys()) expect(isCleanPackagePath(p), p).toBe(true)
      const manifest = readManifest(files.get('imsmanifest.xml')!.toString('utf8'))
      expect(manifest.resources.map((r) => r.href)).toContain('operational/FLBA/BOUNDED-OK-1.xml')
      const legacy = manifest.resources.find((r) => files.get(r.href)!.toString('utf8').includes('identifier="../../../legacy"'))
      expect(legacy?.href).toMatch(/^operational\/UNCLASSIFIED\/item-[a-f0-9]{16}\.xml$/)
      expect(files.get(`operational/UNCLASSIFIED/figures/${sha}`)?.toString('utf8')).toContain('<rect')
      // Written to a folder, everything stays inside it.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-export-'))
      try {
        writeFolder(dir, files)
        expect(fs.existsSync(path.join(dir, legacy!.href))).toBe(true)
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
      await t.app.db.deleteFrom('item_versions').where('item_id', '=', id).execute()
      await t.app.db.deleteFrom('items').where('id', '=', id).execute()
    })
  })

  describe('zip packages', () => {
    const importZip = (zip: Buffer) => call(t.app, 'POST', '/api/v1/admin/items/import', { session: staff, payload: zip as unknown as string, headers: { 'content-type': 'application/zip' } })

    it('stops an entry whose headers understate its size when it inflates past them, importing nothing', async () => {
      const items = await countOf('items')
      // Both headers say 200 bytes; the entry inflates to 300 MB of zeros.
      const bomb = craftZip([honest('items/a.xml', withIdentifier(SHIPPED_ITEM, 'BOUNDED-ZIP-1')), { name: 'items/b.xml', stored: deflatedZeros(300 * MB), method: 8, declaredSize: 200 }])
      const { result: res, maxMs } = await longestStall(() => importZip(bomb))
      expect(res.statusCode).toBe(400)
      expect(errorCode(res)).toBe('PACKAGE_INVALID')
      expect(res.json().error.message).toMatch(/items\/b\.xml inflates to more than its header says \(200 bytes\)/)
      expect(await countOf('items')).toBe(items)
      console.log(`[bounded-input] ${kind}: longest event-loop stall while refusing a lying zip: ${maxMs.toFixed(1)} ms`)
      expect(maxMs).toBeLessThan(1000)
    })

    it('refuses honest headers that declare more than a package may hold, before inflating', async () => {
      const res = await importZip(craftZip([{ name: 'big.xml', stored: deflatedZeros(1000), method: 8, declaredSize: 11 * MB }]))
      expect(res.statusCode).toBe(400)
      expect(res.json().error.message).toMatch(/big\.xml is larger than 10 MB/)
    })
  })

  describe('timestamps', () => {
    const BAD = ['2016-12-31T23:59:60Z', '2025-02-30T10:00:00Z', '0001-01-01T00:00:00Z', '2025-06-01T24:00:00Z', '2025-06-01T10:00:00+24:00']

    /** Every property with format date-time in a request, as a path into the body or query. */
    function dateTimePaths(schema: unknown, at: string[] = []): string[][] {
      if (!schema || typeof schema !== 'object') return []
      const s = schema as Record<string, unknown>
      if (s.format === 'date-time') return [at]
      const out: string[][] = []
      for (const key of ['anyOf', 'oneOf', 'allOf']) for (const sub of (s[key] as unknown[] | undefined) ?? []) out.push(...dateTimePaths(sub, at))
      for (const [name, sub] of Object.entries((s.properties as Record<string, unknown> | undefined) ?? {})) out.push(...dateTimePaths(sub, [...at, name]))
      if (s.items) out.push(...dateTimePaths(s.items, [...at, '0']))
      return out
    }

    const place = (p: string[], value: unknown): unknown => (p.length === 0 ? value : p[0] === '0' ? [place(p.slice(1), value)] : { [p[0]!]: place(p.slice(1), value) })

    it('refuses leap seconds, impossible days and unstorable years with 400 VALIDATION on every route that takes a timestamp', async () => {
      const doc = (await call(t.app, 'GET', '/api/openapi.json')).json() as { paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema: unknown }[]; requestBody?: { content?: Record<string, { schema: unknown }> } }>> }
      const fields: { method: string; url: string; where: 'body' | 'querystring'; at: string[] }[] = []
      for (const [route, ops] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          const url = route.replace(/\{[^}]+\}/g, 'bounded-test-id')
          for (const p of op.parameters ?? []) if (p.in === 'query') for (const at of dateTimePaths(p.schema, [p.name])) fields.push({ method: method.toUpperCase(), url, where: 'querystring', at })
          const body = op.requestBody?.content?.['application/json']?.schema
          for (const at of dateTimePaths(body)) fields.push({ method: method.toUpperCase(), url, where: 'body', at })
        }
      }
      // Sessions (create, edit, list), vouchers, incidents, proctor certification, centers, onsite requests and approvals.
      expect(fields.length).toBeGreaterThanOrEqual(15)
      console.log(`[bounded-input] ${kind}: ${fields.length} timestamp fields on ${new Set(fields.map((f) => `${f.method} ${f.url}`)).size} routes, each sent ${BAD.length} bad timestamps`)
      for (const f of fields) {
        for (const bad of BAD) {
          const label = `${f.method} ${f.url} ${f.where}.${f.at.join('.')} = ${bad}`
          const res = f.where === 'body'
            ? await call(t.app, f.method as 'POST', f.url, { session: staff, body: place(f.at, bad) })
            : await call(t.app, f.method as 'GET', `${f.url}?${f.at[0]}=${encodeURIComponent(bad)}`, { session: staff })
          expect(res.statusCode, label).toBe(400)
          expect(errorCode(res), label).toBe('VALIDATION')
          const paths = (details(res) as { path: string; message: string }[]).filter((d) => d.path === `${f.where}/${f.at.join('/')}`)
          expect(paths.map((d) => d.message), label).toContain('must match format "date-time"')
        }
      }
    })

    it('takes a real timestamp with an offset, and a leap second never reaches a service', async () => {
      const offset = await call(t.app, 'GET', `/api/v1/sessions?from=${encodeURIComponent('2030-06-30T23:59:59+02:00')}`)
      expect(offset.statusCode).toBe(200)
      const leap = await call(t.app, 'GET', `/api/v1/sessions?from=${encodeURIComponent('2030-06-30T23:59:60Z')}`)
      expect(leap.statusCode).toBe(400)
      expect(errorCode(leap)).toBe('VALIDATION')
    })
  })

  describe('accommodation documents', () => {
    const pdf = (bytes: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes - 9, 0x20)])
    const newRequest = async (candidate: Session) => {
      const res = await call(t.app, 'POST', '/api/v1/me/accommodation-requests', { session: candidate, body: { categories: ['reading'], adjustments: ['read_aloud'], statement: 'Documented dyslexia; letters attached.' } })
      expect(res.statusCode).toBe(201)
      return res.json().id as string
    }
    const upload = (candidate: Session, requestId: string, bytes: Buffer) =>
      call(t.app, 'POST', `/api/v1/me/accommodation-requests/${requestId}/documents?fileName=letter.pdf`, { session: candidate, payload: bytes as unknown as string, headers: { 'content-type': 'application/pdf' } })
    const storedBy = async (candidateId: string) =>
      (await t.app.db.selectFrom('accommodation_documents').innerJoin('accommodation_requests', 'accommodation_requests.id', 'accommodation_documents.request_id')
        .select('accommodation_documents.size').where('accommodation_requests.candidate_id', '=', candidateId).execute()).map((r) => Number(r.size))

    it('limits one candidate to 25 MB over all their requests, storing nothing past it', async () => {
      const candidate = await register(t.app, { email: `quota-bytes-${kind}@example.com` })
      const requests = [await newRequest(candidate), await newRequest(candidate), await newRequest(candidate)]
      expect((await upload(candidate, requests[0]!, pdf(9 * MB))).statusCode).toBe(201)
      expect((await upload(candidate, requests[1]!, pdf(9 * MB))).statusCode).toBe(201)
      const third = await upload(candidate, requests[2]!, pdf(9 * MB))
      expect(third.statusCode).toBe(422)
      expect(errorCode(third)).toBe('DOCUMENT_QUOTA_EXCEEDED')
      expect(details(third)).toMatchObject({ limit: 'bytes', maxBytes: 25 * MB, usedFiles: 2, usedBytes: 18 * MB, uploadBytes: 9 * MB })
      expect(await storedBy(candidate.userId)).toEqual([9 * MB, 9 * MB])
      // What still fits is taken.
      expect((await upload(candidate, requests[2]!, pdf(7 * MB))).statusCode).toBe(201)
      expect((await storedBy(candidate.userId)).reduce((a, b) => a + b, 0)).toBe(25 * MB)
      const mine = (await call(t.app, 'GET', '/api/v1/me/accommodation-requests', { session: candidate })).json().items as { documents: unknown[] }[]
      expect(mine.flatMap((r) => r.documents)).toHaveLength(3)
    })

    it('limits one candidate to 10 files over all their requests', async () => {
      const candidate = await register(t.app, { email: `quota-files-${kind}@example.com` })
      const requests = [await newRequest(candidate), await newRequest(candidate), await newRequest(candidate)]
      for (let i = 0; i < 10; i++) expect((await upload(candidate, requests[Math.floor(i / 5)]!, pdf(1000))).statusCode, `file ${i + 1}`).toBe(201)
      const eleventh = await upload(candidate, requests[2]!, pdf(1000))
      expect(eleventh.statusCode).toBe(422)
      expect(errorCode(eleventh)).toBe('DOCUMENT_QUOTA_EXCEEDED')
      expect(details(eleventh)).toMatchObject({ limit: 'files', maxFiles: 10, usedFiles: 10 })
      expect(await storedBy(candidate.userId)).toHaveLength(10)
    })

    it('lets exactly one of two simultaneous uploads into the room that only one fits', async () => {
      const candidate = await register(t.app, { email: `quota-race-${kind}@example.com` })
      const requests = [await newRequest(candidate), await newRequest(candidate)]
      expect((await upload(candidate, requests[0]!, pdf(9 * MB))).statusCode).toBe(201)
      expect((await upload(candidate, requests[0]!, pdf(9 * MB))).statusCode).toBe(201)
      const [a, b] = await Promise.all([upload(candidate, requests[1]!, pdf(5 * MB)), upload(candidate, requests[1]!, pdf(5 * MB))])
      expect([a.statusCode, b.statusCode].sort()).toEqual([201, 422])
      expect(await storedBy(candidate.userId)).toHaveLength(3)
    })
  })
})
