// Every item of the shipped bank, walked through what a candidate receives for an attempt: no
// authored identifier (option, gap, hotspot or spoken-text id) reaches the browser, and the key, as
// the attempt presents it, translates back to the authored key and scores full marks.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { attemptItem } from '../../src/common/items/attempt-identifiers.js'
import { optionSeed } from '../../src/common/items/form-assembly.js'
import { interactionsIn, type PresentationNode } from '../../src/common/items/presentation.js'
import { correctResponseOf, scoreItem } from '../../src/common/qti/scoring.js'
import { parseItemXml } from '../../src/server/modules/item-bank/qti/parse-item.js'
import { listItemFiles } from './item-xml.js'

const SEEDS = [1, 77, 4_000_000_001]

/** The authored identifiers a candidate could select, arrange or be read: options, gaps, hotspots, spoken ids. */
function authoredIdentifiers(presentation: { body: PresentationNode[]; spoken: Record<string, string> }): Set<string> {
  const ids = new Set<string>(Object.keys(presentation.spoken))
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>
      if (typeof o.gap === 'string') ids.add(o.gap)
      if (typeof o.spokenId === 'string') ids.add(o.spokenId)
      Object.values(o).forEach(walk)
    }
  }
  walk(presentation.body)
  for (const i of interactionsIn(presentation.body)) {
    const lists = 'choices' in i ? [i.choices] : i.kind === 'match' ? [i.sources, i.targets] : i.kind === 'gapMatch' ? [i.gapTexts] : i.kind === 'hotspot' ? [i.hotspots] : []
    for (const list of lists) for (const c of list as { id: string }[]) ids.add(c.id)
  }
  return ids
}

/** Every identifier-bearing value in a payload: ids, gaps, spoken ids and their references. */
function identifiersSent(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) identifiersSent(v, out)
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'id' || k === 'gap' || k === 'spokenId' || k === 'data-catalog-idref') && typeof v === 'string') out.push(v)
      if (k === 'spoken' && v && typeof v === 'object') out.push(...Object.keys(v))
      identifiersSent(v, out)
    }
  }
  return out
}

/** The identifiers in a response: its strings, pairs split at the space. */
function tokensOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(tokensOf)
  if (value && typeof value === 'object') return Object.values(value).flatMap(tokensOf)
  return typeof value === 'string' ? value.split(/\s+/) : []
}

const files = listItemFiles()

describe('what a candidate receives for each shipped item', () => {
  it.each(files.map((f) => [f.identifier, f] as const))('%s: no authored identifier, and the presented key scores', (_id, f) => {
    const parsed = parseItemXml(fs.readFileSync(f.file, 'utf8'), { resolveAsset: (href) => `asset:${href}` })
    if (!parsed.ok) throw new Error(parsed.reason)
    const { presentation, scoring, type } = parsed.item
    const authored = authoredIdentifiers(presentation)
    const key = correctResponseOf(scoring)
    for (const seed of SEEDS) {
      const shown = attemptItem(f.identifier, type, presentation, optionSeed(seed, f.identifier))
      for (const id of identifiersSent(shown.item.presentation)) {
        if (id === f.identifier || /-desc$/.test(id)) continue // the item's own id and its figures' long descriptions
        expect(authored.has(id), `${f.identifier} sends the authored identifier "${id}"`).toBe(false)
        // Nor one inside another id, as in "spoken-A".
        for (const part of id.split(/[^A-Za-z0-9]+/)) expect(authored.has(part), `${f.identifier}: "${id}" contains "${part}"`).toBe(false)
      }
      if (key) {
        const presented = shown.toOpaque(key)
        for (const token of tokensOf(presented)) expect(authored.has(token), `${f.identifier}: the presented key names "${token}"`).toBe(false)
        expect(shown.toAuthored(presented)).toEqual(key)
        expect(scoreItem(scoring, shown.toAuthored(presented) as Record<string, unknown>).fraction).toBe(1)
      }
    }
  })
})
