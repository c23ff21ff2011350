// Opaque identifiers per attempt. A candidate never sees an authored identifier: every option they
// select or arrange (choices, inline choices, order, match sources and targets, associate choices,
// gap texts and gaps, hotspots) and every spoken-text catalog id reaches the browser under a random
// token drawn for that attempt and item. Authored identifiers carry authoring habits (the key is
// often "A"; ordering keys are often the sorted ids), so sending them would let a blind script
// score; tokens drawn at random carry nothing about the authored id, the position or the key.
//
// The tokens come from a PRNG seeded by the attempt's secret seed and the item id, so resuming the
// attempt rebuilds the same tokens without storing them. Saves are translated back with
// `toAuthored` before they are stored: stored responses, scoring, rescoring, QTI export and the
// staff key stay in authored identifiers.
import type { CandidateItem } from './candidate-item.js'
import { candidateItem } from './candidate-item.js'
import type { ItemType } from './item-types.js'
import type { ChoiceOption, Interaction, ItemPresentation, PresentationNode } from './presentation.js'
import { gapsIn, interactionsIn, isGapNode, isInteractionNode } from './presentation.js'
import { isNumericInput, NUMERIC_ENTRY_MESSAGE } from '../rules/numeric-entry.js'
import { hash32, seededRandom, type Random } from './seeded-random.js'

/** A candidate response keyed by response identifier (the shape `PUT …/responses/{itemId}` takes). */
export type ItemResponse = Record<string, unknown>

/** A save that cannot be stored as it is: nothing of it is kept. */
export class InvalidResponseError extends Error {
  constructor(readonly responseId: string, message: string, readonly identifier?: string) {
    super(message)
    this.name = 'InvalidResponseError'
  }
}

/** A save names an option the attempt's candidate was never shown. */
export class UnknownIdentifierError extends InvalidResponseError {
  constructor(responseId: string, identifier: string) {
    super(responseId, `"${identifier.slice(0, 64)}" is not an option of ${responseId} in this attempt.`, identifier.slice(0, 64))
    this.name = 'UnknownIdentifierError'
  }
}

/** A numeric entry holds something other than a number (a unit, a letter). */
export class NotANumberError extends InvalidResponseError {
  constructor(responseId: string) {
    super(responseId, NUMERIC_ENTRY_MESSAGE)
    this.name = 'NotANumberError'
  }
}

/** Both directions of one interaction's identifier map. */
interface InteractionIds {
  kind: Interaction['kind']
  /** A numeric text entry: a save must be a number (or one being typed). */
  numeric: boolean
  opaque: Map<string, string>
  authored: Map<string, string>
}

export interface AttemptItem extends ResponseTranslator {
  item: CandidateItem
}

// Crockford's base 32 without the letters people misread; tokens start with a letter, as QTI
// identifiers must, and are long enough (5 + 40 bits) that no two in an item collide in practice.
const LETTERS = 'ABCDEFGHJKMNPQRSTVWXYZ'
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

function token(random: Random): string {
  let out = LETTERS[Math.floor(random() * LETTERS.length)]!
  for (let i = 0; i < 8; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length)]!
  return out
}

/** Draws a distinct token for every authored identifier, in an order unrelated to the tokens. */
function drawTokens(ids: readonly string[], random: Random, used: Set<string>): Map<string, string> {
  const map = new Map<string, string>()
  for (const id of ids) {
    if (map.has(id)) continue
    let t = token(random)
    while (used.has(t)) t = token(random)
    used.add(t)
    map.set(id, t)
  }
  return map
}

function identifiersOf(i: Interaction): string[] {
  switch (i.kind) {
    case 'choice':
    case 'order':
    case 'associate':
      return i.choices.map((c) => c.id)
    case 'inlineChoice':
      return i.choices.map((c) => c.id)
    case 'match':
      return [...i.sources.map((c) => c.id), ...i.targets.map((c) => c.id)]
    case 'gapMatch':
      return [...i.gapTexts.map((g) => g.id), ...gapsIn(i.content)]
    case 'hotspot':
      return i.hotspots.map((h) => h.id)
    default:
      return []
  }
}

type Rename = (id: string) => string

function renameOption(o: ChoiceOption, ids: Rename, spoken: Rename, nodes: (n: PresentationNode[]) => PresentationNode[]): ChoiceOption {
  return { ...o, id: ids(o.id), content: nodes(o.content), ...(o.spokenId !== undefined ? { spokenId: spoken(o.spokenId) } : {}) }
}

function renameInteraction(i: Interaction, ids: Rename, spoken: Rename, nodes: (n: PresentationNode[]) => PresentationNode[]): Interaction {
  const opt = (o: ChoiceOption) => renameOption(o, ids, spoken, nodes)
  switch (i.kind) {
    case 'choice':
    case 'order':
    case 'associate':
      return { ...i, prompt: nodes(i.prompt), choices: i.choices.map(opt) }
    case 'inlineChoice':
      return { ...i, choices: i.choices.map((c) => ({ ...c, id: ids(c.id) })) }
    case 'match':
      return { ...i, prompt: nodes(i.prompt), sources: i.sources.map(opt), targets: i.targets.map(opt) }
    case 'gapMatch':
      return { ...i, prompt: nodes(i.prompt), gapTexts: i.gapTexts.map((g) => ({ ...g, id: ids(g.id) })), content: nodes(i.content) }
    case 'hotspot':
      return { ...i, prompt: nodes(i.prompt), hotspots: i.hotspots.map((h) => ({ ...h, id: ids(h.id) })) }
    case 'selectPoint':
    case 'extendedText':
      return { ...i, prompt: nodes(i.prompt) }
    default:
      return i
  }
}

