// Cheap checks on XML or SVG text before any parser sees it: one linear pass that counts elements,
// tracks nesting depth and measures attribute values, and refuses document type declarations
// outright (no entities, so no billion laughs and no external entities). Parsers and sanitisers are
// far slower than this scan on hostile shapes (a 136 KB SVG nested 20,000 deep took DOMPurify over a
// minute, and xmldom's cost grows with the square of the depth), so the scan decides first.

export interface MarkupLimits {
  maxBytes: number
  maxDepth: number
  maxElements: number
  /** The longest attribute value, in characters. */
  maxAttributeLength: number
}

export type MarkupLimit = 'bytes' | 'depth' | 'elements' | 'attribute' | 'dtd'

export type MarkupCheck = { ok: true; depth: number; elements: number } | { ok: false; limit: MarkupLimit; reason: string }

/** One QTI item: real items hold a few hundred elements, a dozen levels deep. */
export const ITEM_XML_LIMITS: MarkupLimits = { maxBytes: 2 * 1024 * 1024, maxDepth: 64, maxElements: 10_000, maxAttributeLength: 256 * 1024 }
/** A package's imsmanifest.xml: about five elements per resource, for up to 5,000 files. */
export const MANIFEST_XML_LIMITS: MarkupLimits = { maxBytes: 4 * 1024 * 1024, maxDepth: 32, maxElements: 60_000, maxAttributeLength: 4 * 1024 }

const LT = 60
const BANG = 33
const QUESTION = 63
const SLASH = 47
const DQUOTE = 34
/** Characters of a tag up to the next quote or bracket. */
const TAG_TEXT = /[^"'<>]*/y
const SQUOTE = 39

/**
 * Scans markup without building anything. Malformed text is not judged here (the parser reports
 * it); only the size of what a parser would build is. `bytes` is the encoded size when known.
 */
export function checkMarkup(text: string, limits: MarkupLimits, what = 'the document', bytes = Buffer.byteLength(text, 'utf8')): MarkupCheck {
  if (bytes > limits.maxBytes) return { ok: false, limit: 'bytes', reason: `${what} is larger than ${formatBytes(limits.maxBytes)}` }
  const n = text.length
  let depth = 0
  let deepest = 0
  let elements = 0
  let i = 0
  for (;;) {
    const lt = text.indexOf('<', i)
    if (lt < 0 || lt + 1 >= n) break
    const next = text.charCodeAt(lt + 1)
    if (next === BANG) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4)
        if (end < 0) break
        i = end + 3
        continue
      }
      if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9)
        if (end < 0) break
        i = end + 3
        continue
      }
      // <!DOCTYPE, <!ENTITY, <!ELEMENT, <!ATTLIST, in any case.
      return { ok: false, limit: 'dtd', reason: `${what} declares a DTD or entities, which are not accepted` }
    }
    if (next === QUESTION) {
      const end = text.indexOf('?>', lt + 2)
      if (end < 0) break
      i = end + 2
      continue
    }
    if (next === SLASH) {
      const end = text.indexOf('>', lt + 2)
      if (end < 0) break
      if (depth > 0) depth--
      i = end + 1
      continue
    }
    // A start tag: find its end, stepping over quoted attribute values (which may hold '>').
    elements++
    if (elements > limits.maxElements) return { ok: false, limit: 'elements', reason: `${what} has more than ${grouped(limits.maxElements)} elements` }
    // Native searches (a sticky regex, indexOf) do the stepping: a cold JIT is slow on a
    // character loop over a two-megabyte attribute.
    let j = lt + 1
    for (;;) {
      TAG_TEXT.lastIndex = j
      TAG_TEXT.test(text)
      j = TAG_TEXT.lastIndex
      if (j >= n) break
      const c = text.charCodeAt(j)
      if (c !== DQUOTE && c !== SQUOTE) break
      const close = text.indexOf(c === DQUOTE ? '"' : "'", j + 1)
      if ((close < 0 ? n : close) - (j + 1) > limits.maxAttributeLength) return attributeTooLong(what, limits)
      if (close < 0) {
        j = n
        break
      }
      j = close + 1
    }
    if (j >= n) break
    if (text.charCodeAt(j) === LT) {
      // '<' cannot appear in a tag: malformed, and the parser will say so. Count it as an open element.
      i = j
    } else {
      i = j + 1
      if (text.charCodeAt(j - 1) === SLASH) continue
    }
    depth++
    if (depth > deepest) {
      deepest = depth
      if (deepest > limits.maxDepth) return { ok: false, limit: 'depth', reason: `${what} nests elements more than ${limits.maxDepth} deep` }
    }
  }
  return { ok: true, depth: deepest, elements }
}

function attributeTooLong(what: string, limits: MarkupLimits): MarkupCheck {
  return { ok: false, limit: 'attribute', reason: `${what} has an attribute value longer than ${grouped(limits.maxAttributeLength)} characters` }
}

/** 10000 → "10,000", without toLocaleString (its first call loads locale data: ~100 ms on the event loop). */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${n / 1024 / 1024} MB` : `${n / 1024} KB`
}
