// Safe XML reading for QTI: no DTDs or entities (no billion laughs, no external entities), limits on
// size, nesting depth, element count and attribute length checked by a linear scan before the parser
// runs (qti/markup-limits.ts), and helpers that address elements by local name whatever namespace
// prefix a tool used.
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom'
import { checkMarkup, ITEM_XML_LIMITS, type MarkupLimits } from './markup-limits.js'

export const MAX_ITEM_XML_BYTES = ITEM_XML_LIMITS.maxBytes

export class XmlError extends Error {}

export function parseXml(text: string, what = 'document', limits: MarkupLimits = ITEM_XML_LIMITS): Document {
  const check = checkMarkup(text, limits, what)
  if (!check.ok) throw new XmlError(check.reason)
  const errors: string[] = []
  let doc: Document
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(String(message))
      },
    }).parseFromString(text, 'text/xml')
  } catch (err) {
    // xmldom throws its own ParseError on fatal errors.
    throw new XmlError(`${what} is not well-formed XML: ${(err as Error).message.split('\n')[0]}`)
  }
  if (errors.length > 0 || !doc.documentElement) throw new XmlError(`${what} is not well-formed XML: ${errors[0] ?? 'no root element'}`)
  return doc
}

export const ELEMENT_NODE = 1
export const TEXT_NODE = 3
export const CDATA_NODE = 4

export const localName = (n: Node): string => ((n as Element).localName ?? n.nodeName).toLowerCase()

export function childElements(el: Element, name?: string): Element[] {
  const out: Element[] = []
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT_NODE && (name === undefined || localName(c) === name)) out.push(c as Element)
  }
  return out
}

export const firstChild = (el: Element, name: string): Element | undefined => childElements(el, name)[0]

export function descendants(el: Element, name: string): Element[] {
  return Array.from(el.getElementsByTagNameNS('*', name)) as unknown as Element[]
}

export const attr = (el: Element, name: string): string | undefined => {
  const v = el.getAttribute(name)
  return v === null || v === '' ? undefined : v
}

export const textOf = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim()
