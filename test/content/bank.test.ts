// The shipped bank, read the way the server reads it: every item parses, keeps the content rules,
// and the bank covers the blueprint with the documented counts.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ITEM_TYPES } from '../../src/common/items/item-types.js'
import { loadProgram } from '../../src/server/modules/program/program.loader.js'
import { contentProblems } from '../../src/server/modules/item-bank/content-check.js'
import { checkFigure } from '../../src/server/modules/item-bank/figures.js'
import { parseItemXml } from '../../src/server/modules/item-bank/qti/parse-item.js'
import type { StoredItemModel } from '../../src/server/modules/item-bank/item-model.js'
import { itemsRoot, listItemFiles } from './item-xml.js'

const program = loadProgram(path.resolve(itemsRoot, '..'))
const skills = program.modules.flatMap((m) => m.skills.map((s) => s.code))
const files = listItemFiles()

describe('the shipped MT1 item bank', () => {
  it('has at least the policy\'s operational and practice items for every skill (12 and 10)', () => {
    for (const skill of skills) {
      expect(files.filter((f) => f.skill === skill && f.pool === 'operational').length, skill).toBeGreaterThanOrEqual(program.policies.itemBank.operationalPerSkill)
      expect(files.filter((f) => f.skill === skill && f.pool === 'practice').length, skill).toBeGreaterThanOrEqual(program.policies.itemBank.practicePerSkill)
    }
    expect(files.every((f) => skills.includes(f.skill)), 'every folder is a skill of the program').toBe(true)
  })

  const types = new Map<string, number>()
  it.each(files.map((f) => [f.identifier, f] as const))('%s meets the content rules', (_id, f) => {
    const xml = fs.readFileSync(f.file, 'utf8')
    const parsed = parseItemXml(xml, { resolveAsset: (href) => `asset:${href}` })
    if (!parsed.ok) throw new Error(`${f.identifier} does not parse: ${parsed.reason}`)
    const item = parsed.item
    expect(item.identifier, 'the identifier matches the file name').toBe(f.identifier)
    expect(item.warnings).toEqual([])
    const model: StoredItemModel = { type: item.type, scoring: item.scoring, presentation: item.presentation, rationale: item.rationale, assets: {}, template: item.template ?? null, warnings: item.warnings }
    expect(contentProblems(model, f.skill)).toEqual([])
    for (const href of item.assetHrefs) {
      const figure = path.join(path.dirname(f.file), href)
      expect(fs.existsSync(figure), `${href} exists`).toBe(true)
      const check = checkFigure(fs.readFileSync(figure), href)
      expect(check.ok, `${href} passes the figure check`).toBe(true)
    }
    types.set(item.type, (types.get(item.type) ?? 0) + 1)
  })

  it('gives every option that has spoken text in the catalog its catalog id, so read-aloud finds it', () => {
    let options = 0
    for (const f of files) {
      const xml = fs.readFileSync(f.file, 'utf8')
      const parsed = parseItemXml(xml)
      if (!parsed.ok) continue
      const spoken = parsed.item.presentation.spoken ?? {}
      for (const m of xml.matchAll(/<qti-simple-choice identifier="([^"]+)" data-catalog-idref="([^"]+)"/g)) {
        const found = JSON.stringify(parsed.item.presentation).includes(`"id":"${m[1]}"`) && JSON.stringify(parsed.item.presentation).includes(`"spokenId":"${m[2]}"`)
        expect(found, `${f.identifier} option ${m[1]}`).toBe(true)
        expect(spoken[m[2]!], `${f.identifier} spoken text ${m[2]}`).toBeTruthy()
        options++
      }
    }
    expect(options).toBeGreaterThan(100)
  })

  it('uses each of the eight MT1 interaction types at least twice per module', () => {
    const perModule = new Map<string, Map<string, number>>()
    for (const f of files) {
      const parsed = parseItemXml(fs.readFileSync(f.file, 'utf8'))
      if (!parsed.ok) continue
      const mod = program.modules.find((m) => m.skills.some((s) => s.code === f.skill))!.code
      const counts = perModule.get(mod) ?? new Map<string, number>()
      counts.set(parsed.item.type, (counts.get(parsed.item.type) ?? 0) + 1)
      perModule.set(mod, counts)
    }
    const mt1Types = ITEM_TYPES.slice(0, 8)
    for (const [mod, counts] of perModule) {
      for (const t of mt1Types) expect(counts.get(t) ?? 0, `${mod} ${t}`).toBeGreaterThanOrEqual(2)
    }
  })
})

describe('the content check itself', () => {
  const base = fs.readFileSync(files.find((f) => f.identifier === 'MT1-ELEC-001')!.file, 'utf8')
  const problemsOf = (xml: string, skill: string | null = 'ELEC') => {
    const parsed = parseItemXml(xml, { resolveAsset: (h) => h })
    if (!parsed.ok) return [parsed.reason]
    const i = parsed.item
    return contentProblems({ type: i.type, scoring: i.scoring, presentation: i.presentation, rationale: i.rationale, assets: {}, template: null, warnings: [] }, skill)
  }
  it('catches a missing key, skill, rationale, alt text and duplicate options', () => {
    expect(problemsOf(base)).toEqual([])
    expect(problemsOf(base.replace(/<qti-correct-response>[\s\S]*?<\/qti-correct-response>/, ''))).toContain('no key (qti-correct-response)')
    expect(problemsOf(base, null)).toContain('no skill')
    expect(problemsOf(base.replace(/<qti-modal-feedback[\s\S]*<\/qti-modal-feedback>/, ''))).toContain('no rationale')
    expect(problemsOf(base.replace(/ alt="[^"]*"/, ' alt=""')).join()).toMatch(/no alt text/)
    const textA = /<qti-simple-choice identifier="A"[^>]*>([^<]*)/.exec(base)![1]
    const dup = base.replace(/(<qti-simple-choice identifier="B"[^>]*>)[^<]*/, (_m, open: string) => `${open}${textA}`)
    expect(problemsOf(dup).join()).toMatch(/duplicate option/)
  })
})

describe('figure sanitising', () => {
  it('is idempotent, so exporting and importing keeps every figure byte for byte', { timeout: 60_000 }, () => {
    const dirs = new Set(listItemFiles().map((f) => path.join(path.dirname(f.file), 'figures')))
    for (const dir of dirs) {
      if (!fs.existsSync(dir)) continue
      for (const name of fs.readdirSync(dir)) {
        const once = checkFigure(fs.readFileSync(path.join(dir, name)), name)
        if (!once.ok) throw new Error(`${name}: ${once.reason}`)
        const twice = checkFigure(once.bytes, name)
        expect(twice.ok && twice.sha256, name).toBe(once.sha256)
      }
    }
  })
})
