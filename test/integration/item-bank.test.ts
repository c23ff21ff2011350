import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isInteractionNode } from '../../src/common/items/presentation.js'
import { correctResponseOf, scoreItem } from '../../src/common/qti/scoring.js'
import { readFolder, readZip, zipFiles } from '../../src/server/modules/item-bank/package.js'
import { call, errorCode, login, register, staffSession, type Session } from '../helpers/http-client.js'
import { samplesDir, samplesPresent } from '../helpers/samples.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'
import { listItemFiles } from '../content/item-xml.js'

// The shipped bank's size, read from its files: the count grows as items are written.
const SHIPPED = listItemFiles()
const SHIPPED_COUNT = SHIPPED.length
const shippedPerSkill = (skill: string) => SHIPPED.filter((f) => f.skill === skill).length

/** Keys a candidate payload may contain, anywhere in its tree. Anything else fails the walk. */
const CANDIDATE_KEYS = new Set([
  'id', 'type', 'presentation', 'body', 'spoken', 'lang', 'tag', 'attrs', 'children', 'interaction', 'gap', 'kind', 'responseId',
  'maxChoices', 'minChoices', 'shuffle', 'prompt', 'choices', 'content', 'fixed', 'spokenId', 'expectedLength', 'numeric', 'label', 'expectedLines',
  'text', 'maxAssociations', 'sources', 'targets', 'gapTexts', 'image', 'src', 'alt', 'width', 'height', 'describedBy', 'hotspots', 'shape', 'coords',
])

function forbiddenKeys(value: unknown, at = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => forbiddenKeys(v, `${at}[${i}]`))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      // Attribute names and spoken catalog ids are data, not structure.
      if (at.endsWith('.attrs') || at.endsWith('.spoken')) return []
      return [...(CANDIDATE_KEYS.has(k) ? [] : [`${at}.${k}`]), ...forbiddenKeys(v, `${at}.${k}`)]
    })
  }
  return []
}

