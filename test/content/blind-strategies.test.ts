// A test that cannot be passed without reading it. Fixed strategies that never read a question play
// 1,000 assembled forms of each module, through exactly what a candidate receives (the attempt's
// shuffled options under its opaque identifiers) and the server's own translation and scoring: always
// the first option shown, always the same identifier, identifiers in sorted order, the longest
// option, and random picks. Each strategy's mean stays within 5 points of random guessing, and no
// form of any strategy reaches the 75% pass mark.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { attemptItem } from '../../src/common/items/attempt-identifiers.js'
import { assembleForm, optionSeed } from '../../src/common/items/form-assembly.js'
import { gapsIn, interactionsIn, type Interaction, type PresentationNode } from '../../src/common/items/presentation.js'
import { seededRandom, type Random } from '../../src/common/items/seeded-random.js'
import { scoreItem } from '../../src/common/qti/scoring.js'
import { loadProgram } from '../../src/server/modules/program/program.loader.js'
import { parseItemXml } from '../../src/server/modules/item-bank/qti/parse-item.js'
import type { StoredItemModel } from '../../src/server/modules/item-bank/item-model.js'
import { itemsRoot, listItemFiles } from './item-xml.js'

const FORMS = 1000
const program = loadProgram(path.resolve(itemsRoot, '..'))

type Model = Pick<StoredItemModel, 'type' | 'scoring' | 'presentation'>
const models = new Map<string, Model>()
const operational = listItemFiles().filter((f) => f.pool === 'operational')
for (const f of operational) {
  const parsed = parseItemXml(fs.readFileSync(f.file, 'utf8'), { resolveAsset: (href) => `asset:${href}` })
  if (!parsed.ok) throw new Error(`${f.identifier} does not parse: ${parsed.reason}`)
  models.set(f.identifier, { type: parsed.item.type, scoring: parsed.item.scoring, presentation: parsed.item.presentation })
}

function textOf(nodes: readonly PresentationNode[]): string {
  return nodes.map((n) => (typeof n === 'string' ? n : 'children' in n && n.children ? textOf(n.children) : '')).join('')
}

/** An option as a blind strategy sees it: its identifier, where it is shown and how long its text is. */
interface Shown { id: string; length: number }

/** A blind strategy: orders the options of a list by what it prefers, never by what they say. */
type Preference = (options: Shown[], random: Random) => Shown[]

const byId = (a: Shown, b: Shown) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
const strategies: Record<string, Preference> = {
  'first option shown': (o) => o,
  // "Always A": the identifier that sorts last (opaque tokens give no "A"; any fixed pick is alike).
  'the same identifier': (o) => [...o].sort(byId).reverse(),
  'identifiers in sorted order': (o) => [...o].sort(byId),
  'the longest option': (o) => [...o].sort((a, b) => b.length - a.length),
  random: (o, random) => {
    const copy = [...o]
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
    }
    return copy
  },
}

/** What a strategy answers to one interaction, in the identifiers the candidate was shown. */
function answer(i: Interaction, prefer: Preference, random: Random): unknown {
  const options = (list: { id: string; content?: PresentationNode[]; text?: string }[]) =>
    list.map((c) => ({ id: c.id, length: c.text !== undefined ? c.text.length : textOf(c.content ?? []).length }))
  switch (i.kind) {
    case 'choice': {
      const picked = prefer(options(i.choices), random)
      return i.maxChoices === 1 ? picked[0]!.id : picked.slice(0, Math.max(1, i.minChoices)).map((c) => c.id)
    }
    case 'inlineChoice':
      return prefer(options(i.choices), random)[0]!.id
    case 'order':
      return prefer(options(i.choices), random).map((c) => c.id)
    case 'match': {
      const sources = prefer(options(i.sources), random)
      const targets = prefer(options(i.targets), random)
      return sources.slice(0, Math.min(sources.length, targets.length)).map((s, n) => [s.id, targets[n]!.id])
    }
    case 'associate': {
      const c = prefer(options(i.choices), random)
      return c.slice(0, c.length - (c.length % 2)).flatMap((x, n) => (n % 2 === 0 ? [[x.id, c[n + 1]!.id]] : []))
    }
    case 'gapMatch': {
      const texts = prefer(options(i.gapTexts), random)
      return gapsIn(i.content).map((gap, n) => [texts[n % texts.length]!.id, gap])
    }
    case 'hotspot': {
      const spots = prefer(i.hotspots.map((h) => ({ id: h.id, length: 0 })), random)
      return i.maxChoices === 1 ? spots[0]!.id : [spots[0]!.id]
    }
    case 'selectPoint':
      return [Math.round((i.image.width ?? 100) / 2), Math.round((i.image.height ?? 100) / 2)]
    case 'textEntry':
      return i.numeric ? '1' : 'a'
    default:
      return 'a'
  }
}

describe('blind strategies against assembled forms', () => {
  for (const mod of program.modules) {
    it(`${mod.code}: no strategy that never reads a question does better than guessing, or passes`, () => {
      const skills = new Set(mod.skills.map((s) => s.code))
      const pool = operational.filter((f) => skills.has(f.skill)).map((f) => ({ id: f.identifier, version: 1, skill: f.skill, exposure: 0 }))
      const totals: Record<string, number[]> = Object.fromEntries(Object.keys(strategies).map((s) => [s, []]))
      for (let seed = 1; seed <= FORMS; seed++) {
        const form = assembleForm(mod.blueprint, pool, seed * 7919)
        for (const [name, prefer] of Object.entries(strategies)) {
          const random = seededRandom(seed * 31 + name.length)
          let earned = 0
          for (const f of form) {
            const model = models.get(f.itemId)!
            const shown = attemptItem(f.itemId, model.type, model.presentation, optionSeed(seed * 7919, f.itemId))
            const response = Object.fromEntries(interactionsIn(shown.item.presentation.body).map((i) => [i.responseId, answer(i, prefer, random)]))
            earned += scoreItem(model.scoring, shown.toAuthored(response) as Record<string, unknown>).fraction
          }
          totals[name]!.push((earned * 100) / form.length)
        }
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
      const random = mean(totals.random!)
      const report = Object.entries(totals).map(([name, xs]) => `${name}: mean ${mean(xs).toFixed(2)}%, best ${Math.max(...xs).toFixed(2)}%`)
      for (const [name, xs] of Object.entries(totals)) {
        expect(Math.abs(mean(xs) - random), `${mod.code} ${name} against random\n${report.join('\n')}`).toBeLessThanOrEqual(5)
        expect(Math.max(...xs), `${mod.code} ${name}: its best form\n${report.join('\n')}`).toBeLessThan(mod.passPercent)
      }
    }, 120_000)
  }
})
