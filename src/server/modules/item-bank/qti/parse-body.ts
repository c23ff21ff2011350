// The QTI item body → the candidate presentation tree, by allowlist: known HTML elements keep only
// harmless attributes, images point at stored assets, interactions become descriptions without
// keys. Anything else is unwrapped (its text kept) and reported as a warning.
import type { Element, Node } from '@xmldom/xmldom'
import type { ChoiceOption, FigureRef, Interaction, PresentationNode } from '../../../../common/items/presentation.js'
import { UnsupportedError } from './parse-declarations.js'
import { attr, CDATA_NODE, childElements, ELEMENT_NODE, localName, TEXT_NODE, textOf } from './xml.js'

const HTML_TAGS = new Set([
  'p', 'div', 'span', 'br', 'strong', 'em', 'b', 'i', 'u', 'sub', 'sup', 'small', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col', 'figure', 'figcaption', 'img',
  'blockquote', 'pre', 'code', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'abbr', 'cite', 'q', 'kbd', 'var', 'samp',
  'math', 'mi', 'mn', 'mo', 'mrow', 'msup', 'msub', 'msubsup', 'mfrac', 'msqrt', 'mroot', 'mtext', 'mspace', 'mtable', 'mtr', 'mtd', 'mover', 'munder',
])
/** Headings inside an item start below the page's own h1. */
const RENAME: Record<string, string> = { h1: 'h2' }
const ATTRS = new Set(['id', 'class', 'alt', 'width', 'height', 'colspan', 'rowspan', 'scope', 'headers', 'lang', 'title', 'abbr', 'start', 'type', 'aria-describedby', 'aria-label', 'aria-labelledby', 'aria-hidden', 'data-catalog-idref', 'mathvariant', 'display'])
const UNSUPPORTED_INTERACTIONS: Record<string, string> = {
  'qti-upload-interaction': 'file uploads are not offered in proctored delivery',
  'qti-drawing-interaction': 'drawing interactions are not supported',
  'qti-media-interaction': 'media interactions are not supported',
  'qti-slider-interaction': 'slider interactions are not supported',
  'qti-hottext-interaction': 'hot-text interactions are not supported',
  'qti-graphic-gap-match-interaction': 'graphic gap-match interactions are not supported',
  'qti-graphic-order-interaction': 'graphic order interactions are not supported',
  'qti-graphic-associate-interaction': 'graphic associate interactions are not supported',
  'qti-position-object-stage': 'position-object interactions are not supported',
  'qti-custom-interaction': 'custom interactions are not supported',
  'qti-portable-custom-interaction': 'portable custom interactions are not supported',
  'qti-end-attempt-interaction': 'end-attempt interactions are not supported',
}

export interface BodyContext {
  /**
   * Resolves an image href relative to the item file to the URL candidates load it from, or null
   * for an image outside the package (never loaded in secure delivery).
   */
  resolveAsset(href: string): string | null
  warnings: string[]
  interactions: Interaction[]
}

const whitespace = (s: string) => s.replace(/\s+/g, ' ')

function attrsOf(el: Element): Record<string, string> | undefined {
  const out: Record<string, string> = {}
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i)!
    const name = a.localName === 'lang' ? 'lang' : a.name
    if (ATTRS.has(name)) out[name] = a.value
  }
  return Object.keys(out).length ? out : undefined
}

function figure(el: Element, ctx: BodyContext): FigureRef | null {
  const name = localName(el)
  const src = name === 'object' ? attr(el, 'data') : attr(el, 'src')
  if (!src) throw new UnsupportedError(`an <${name}> has no source`)
  const alt = name === 'object' ? textOf(el) : el.getAttribute('alt')
  if (alt === null) ctx.warnings.push(`image ${src} has no alt text`)
  const url = ctx.resolveAsset(src)
  if (url === null) {
    ctx.warnings.push(`image ${src} is outside the package and was replaced by its alt text`)
    return null
  }
  const width = Number(attr(el, 'width'))
  const height = Number(attr(el, 'height'))
  return {
    src: url,
    alt: alt ?? '',
    ...(Number.isFinite(width) && width > 0 ? { width } : {}),
    ...(Number.isFinite(height) && height > 0 ? { height } : {}),
    ...(attr(el, 'aria-describedby') ? { describedBy: attr(el, 'aria-describedby')! } : {}),
  }
}

