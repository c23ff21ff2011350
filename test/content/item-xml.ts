// Reads one shipped MT1 item (program/mt1/items/<pool>/<SKILL>/<identifier>.xml) for content tests:
// the visible text, the keyed response, choice texts and numeric tolerance. Deliberately small and
// independent of the item-bank code, so a key test checks the content, not the importer.
import fs from 'node:fs'
import path from 'node:path'
import { DOMParser, type Element } from '@xmldom/xmldom'

export const itemsRoot = path.resolve(import.meta.dirname, '../../program/mt1/items')

export interface ItemFile {
  identifier: string
  file: string
  pool: 'operational' | 'practice'
  skill: string
}

export function listItemFiles(): ItemFile[] {
  const out: ItemFile[] = []
  for (const pool of ['operational', 'practice'] as const) {
    const poolDir = path.join(itemsRoot, pool)
    if (!fs.existsSync(poolDir)) continue
    for (const skill of fs.readdirSync(poolDir).sort()) {
      for (const name of fs.readdirSync(path.join(poolDir, skill)).sort()) {
        if (name.endsWith('.xml')) out.push({ identifier: name.slice(0, -4), file: path.join(poolDir, skill, name), pool, skill })
      }
    }
  }
  return out
}

const byLocalName = (root: Element, name: string): Element[] =>
  Array.from(root.getElementsByTagNameNS('*', name)) as unknown as Element[]

const textOf = (el: Element | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim()

export interface ParsedItem {
  identifier: string
  /** All visible text of the item body (stem, prompt and options), whitespace folded. */
  text: string
  /** The stem and prompt without the options. */
  stem: string
  /** The values of qti-correct-response for RESPONSE, in order. */
  correct: string[]
  /** Text of a choice (simple choice, inline choice, associable choice) by identifier. */
  choiceText(id: string): string
  /** Choice identifiers in document order. */
  choiceIds: string[]
  /** For numeric items: the absolute tolerance [below, above] from qti-equal, if any. */
  tolerance: [number, number] | undefined
  rationale: string
  spoken: string[]
  baseType: string
  cardinality: string
}

export function readItem(identifier: string): ParsedItem {
  const entry = listItemFiles().find((f) => f.identifier === identifier)
  if (!entry) throw new Error(`no item ${identifier} under ${itemsRoot}`)
  const doc = new DOMParser().parseFromString(fs.readFileSync(entry.file, 'utf8'), 'text/xml')
  const root = doc.documentElement as unknown as Element
  const decl = byLocalName(root, 'qti-response-declaration').find((d) => d.getAttribute('identifier') === 'RESPONSE')
  const correct = decl ? byLocalName(decl, 'qti-correct-response').flatMap((c) => byLocalName(c, 'qti-value').map((v) => textOf(v))) : []
  const body = byLocalName(root, 'qti-item-body')[0]
  if (!body) throw new Error(`${identifier} has no qti-item-body`)
  const choiceTags = ['qti-simple-choice', 'qti-inline-choice', 'qti-simple-associable-choice', 'qti-hotspot-choice']
  const choices = choiceTags.flatMap((t) => byLocalName(body, t))
  const choiceMap = new Map(choices.map((c) => [c.getAttribute('identifier') ?? '', textOf(c)]))
  const stemParts = [...byLocalName(body, 'p'), ...byLocalName(body, 'qti-prompt')]
    .filter((el) => !choices.some((c) => c.contains?.(el)))
    .map((el) => textOf(el))
  const equal = byLocalName(root, 'qti-equal')[0]
  const tol = equal?.getAttribute('tolerance')?.trim().split(/\s+/).map(Number)
  return {
    identifier,
    text: textOf(body),
    stem: stemParts.join(' '),
    correct,
    choiceText(id: string) {
      const t = choiceMap.get(id)
      if (t === undefined) throw new Error(`${identifier} has no choice ${id}`)
      return t
    },
    choiceIds: [...choiceMap.keys()],
    tolerance: tol ? [tol[0]!, tol[1] ?? tol[0]!] : undefined,
    rationale: textOf(byLocalName(root, 'qti-modal-feedback')[0]),
    spoken: byLocalName(root, 'qti-card').filter((c) => c.getAttribute('support') === 'spoken').map((c) => textOf(c)),
    baseType: decl?.getAttribute('base-type') ?? '',
    cardinality: decl?.getAttribute('cardinality') ?? '',
  }
}

/** Parses the numeric value a choice or key shows, e.g. "0.375 in" → 0.375, "$1,250" → 1250. */
export function numberIn(text: string): number {
  const m = /-?\d[\d,]*(?:\.\d+)?|-?\.\d+/.exec(text)
  if (!m) throw new Error(`no number in "${text}"`)
  return Number(m[0].replace(/,/g, ''))
}
