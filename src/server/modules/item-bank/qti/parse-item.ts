// One QTI 3.0 assessment item → what the bank stores: identifier and title, the scoring model
// (declarations + rules), the candidate presentation, spoken text, rationale and figure references.
import type { Element } from '@xmldom/xmldom'
import type { ItemType } from '../../../../common/items/item-types.js'
import type { Interaction, ItemPresentation, PresentationNode } from '../../../../common/items/presentation.js'
import { identifierProblem } from '../../../../common/qti/identifier.js'
import { computeMaxScore, correctResponseOf, scoreItem, type ScoringModel } from '../../../../common/qti/scoring.js'
import { convertChildren, type BodyContext } from './parse-body.js'
import { parseOutcomeDeclaration, parseResponseDeclaration, parseResponseProcessing, UnsupportedError } from './parse-declarations.js'
import { attr, childElements, descendants, firstChild, localName, parseXml, textOf, XmlError } from './xml.js'

/** Attributes that hold QTI identifiers, checked on every element of an item. */
const IDENTIFIER_ATTRIBUTES = ['identifier', 'response-identifier', 'outcome-identifier'] as const

export interface ParsedItem {
  identifier: string
  title: string
  type: ItemType
  scoring: ScoringModel
  presentation: ItemPresentation
  /** Rationale (modal feedback), shown only in practice and training feedback. */
  rationale: PresentationNode[]
  /** Image hrefs as written in the item, relative to the item file. */
  assetHrefs: string[]
  /** The response-processing template the item uses, if any. */
  template: string | undefined
  warnings: string[]
}

export type ParseResult = { ok: true; item: ParsedItem } | { ok: false; identifier: string | undefined; reason: string }

export interface ParseOptions {
  /** Maps an href (relative to the item file) to the URL the candidate's browser loads. */
  resolveAsset?: (href: string) => string
}

function classify(interactions: Interaction[], scoring: ScoringModel): ItemType {
  if (interactions.length !== 1) return 'composite'
  const i = interactions[0]!
  const decl = scoring.responses.find((r) => r.id === i.responseId)
  switch (i.kind) {
    case 'choice':
      return decl?.cardinality === 'single' ? 'single_choice' : 'multiple_response'
    case 'textEntry':
      return decl && (decl.baseType === 'float' || decl.baseType === 'integer') ? 'numeric' : 'text_entry'
    case 'order':
      return 'ordering'
    case 'hotspot':
      return 'hotspot'
    case 'inlineChoice':
      return 'inline_choice'
    case 'match':
      return 'matching'
    case 'gapMatch':
      return 'gap_match'
    case 'associate':
      return 'associate'
    case 'selectPoint':
      return 'select_point'
    case 'extendedText':
      return 'extended_text'
  }
}