/** Maps one interaction's value, identifier by identifier; other values pass through. */
function mapValue(kind: Interaction['kind'], value: unknown, map: (id: string) => string): unknown {
  if (value === null || value === undefined) return value
  const one = (v: unknown): string => map(String(v))
  const pair = (p: unknown): unknown => {
    if (Array.isArray(p)) return p.map(one)
    return String(p).trim().split(/\s+/).map(one).join(' ')
  }
  switch (kind) {
    case 'choice':
    case 'order':
    case 'inlineChoice':
    case 'hotspot':
      return Array.isArray(value) ? value.map(one) : one(value)
    case 'match':
    case 'associate':
    case 'gapMatch':
      return Array.isArray(value) ? value.map(pair) : pair(value)
    default:
      return value
  }
}

interface IdentifierTables {
  byResponse: Map<string, InteractionIds>
  spoken: Rename
}

/** The attempt's tokens for one item: drawn afresh from the seed, so nothing needs storing. */
function identifierTables(id: string, presentation: ItemPresentation, seed: number): IdentifierTables {
  // A stream of its own, so the tokens do not follow from the option order the same seed drew.
  const random = seededRandom((seed ^ hash32(`opaque:${id}`) ^ 0x9e3779b9) >>> 0)
  const used = new Set<string>()
  const byResponse = new Map<string, InteractionIds>()
  for (const i of interactionsIn(presentation.body)) {
    const opaque = drawTokens(identifiersOf(i), random, used)
    byResponse.set(i.responseId, { kind: i.kind, numeric: i.kind === 'textEntry' && i.numeric, opaque, authored: new Map([...opaque].map(([a, o]) => [o, a])) })
  }
  const spokenIds = drawTokens(Object.keys(presentation.spoken).sort(), random, used)
  return { byResponse, spoken: (s) => spokenIds.get(s) ?? s }
}

export interface ResponseTranslator {
  /**
   * Authored → opaque, for a stored response (resume) or a key (staff asking for one attempt). The
   * response keeps its shape (identifiers become identifiers), so its type does too.
   */
  toOpaque<T>(response: T): T
  /** Opaque → authored, for a save; throws UnknownIdentifierError for an identifier not shown. */
  toAuthored(response: unknown): unknown
}

function translator({ byResponse }: IdentifierTables): ResponseTranslator {
  const translate = (response: unknown, direction: 'opaque' | 'authored'): unknown => {
    if (response === null || typeof response !== 'object' || Array.isArray(response)) return response
    const out: ItemResponse = {}
    for (const [responseId, value] of Object.entries(response as ItemResponse)) {
      const ids = byResponse.get(responseId)
      if (!ids) {
        out[responseId] = value
        continue
      }
      if (direction === 'authored' && ids.numeric && value !== null && value !== undefined && !(typeof value === 'string' ? isNumericInput(value) : typeof value === 'number' && Number.isFinite(value))) {
        throw new NotANumberError(responseId)
      }
      const table = direction === 'opaque' ? ids.opaque : ids.authored
      out[responseId] = mapValue(ids.kind, value, (x) => {
        const mapped = table.get(x)
        if (mapped !== undefined) return mapped
        if (direction === 'authored') throw new UnknownIdentifierError(responseId, x)
        return x
      })
    }
    return out
  }
  return { toOpaque: <T>(r: T) => translate(r, 'opaque') as T, toAuthored: (r) => translate(r, 'authored') }
}

/** The translation of one item's responses for one attempt, without building its presentation (the save path). */
export function responseTranslator(id: string, presentation: ItemPresentation, seed: number): ResponseTranslator {
  return translator(identifierTables(id, presentation, seed))
}

/**
 * The item as this attempt's candidate receives it (options in the attempt's order, every
 * selectable identifier and spoken-text id replaced by the attempt's tokens) and the translation
 * of responses between what the candidate sees and what is stored.
 */
export function attemptItem(id: string, type: ItemType, presentation: ItemPresentation, seed: number): AttemptItem {
  const shuffled = candidateItem(id, type, presentation, seed)
  const tables = identifierTables(id, presentation, seed)
  const { byResponse, spoken } = tables

  const renameNodes = (nodes: PresentationNode[], ids: Rename): PresentationNode[] =>
    nodes.map((n): PresentationNode => {
      if (typeof n === 'string') return n
      if (isGapNode(n)) return { gap: ids(n.gap) }
      if (isInteractionNode(n)) {
        const own = byResponse.get(n.interaction.responseId)!.opaque
        const rename: Rename = (x) => own.get(x) ?? x
        return { interaction: renameInteraction(n.interaction, rename, spoken, (c) => renameNodes(c, rename)) }
      }
      const idref = n.attrs?.['data-catalog-idref']
      const attrs = idref !== undefined ? { ...n.attrs, 'data-catalog-idref': spoken(idref) } : n.attrs
      return { ...n, ...(attrs ? { attrs } : {}), ...(n.children ? { children: renameNodes(n.children, ids) } : {}) }
    })

  const item: CandidateItem = {
    ...shuffled,
    presentation: {
      ...shuffled.presentation,
      body: renameNodes(shuffled.presentation.body, (x) => x),
      // In token order: the catalog's own order follows the authored option order.
      spoken: Object.fromEntries(Object.entries(presentation.spoken).map(([k, v]) => [spoken(k), v] as const).sort(([a], [b]) => (a < b ? -1 : 1))),
    },
  }
  return { item, ...translator(tables) }
}