export function convertChildren(el: Element, ctx: BodyContext): PresentationNode[] {
  const out = convertAll(el, ctx)
  // Indentation between block elements is not content.
  while (typeof out[0] === 'string' && out[0].trim() === '') out.shift()
  while (typeof out[out.length - 1] === 'string' && (out[out.length - 1] as string).trim() === '') out.pop()
  return out
}

function convertAll(el: Element, ctx: BodyContext): PresentationNode[] {
  const out: PresentationNode[] = []
  for (let c: Node | null = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === TEXT_NODE || c.nodeType === CDATA_NODE) {
      const text = whitespace(c.nodeValue ?? '')
      if (text) out.push(text)
    } else if (c.nodeType === ELEMENT_NODE) {
      out.push(...convertElement(c as Element, ctx))
    }
  }
  return out
}

function convertElement(el: Element, ctx: BodyContext): PresentationNode[] {
  const name = localName(el)
  if (name.startsWith('qti-') && name.endsWith('-interaction')) return [{ interaction: convertInteraction(el, name, ctx) }]
  if (name in UNSUPPORTED_INTERACTIONS) throw new UnsupportedError(UNSUPPORTED_INTERACTIONS[name]!)
  if (name === 'qti-gap') return [{ gap: attr(el, 'identifier') ?? '' }]
  // Feedback shows after responding; inside a test it could give answers away.
  if (name === 'qti-feedback-inline' || name === 'qti-feedback-block' || name === 'qti-modal-feedback') return []
  // MathML: keep the presentation, drop the source annotations (TeX, content MathML).
  if (name === 'annotation' || name === 'annotation-xml') return []
  if (name === 'semantics') return convertChildren(el, ctx)
  if (name === 'mfenced') {
    const open = el.getAttribute('open') ?? '('
    const close = el.getAttribute('close') ?? ')'
    return [{ tag: 'mrow', children: [{ tag: 'mo', children: [open] }, ...convertChildren(el, ctx), { tag: 'mo', children: [close] }] }]
  }
  if (name === 'img' || (name === 'object' && (attr(el, 'type') ?? '').startsWith('image/'))) {
    const f = figure(el, ctx)
    if (!f) return [{ tag: 'span', children: [`[${(name === 'object' ? textOf(el) : el.getAttribute('alt')) || 'image'}]`] }]
    const attrs: Record<string, string> = { src: f.src, alt: f.alt }
    if (f.width) attrs.width = String(f.width)
    if (f.height) attrs.height = String(f.height)
    if (f.describedBy) attrs['aria-describedby'] = f.describedBy
    return [{ tag: 'img', attrs }]
  }
  if (name === 'script' || name === 'style' || name === 'iframe' || name === 'embed' || name === 'object' || name === 'form' || name === 'input') {
    ctx.warnings.push(`<${name}> removed`)
    return []
  }
  const tag = RENAME[name] ?? name
  const children = convertChildren(el, ctx)
  if (!HTML_TAGS.has(tag)) {
    if (!name.startsWith('qti-rubric') && name !== 'qti-content-body') ctx.warnings.push(`<${name}> is not rendered as such; its text is kept`)
    return children
  }
  const attrs = attrsOf(el)
  return [{ tag, ...(attrs ? { attrs } : {}), ...(children.length ? { children } : {}) }]
}

function options(el: Element, names: string[], ctx: BodyContext): ChoiceOption[] {
  return childElements(el)
    .filter((c) => names.includes(localName(c)))
    .map((c) => ({
      id: attr(c, 'identifier') ?? '',
      content: convertChildren(c, ctx),
      ...(attr(c, 'fixed') === 'true' ? { fixed: true } : {}),
      ...(attr(c, 'data-catalog-idref') ? { spokenId: attr(c, 'data-catalog-idref')! } : {}),
    }))
}

const promptOf = (el: Element, ctx: BodyContext): PresentationNode[] => {
  const p = childElements(el, 'qti-prompt')[0]
  return p ? convertChildren(p, ctx) : []
}

const int = (v: string | undefined, fallback: number) => {
  const n = Number(v)
  return Number.isInteger(n) && n >= 0 ? n : fallback
}