export function parseItemXml(xml: string, options: ParseOptions = {}): ParseResult {
  let identifier: string | undefined
  try {
    const doc = parseXml(xml, 'the item')
    const root = doc.documentElement as unknown as Element
    if (localName(root) !== 'qti-assessment-item') {
      throw new UnsupportedError(`the root element is <${localName(root)}>, not <qti-assessment-item> (QTI 2.x items must be converted to QTI 3.0)`)
    }
    identifier = attr(root, 'identifier')
    if (!identifier) throw new UnsupportedError('the item has no identifier')
    // The item's identifier names its file in an exported package: never a path, always the grammar.
    const problem = identifierProblem(identifier)
    if (problem) throw new UnsupportedError(problem)
    for (const el of Array.from(root.getElementsByTagName('*')) as unknown as Element[]) {
      for (const name of IDENTIFIER_ATTRIBUTES) {
        const value = el.getAttribute(name)
        const bad = value === null ? null : identifierProblem(value)
        if (bad) throw new UnsupportedError(`<${localName(el)}> ${name}: ${bad}`)
      }
    }
    const custom = descendants(root, 'qti-custom-operator')[0]
    if (custom) {
      throw new UnsupportedError(
        `its answer is computed by a custom operator (${attr(custom, 'class') ?? 'unnamed'}), an external program that no standard QTI processor runs`,
      )
    }
    if (childElements(root, 'qti-template-declaration').length > 0 || firstChild(root, 'qti-template-processing')) {
      throw new UnsupportedError('template variables (randomised item clones) are not supported')
    }
    if (attr(root, 'adaptive') === 'true') throw new UnsupportedError('adaptive items are not supported')

    const responses = childElements(root, 'qti-response-declaration').map(parseResponseDeclaration)
    const outcomes = childElements(root, 'qti-outcome-declaration').map(parseOutcomeDeclaration)
    if (!outcomes.some((o) => o.id === 'SCORE')) outcomes.push({ id: 'SCORE', cardinality: 'single', baseType: 'float', defaultValue: 0 })
    const { rules, template } = parseResponseProcessing(firstChild(root, 'qti-response-processing'))

    const assetHrefs: string[] = []
    const ctx: BodyContext = {
      resolveAsset(href) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/')) return null
        if (href.split('/').includes('..')) throw new UnsupportedError(`the image ${href} points outside the item's folder`)
        assetHrefs.push(href)
        return options.resolveAsset ? options.resolveAsset(href) : href
      },
      warnings: [],
      interactions: [],
    }
    const body = firstChild(root, 'qti-item-body')
    if (!body) throw new UnsupportedError('the item has no qti-item-body')
    const presentationBody = convertChildren(body, ctx)
    if (ctx.interactions.length === 0) throw new UnsupportedError('the item has no interaction')
    for (const i of ctx.interactions) {
      if (!responses.some((r) => r.id === i.responseId)) throw new UnsupportedError(`interaction for ${i.responseId} has no response declaration`)
    }

    const manual = ctx.interactions.some((i) => i.kind === 'extendedText')
    const base = { responses, outcomes, rules }
    const scoring: ScoringModel = { ...base, manual, maxScore: manual ? 1 : computeMaxScore(base) }
    if (!manual) {
      if (rules.length === 0) throw new UnsupportedError('the item has no response processing, so it cannot be scored')
      if (!(scoring.maxScore > 0)) throw new UnsupportedError('no response to this item can earn a score')
      const correct = correctResponseOf(scoring)
      if (!correct) ctx.warnings.push('no correct response is declared; the maximum score comes from the scoring rules')
      else if (scoreItem(scoring, correct).fraction < 1) ctx.warnings.push('the declared correct response does not earn full marks')
    }
    // Numeric text entries get a numeric keyboard and validation in the test screen.
    for (const i of ctx.interactions) {
      if (i.kind === 'textEntry') {
        const d = responses.find((r) => r.id === i.responseId)
        i.numeric = d?.baseType === 'float' || d?.baseType === 'integer'
      }
    }

    const spoken: Record<string, string> = {}
    const catalogInfo = firstChild(root, 'qti-catalog-info')
    if (catalogInfo) {
      for (const catalog of childElements(catalogInfo, 'qti-catalog')) {
        const card = childElements(catalog, 'qti-card').find((c) => attr(c, 'support') === 'spoken')
        const id = attr(catalog, 'id')
        if (card && id) spoken[id] = textOf(card)
      }
    }
    const feedback = childElements(root, 'qti-modal-feedback')
    const rationaleEl = feedback.find((f) => attr(f, 'identifier') === 'RATIONALE') ?? feedback[0]
    const rationaleCtx: BodyContext = { ...ctx, warnings: [], interactions: [] }
    const rationale = rationaleEl ? convertChildren(rationaleEl, rationaleCtx) : []

    return {
      ok: true,
      item: {
        identifier,
        title: attr(root, 'title') ?? identifier,
        type: classify(ctx.interactions, scoring),
        scoring,
        presentation: { body: presentationBody, spoken, lang: attr(root, 'xml:lang') ?? root.getAttribute('xml:lang') ?? 'en' },
        rationale,
        assetHrefs: [...new Set(assetHrefs)],
        template,
        warnings: [...new Set(ctx.warnings)],
      },
    }
  } catch (err) {
    if (err instanceof UnsupportedError || err instanceof XmlError) return { ok: false, identifier, reason: err.message }
    throw err
  }
}

