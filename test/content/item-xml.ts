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
  /**
   * The identifier of the one option (choice, match target, hotspot by its label…) whose text is `text`
   * or matches it; throws unless exactly one does. Lets a key check name options by what they say.
   */
  idOf(text: string | RegExp): string
  /** For numeric items: the absolute tolerance [below, above] from qti-equal, if any. */
  tolerance: [number, number] | undefined
  rationale: string
  spoken: string[]
  baseType: string
  cardinality: string
  /** The item's first interaction with its options in document order (undefined for an item with none). */
  interaction: InteractionOptions | undefined
}

export interface ItemOption {
  id: string
  /** The option's text; for a hotspot, its hotspot-label. */
  text: string
  fixed: boolean
}

export interface InteractionOptions {
  kind: 'choice' | 'order' | 'match' | 'associate' | 'gapMatch' | 'hotspot' | 'inlineChoice' | 'textEntry'
  shuffle: boolean
  /**
   * The options in document order: the choices (choice, order, inline choice, hotspot), the first match
   * set (match), all associable choices (associate) or the gap texts and images (gap match).
   */
  options: ItemOption[]
  /** The second match set (match) or the gaps (gap match), in document order; empty otherwise. */
  targets: ItemOption[]
}

const interactionKinds: Record<string, InteractionOptions['kind']> = {
  'qti-choice-interaction': 'choice',
  'qti-order-interaction': 'order',
  'qti-match-interaction': 'match',
  'qti-associate-interaction': 'associate',
  'qti-gap-match-interaction': 'gapMatch',
  'qti-hotspot-interaction': 'hotspot',
  'qti-inline-choice-interaction': 'inlineChoice',
  'qti-text-entry-interaction': 'textEntry',
}

function interactionOf(body: Element): InteractionOptions | undefined {
  const el = (Array.from(body.getElementsByTagNameNS('*', '*')) as unknown as Element[]).find((e) => (e.localName ?? '') in interactionKinds)
  if (!el) return undefined
  const kind = interactionKinds[el.localName!]!
  const option = (c: Element): ItemOption => ({
    id: c.getAttribute('identifier') ?? '',
    text: c.localName === 'qti-hotspot-choice' ? (c.getAttribute('hotspot-label') ?? '').trim() : textOf(c),
    fixed: c.getAttribute('fixed') === 'true',
  })
  const sets = byLocalName(el, 'qti-simple-match-set')
  const options =
    kind === 'match' ? byLocalName(sets[0] ?? el, 'qti-simple-associable-choice')
    : kind === 'associate' ? byLocalName(el, 'qti-simple-associable-choice')
    : kind === 'gapMatch' ? [...byLocalName(el, 'qti-gap-text'), ...byLocalName(el, 'qti-gap-img')]
    : kind === 'hotspot' ? byLocalName(el, 'qti-hotspot-choice')
    : kind === 'inlineChoice' ? byLocalName(el, 'qti-inline-choice')
    : byLocalName(el, 'qti-simple-choice')
  const targets = kind === 'match' ? byLocalName(sets[1] ?? el, 'qti-simple-associable-choice') : kind === 'gapMatch' ? byLocalName(el, 'qti-gap') : []
  if (kind === 'gapMatch') {
    // document order across the two element names
    const all = Array.from(el.getElementsByTagNameNS('*', '*')) as unknown as Element[]
    options.sort((a, b) => all.indexOf(a) - all.indexOf(b))
  }
  return { kind, shuffle: el.getAttribute('shuffle') === 'true', options: options.map(option), targets: targets.map(option) }
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
  const interaction = interactionOf(body)
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
    idOf(text: string | RegExp) {
      const all = [...(interaction?.options ?? []), ...(interaction?.targets ?? [])]
      const found = all.filter((o) => (typeof text === 'string' ? o.text === text : text.test(o.text)))
      if (found.length !== 1) throw new Error(`${identifier}: ${found.length} options match ${String(text)}`)
      return found[0]!.id
    },
    tolerance: tol ? [tol[0]!, tol[1] ?? tol[0]!] : undefined,
    rationale: textOf(byLocalName(root, 'qti-modal-feedback')[0]),
    spoken: byLocalName(root, 'qti-card').filter((c) => c.getAttribute('support') === 'spoken').map((c) => textOf(c)),
    baseType: decl?.getAttribute('base-type') ?? '',
    cardinality: decl?.getAttribute('cardinality') ?? '',
    interaction,
  }
}

/** Parses the numeric value a choice or key shows, e.g. "0.375 in" → 0.375, "$1,250" → 1250. */
export function numberIn(text: string): number {
  const m = /-?\d[\d,]*(?:\.\d+)?|-?\.\d+/.exec(text)
  if (!m) throw new Error(`no number in "${text}"`)
  return Number(m[0].replace(/,/g, ''))
}