describe.each(databases)('item bank on %s', (kind) => {
  let t: TestApp
  let staff: Session
  let reviewer: Session
  beforeAll(async () => {
    t = await createTestApp(kind)
    const report = await t.app.services.itemBank.seedShippedBank()
    expect(report?.summary).toEqual({ imported: SHIPPED_COUNT, updated: 0, unchanged: 0, failed: 0 })
    staff = await staffSession(t.app)
    reviewer = await staffSession(t.app, 'reviewer@mt1.test')
  }, 120_000)
  afterAll(async () => t.close())

  const allItems = async () => {
    const out = []
    let cursor: string | null = null
    do {
      const res = await call(t.app, 'GET', `/api/v1/admin/items?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { session: staff })
      out.push(...res.json().items)
      cursor = res.json().nextCursor
    } while (cursor)
    return out as { id: string; identifier: string; type: string; skill: string; module: string; pool: string; status: string }[]
  }

  it('seeds the shipped bank once: every shipped item active, each under its skill', async () => {
    expect(await t.app.services.itemBank.seedShippedBank()).toBeNull()
    const items = await allItems()
    expect(items).toHaveLength(SHIPPED_COUNT)
    expect(items.every((i) => i.status === 'active')).toBe(true)
    const perSkill = new Map<string, number>()
    for (const i of items) perSkill.set(i.skill, (perSkill.get(i.skill) ?? 0) + 1)
    expect(perSkill.size).toBe(12)
    for (const [skill, n] of perSkill) expect(n, skill).toBe(shippedPerSkill(skill))
    const filtered = (await call(t.app, 'GET', '/api/v1/admin/items?module=SRMT&pool=practice&type=single_choice', { session: staff })).json().items
    expect(filtered.length).toBeGreaterThan(0)
    expect(filtered.every((i: { module: string; pool: string; type: string }) => i.module === 'SRMT' && i.pool === 'practice' && i.type === 'single_choice')).toBe(true)
  })

  it('gives staff the key of every item, and it scores full marks', async () => {
    for (const item of await allItems()) {
      const res = await call(t.app, 'GET', `/api/v1/admin/items/${item.id}`, { session: staff })
      expect(res.statusCode).toBe(200)
      const detail = res.json()
      expect(detail).toMatchObject({ module: item.module, skill: item.skill, status: 'active', type: item.type })
      expect(detail.correctResponse, item.identifier).not.toBeNull()
      const version = await t.app.services.itemBank.version(item.id, detail.version)
      expect(scoreItem(version!.model.scoring, detail.correctResponse).fraction, item.identifier).toBe(1)
    }
  })

  it('refuses the item and its key to everyone but program staff', async () => {
    const [item] = await allItems()
    const candidate = await register(t.app, { email: 'curious-candidate@example.com' })
    const proctor = await register(t.app, { email: 'proctor-x@example.com' })
    await call(t.app, 'PATCH', `/api/v1/admin/users/${proctor.userId}`, { session: staff, body: { roles: ['proctor', 'center_admin', 'employer', 'college_partner'] } })
    const proctorAgain = await login(t.app, 'proctor-x@example.com', 'correct horse battery')
    for (const who of [candidate, proctorAgain]) {
      const res = await call(t.app, 'GET', `/api/v1/admin/items/${item!.id}`, { session: who })
      expect(res.statusCode).toBe(403)
      expect(res.body).not.toContain('correctResponse')
    }
    expect((await call(t.app, 'GET', `/api/v1/admin/items/${item!.id}`)).statusCode).toBe(401)
    expect((await call(t.app, 'GET', '/api/v1/admin/items/export', { session: candidate })).statusCode).toBe(403)
    expect((await call(t.app, 'POST', '/api/v1/admin/forms/preview', { session: candidate, body: { module: 'MM' } })).statusCode).toBe(403)
  })

  it('never puts a key, mapping, rule or rationale into what a candidate receives, for any item', async () => {
    for (const module of ['MM', 'SRMT', 'QBA']) {
      for (const pool of ['operational', 'practice'] as const) {
        for (let seed = 1; seed <= 3; seed++) {
          const form = await t.app.services.itemBank.assemble(module, pool, seed)
          for (const item of form.items) expect(forbiddenKeys(item), item.id).toEqual([])
        }
      }
    }
    // And every item of the bank, whether or not a form drew it.
    const { candidateItem } = await import('../../src/common/items/candidate-item.js')
    for (const item of await allItems()) {
      const version = await t.app.services.itemBank.version(item.id, 1)
      const payload = candidateItem(item.id, version!.model.type, version!.model.presentation, 1)
      expect(forbiddenKeys(payload), item.identifier).toEqual([])
      const json = JSON.stringify(payload)
      const rationale = JSON.stringify(version!.model.rationale).slice(2, 60)
      expect(json.includes(rationale), `${item.identifier} rationale`).toBe(false)
      expect(json).not.toMatch(/"(correct\w*|mapping|areaMapping|rationale|scoring|rules|responses|outcomes)":/i)
    }
  })

  it('assembles forms by the blueprint, from the practice pool for practice forms', async () => {
    const res = await call(t.app, 'POST', '/api/v1/admin/forms/preview', { session: staff, body: { module: 'SRMT', seed: 99 } })
    expect(res.statusCode).toBe(200)
    const { form, items } = res.json()
    expect(form).toHaveLength(36)
    for (const skill of ['SPAT', 'MECH', 'FPT', 'ELEC', 'CHEM', 'MPC']) expect(form.filter((f: { skill: string }) => f.skill === skill)).toHaveLength(6)
    expect(items.map((i: { id: string }) => i.id)).toEqual(form.map((f: { itemId: string }) => f.itemId))
    const again = (await call(t.app, 'POST', '/api/v1/admin/forms/preview', { session: staff, body: { module: 'SRMT', seed: 99 } })).json()
    expect(again).toEqual(res.json())
    const practice = (await call(t.app, 'POST', '/api/v1/admin/forms/preview', { session: staff, body: { module: 'MM', pool: 'practice', seed: 5 } })).json()
    const practiceItems = (await allItems()).filter((i) => i.pool === 'practice')
    const practiceIds = new Set(practiceItems.map((i) => i.id))
    // A full-length practice form: the blueprint's 8 per skill, as far as each skill's practice items go.
    for (const skill of ['MEAS', 'ALG', 'MQ']) {
      const have = practiceItems.filter((i) => i.skill === skill).length
      expect(practice.form.filter((f: { skill: string }) => f.skill === skill), skill).toHaveLength(Math.min(8, have))
    }
    expect(practice.form.every((f: { itemId: string }) => practiceIds.has(f.itemId))).toBe(true)
    const bad = await call(t.app, 'POST', '/api/v1/admin/forms/preview', { session: staff, body: { module: 'XYZ' } })
    expect(bad.statusCode).toBe(404)
  })

  it('exports the bank as a QTI package that imports into an empty bank with the same items and keys', async () => {
    const res = await call(t.app, 'GET', '/api/v1/admin/items/export', { session: staff })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/application\/zip/)
    const files = readZip(res.rawPayload)
    expect(files.has('imsmanifest.xml')).toBe(true)
    expect([...files.keys()].filter((p) => p.endsWith('.xml') && p !== 'imsmanifest.xml')).toHaveLength(SHIPPED_COUNT)

    const other = await createTestApp(kind)
    try {
      const otherStaff = await staffSession(other.app)
      const imported = await call(other.app, 'POST', '/api/v1/admin/items/import', {
        session: otherStaff, payload: res.rawPayload as unknown as string, headers: { 'content-type': 'application/zip' },
      })
      expect(imported.statusCode).toBe(200)
      expect(imported.json().summary).toEqual({ imported: SHIPPED_COUNT, updated: 0, unchanged: 0, failed: 0 })
      const before = new Map((await allItems()).map((i) => [i.identifier, i]))
      const page: { id: string; identifier: string; module: string; skill: string; pool: string; type: string; status: string }[] = []
      let cursor: string | null = null
      do {
        const res = await call(other.app, 'GET', `/api/v1/admin/items?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { session: otherStaff })
        page.push(...res.json().items)
        cursor = res.json().nextCursor
      } while (cursor)
      expect(page).toHaveLength(SHIPPED_COUNT)
      for (const after of page) {
        const was = before.get(after.identifier)!
        expect({ module: after.module, skill: after.skill, pool: after.pool, type: after.type }).toEqual({ module: was.module, skill: was.skill, pool: was.pool, type: was.type })
        expect(after.status).toBe('draft')
        const keyBefore = (await call(t.app, 'GET', `/api/v1/admin/items/${was.id}`, { session: staff })).json()
        const keyAfter = (await call(other.app, 'GET', `/api/v1/admin/items/${after.id}`, { session: otherStaff })).json()
        expect(keyAfter.correctResponse).toEqual(keyBefore.correctResponse)
        expect(keyAfter.qtiXml).toBe(keyBefore.qtiXml)
        expect(keyAfter.presentation).toEqual(keyBefore.presentation)
      }
    } finally {
      await other.close()
    }
  }, 120_000)

  describe('authoring, review and retirement', () => {
    const xml = fs.readFileSync(path.resolve(import.meta.dirname, '../../program/mt1/items/operational/ELEC/MT1-ELEC-001.xml'), 'utf8').replace('identifier="MT1-ELEC-001"', 'identifier="NEW-ELEC-900"')

    it('creates a draft, versions edits, needs a second person to approve, and retires with a reason', async () => {
      const figure = (await t.app.services.itemBank.version((await allItems()).find((i) => i.identifier === 'MT1-ELEC-001')!.id, 1))!.model.assets
      const created = await call(t.app, 'POST', '/api/v1/admin/items', { session: staff, body: { qtiXml: xml, skill: 'ELEC', pool: 'operational', assets: figure } })
      expect(created.statusCode).toBe(201)
      const id = created.json().id
      expect(created.json()).toMatchObject({ status: 'draft', version: 1, module: 'SRMT', skill: 'ELEC', contentProblems: [] })
      const twice = await call(t.app, 'POST', '/api/v1/admin/items', { session: staff, body: { qtiXml: xml, skill: 'ELEC', pool: 'operational', assets: figure } })
      expect(errorCode(twice)).toBe('IDENTIFIER_TAKEN')

      const edited = await call(t.app, 'PUT', `/api/v1/admin/items/${id}`, { session: staff, body: { qtiXml: xml.replace('What current', 'Which current'), note: 'wording' } })
      expect(edited.json()).toMatchObject({ version: 2, status: 'draft' })
      expect(edited.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1])

      expect((await call(t.app, 'POST', `/api/v1/admin/items/${id}/status`, { session: staff, body: { status: 'active' } })).statusCode).toBe(422)
      expect((await call(t.app, 'POST', `/api/v1/admin/items/${id}/status`, { session: staff, body: { status: 'in_review' } })).json().status).toBe('in_review')
      const own = await call(t.app, 'POST', `/api/v1/admin/items/${id}/status`, { session: staff, body: { status: 'active' } })
      expect(own.statusCode).toBe(422)
      expect(own.json().error.message).toMatch(/Another staff member/)
      const approved = await call(t.app, 'POST', `/api/v1/admin/items/${id}/status`, { session: reviewer, body: { status: 'active' } })
      expect(approved.json()).toMatchObject({ status: 'active', activeVersion: 2 })

      // An edit of an active item waits for review; candidates keep getting the approved version.
      const pending = await call(t.app, 'PUT', `/api/v1/admin/items/${id}`, { session: staff, body: { qtiXml: xml.replace('What current', 'How much current') } })
      expect(pending.json()).toMatchObject({ status: 'active', version: 3, activeVersion: 2, pendingReview: true })
      const promoted = await call(t.app, 'POST', `/api/v1/admin/items/${id}/status`, { session: reviewer, body: { status: 'active' } })
      expect(promoted.json()).toMatchObject({ activeVersion: 3, pendingReview: false })

      expect(errorCode(await call(t.app, 'POST', `/api/v1/admin/items/${id}/status`, { session: staff, body: { status: 'retired' } }))).toBe('VALIDATION')
      const retired = await call(t.app, 'POST', `/api/v1/admin/items/${id}/status`, { session: staff, body: { status: 'retired', reason: 'Superseded by a clearer item' } })
      expect(retired.json().status).toBe('retired')
      const audit = (await call(t.app, 'GET', `/api/v1/admin/audit?entityId=${id}`, { session: staff })).json().items.map((e: { action: string }) => e.action)
      expect(audit).toEqual(expect.arrayContaining(['item.created', 'item.edited', 'item.status.in_review', 'item.status.active', 'item.status.retired']))
    })

    it('refuses broken, hostile and oversized item XML with a clear error', async () => {
      const cases: [string, string][] = [
        ['not xml', '<qti-assessment-item identifier="x" <<<'],
        ['entity bomb', '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><qti-assessment-item identifier="x" title="x" time-dependent="false"><qti-item-body><p>&lol2;</p></qti-item-body></qti-assessment-item>'],
        ['QTI 2 root', '<assessmentItem identifier="x" title="x" timeDependent="false"/>'],
        ['missing figure', xml.replace('identifier="NEW-ELEC-900"', 'identifier="NEW-ELEC-901"')],
      ]
      for (const [name, qtiXml] of cases) {
        const res = await call(t.app, 'POST', '/api/v1/admin/items/preview', { session: staff, body: { qtiXml } })
        expect(res.statusCode, name).toBe(422)
        expect(errorCode(res), name).toBe('ITEM_INVALID')
      }
      const huge = await call(t.app, 'POST', '/api/v1/admin/items/preview', { session: staff, body: { qtiXml: `<a>${'x'.repeat(600 * 1024)}</a>` } })
      expect(huge.statusCode).toBe(400)
    })

    it('sanitises uploaded SVG and checks other figures by their bytes', async () => {
      const evil = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script><rect width="10" height="10" style="fill:url(https://evil.example/x)"/><image href="https://evil.example/x.png"/><foreignObject><div>x</div></foreignObject></svg>'
      const up = await call(t.app, 'POST', '/api/v1/admin/item-figures?fileName=gear.svg', { session: staff, payload: evil, headers: { 'content-type': 'image/svg+xml' } })
      expect(up.statusCode).toBe(201)
      const stored = await call(t.app, 'GET', `/api/v1/item-assets/${up.json().sha256}`, { session: staff })
      expect(stored.headers['content-type']).toMatch(/image\/svg\+xml/)
      expect(stored.body).toContain('<rect')
      for (const bad of ['onload', '<script', 'evil.example', 'foreignObject', '<image']) expect(stored.body).not.toContain(bad)

      const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(200)])
      const renamed = await call(t.app, 'POST', '/api/v1/admin/item-figures?fileName=figure.png', { session: staff, payload: exe as unknown as string, headers: { 'content-type': 'image/png' } })
      expect(renamed.statusCode).toBe(400)
      expect(renamed.json().error.message).toMatch(/only SVG, PNG, JPEG and GIF/)
      const big = await call(t.app, 'POST', '/api/v1/admin/item-figures?fileName=big.png', { session: staff, payload: Buffer.alloc(3 * 1024 * 1024) as unknown as string, headers: { 'content-type': 'image/png' } })
      expect(big.statusCode).toBe(413)
      expect((await call(t.app, 'GET', `/api/v1/item-assets/${up.json().sha256}`)).statusCode).toBe(401)
    })

    it('reports a package that is not a zip, or climbs out of itself, without importing anything', async () => {
      const before = (await allItems()).length
      const notZip = await call(t.app, 'POST', '/api/v1/admin/items/import', { session: staff, payload: 'just text' as string, headers: { 'content-type': 'application/zip' } })
      expect(notZip.statusCode).toBe(400)
      expect(errorCode(notZip)).toBe('PACKAGE_INVALID')
      // Read as a sentence beside the file field: what was wrong with the package, capitalised.
      expect(notZip.json().error.message).toMatch(/^The package cannot be read: the file is not a readable zip/)
      const climbing = zipFiles(new Map([['../../etc/evil.xml', Buffer.from('<x/>')]]))
      const res = await call(t.app, 'POST', '/api/v1/admin/items/import', { session: staff, payload: climbing as unknown as string, headers: { 'content-type': 'application/zip' } })
      expect(res.statusCode).toBe(400)
      expect((await allItems()).length).toBe(before)
    })
  })

  describe.skipIf(!samplesPresent)('the QTI working group samples', () => {
    it('imports every auto-scorable sample item, each scoring its sample correct response as full marks', async () => {
      const importFolder = (dir: string) => t.app.services.itemBank.importFiles({ userId: staff.userId, email: 'staff@mt1.test', roles: ['program_staff'], via: 'cookie' }, readFolder(dir))
      const nine = await importFolder(path.join(samplesDir, 'items'))
      expect(nine.summary.failed).toBe(0)
      expect(nine.lines.map((l) => l.identifier).sort()).toEqual(['choice', 'choiceMultiple', 'extendedText', 'gapMatch', 'hotspot', 'inlineChoice', 'match', 'order', 'textEntry'])
      expect(nine.lines.find((l) => l.identifier === 'extendedText')).toMatchObject({ outcome: 'imported', manualScoring: true })

      const simple = readZip(fs.readFileSync(path.join(samplesDir, 'simple', 'simple.zip')))
      const simpleReport = await t.app.services.itemBank.importFiles({ userId: staff.userId, email: 'staff@mt1.test', roles: ['program_staff'], via: 'cookie' }, simple)
      expect(simpleReport.summary.failed).toBe(0)

      const bbq = readZip(fs.readFileSync(path.join(samplesDir, 'BBQsTest', 'BBQsTest.zip')))
      const bbqReport = await t.app.services.itemBank.importFiles({ userId: staff.userId, email: 'staff@mt1.test', roles: ['program_staff'], via: 'cookie' }, bbq)
      const failed = bbqReport.lines.filter((l) => l.outcome === 'failed')
      expect(failed.map((l) => l.identifier).sort()).toEqual(['SineRule-CalcFormQ-001', 'SineRule-CalcFormQ-002', 'upload-file'])
      expect(failed.find((l) => l.identifier === 'upload-file')!.reason).toMatch(/upload/)
      expect(failed.find((l) => l.identifier === 'SineRule-CalcFormQ-001')!.reason).toMatch(/custom operator/)
      expect(bbqReport.lines.filter((l) => l.manualScoring).map((l) => l.identifier).sort()).toEqual(['ShortAnswer-extText-postcard', 'essay-vacation'])
      expect(bbqReport.notes.join()).toMatch(/assessment test/)

      for (const line of [...nine.lines, ...bbqReport.lines, ...simpleReport.lines].filter((l) => l.outcome !== 'failed' && !l.manualScoring)) {
        const item = (await call(t.app, 'GET', `/api/v1/admin/items?q=${encodeURIComponent(line.identifier!)}`, { session: staff })).json().items.find((i: { identifier: string }) => i.identifier === line.identifier)
        const detail = (await call(t.app, 'GET', `/api/v1/admin/items/${item.id}`, { session: staff })).json()
        const version = await t.app.services.itemBank.version(item.id, detail.version)
        const correct = correctResponseOf(version!.model.scoring)
        if (correct) expect(scoreItem(version!.model.scoring, correct).fraction, line.identifier!).toBe(1)
        else expect(line.warnings?.join(), line.identifier!).toMatch(/no correct response is declared/)
        // The candidate view of an imported item has its interactions and no scoring data.
        expect(version!.model.presentation.body.some((n) => isInteractionNode(n) || (typeof n === 'object' && 'tag' in n))).toBe(true)
      }
    })
  })
})

describe('scoring through the bank', () => {
  it('scores against the pinned version, and a malformed response scores zero without failing', async () => {
    const t = await createTestApp('sqlite')
    try {
      await t.app.services.itemBank.seedShippedBank()
      const [item] = await t.app.services.itemBank.activePool('MM', 'operational')
      const key = correctResponseOf(item!.model.scoring)
      expect((await t.app.services.itemBank.score(item!.id, item!.active_version, key)).fraction).toBe(1)
      const bad = await t.app.services.itemBank.score(item!.id, item!.active_version, { RESPONSE: { nested: ['not', 'a', 'response'] } })
      expect(bad).toMatchObject({ score: 0, malformed: expect.any(String) })
      await expect(t.app.services.itemBank.score(item!.id, 99, key)).rejects.toThrow(/Version 99/)

      const before = item!.exposure_count
      await t.app.services.itemBank.recordExposure(t.app.db, [item!.id])
      const after = (await t.app.services.itemBank.activePool('MM', 'operational')).find((i) => i.id === item!.id)!
      expect(after.exposure_count).toBe(before + 1)
    } finally {
      await t.close()
    }
  })
})