function convertInteraction(el: Element, name: string, ctx: BodyContext): Interaction {
  const responseId = attr(el, 'response-identifier')
  if (!responseId) throw new UnsupportedError(`<${name}> has no response-identifier`)
  const shuffle = attr(el, 'shuffle') === 'true'
  let interaction: Interaction
  switch (name) {
    case 'qti-choice-interaction':
      interaction = {
        kind: 'choice', responseId, shuffle, maxChoices: int(attr(el, 'max-choices'), 1), minChoices: int(attr(el, 'min-choices'), 0),
        prompt: promptOf(el, ctx), choices: options(el, ['qti-simple-choice'], ctx),
      }
      break
    case 'qti-order-interaction':
      interaction = { kind: 'order', responseId, shuffle, prompt: promptOf(el, ctx), choices: options(el, ['qti-simple-choice'], ctx) }
      break
    case 'qti-text-entry-interaction':
      interaction = { kind: 'textEntry', responseId, expectedLength: int(attr(el, 'expected-length'), 10), numeric: false, ...(attr(el, 'aria-label') ? { label: attr(el, 'aria-label')! } : {}) }
      break
    case 'qti-extended-text-interaction':
      interaction = { kind: 'extendedText', responseId, expectedLines: int(attr(el, 'expected-lines'), 6), prompt: promptOf(el, ctx) }
      break
    case 'qti-inline-choice-interaction':
      interaction = {
        kind: 'inlineChoice', responseId, shuffle,
        choices: childElements(el, 'qti-inline-choice').map((c) => ({ id: attr(c, 'identifier') ?? '', text: textOf(c), ...(attr(c, 'fixed') === 'true' ? { fixed: true } : {}) })),
        ...(attr(el, 'aria-label') ? { label: attr(el, 'aria-label')! } : {}),
      }
      break
    case 'qti-match-interaction': {
      const sets = childElements(el, 'qti-simple-match-set')
      if (sets.length !== 2) throw new UnsupportedError('a match interaction needs two match sets')
      interaction = {
        kind: 'match', responseId, shuffle, maxAssociations: int(attr(el, 'max-associations'), 0), prompt: promptOf(el, ctx),
        sources: options(sets[0]!, ['qti-simple-associable-choice'], ctx), targets: options(sets[1]!, ['qti-simple-associable-choice'], ctx),
      }
      break
    }
    case 'qti-associate-interaction':
      interaction = {
        kind: 'associate', responseId, shuffle, maxAssociations: int(attr(el, 'max-associations'), 0), prompt: promptOf(el, ctx),
        choices: options(el, ['qti-simple-associable-choice'], ctx),
      }
      break
    case 'qti-gap-match-interaction': {
      const content: PresentationNode[] = []
      for (const c of childElements(el)) {
        const n = localName(c)
        if (n === 'qti-prompt' || n === 'qti-gap-text' || n === 'qti-gap-img') continue
        content.push(...convertElement(c, ctx))
      }
      interaction = {
        kind: 'gapMatch', responseId, shuffle, prompt: promptOf(el, ctx),
        gapTexts: childElements(el, 'qti-gap-text').map((g) => ({ id: attr(g, 'identifier') ?? '', text: textOf(g) })), content,
      }
      break
    }
    case 'qti-hotspot-interaction':
    case 'qti-select-point-interaction': {
      const imageEl = childElements(el).find((c) => ['img', 'object'].includes(localName(c)))
      if (!imageEl) throw new UnsupportedError(`<${name}> has no image`)
      const image = figure(imageEl, ctx)
      if (!image) throw new UnsupportedError('the interaction\'s image is outside the package')
      interaction = name === 'qti-hotspot-interaction'
        ? {
            kind: 'hotspot', responseId, maxChoices: int(attr(el, 'max-choices'), 1), prompt: promptOf(el, ctx), image,
            hotspots: childElements(el, 'qti-hotspot-choice').map((h) => ({
              id: attr(h, 'identifier') ?? '', shape: attr(h, 'shape') ?? 'rect',
              coords: (attr(h, 'coords') ?? '').split(',').filter(Boolean).map(Number),
              ...(attr(h, 'hotspot-label') ?? attr(h, 'aria-label') ? { label: (attr(h, 'hotspot-label') ?? attr(h, 'aria-label'))! } : {}),
            })),
          }
        : { kind: 'selectPoint', responseId, maxChoices: int(attr(el, 'max-choices'), 1), prompt: promptOf(el, ctx), image }
      break
    }
    default:
      throw new UnsupportedError(UNSUPPORTED_INTERACTIONS[name] ?? `<${name}> is not supported`)
  }
  ctx.interactions.push(interaction)
  return interaction
}
