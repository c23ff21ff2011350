// Figures for items: SVG is sanitised with DOMPurify (no scripts, event handlers, foreign objects,
// external references or CSS urls) before it is stored or shown; PNG and JPEG are checked by their
// bytes, not their names. Assets are stored by SHA-256, so identical figures are kept once.
// An SVG is first scanned for its size, depth, element count and attribute lengths (SVG_LIMITS), and
// one with a DTD is refused, before DOMPurify sees it. These functions are synchronous: the server
// runs them in a worker thread with a time limit (bounded-parse.ts), never on the event loop.
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import type createDOMPurifyType from 'dompurify'
import type { JSDOM as JSDOMType } from 'jsdom'
import { checkMarkup, type MarkupLimit, type MarkupLimits } from './qti/markup-limits.js'
import { parseXml } from './qti/xml.js'

export const MAX_FIGURE_BYTES = 2 * 1024 * 1024

/** Real figures are a few hundred elements, a dozen deep; a long path's `d` is tens of kilobytes. */
export const SVG_LIMITS: MarkupLimits = { maxBytes: MAX_FIGURE_BYTES, maxDepth: 48, maxElements: 5_000, maxAttributeLength: 256 * 1024 }

export type FigureCheck =
  | { ok: true; bytes: Buffer; contentType: string; sha256: string }
  | { ok: false; reason: string; limit?: MarkupLimit | 'time' | undefined }

// jsdom is loaded on first use only, so the processes and threads that never sanitise never load it.
const require = createRequire(import.meta.url)
let purifier: ReturnType<typeof createDOMPurifyType> | undefined
function getPurifier() {
  if (purifier) return purifier
  const { JSDOM } = require('jsdom') as { JSDOM: typeof JSDOMType }
  const createDOMPurify = require('dompurify') as typeof createDOMPurifyType
  const { window } = new JSDOM('')
  purifier = createDOMPurify(window as unknown as Parameters<typeof createDOMPurifyType>[0])
  purifier.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName.toLowerCase()
    // Only references inside the drawing itself (#id) survive; nothing may be fetched.
    if ((name === 'href' || name === 'xlink:href' || name === 'src') && !data.attrValue.trim().startsWith('#')) data.keepAttr = false
    if (/url\s*\(|@import|expression\s*\(|javascript:/i.test(data.attrValue) && !/^url\(#[\w-]+\)$/.test(data.attrValue.trim())) data.keepAttr = false
  })
  return purifier
}

/** Loads jsdom and DOMPurify now (the parse worker does this before it takes its first task). */
export function loadSanitizer(): void {
  getPurifier()
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

/** The cheap checks, before any DOM work: size, depth, elements, attribute lengths, no DTD. */
export function precheckSvg(input: Buffer): FigureCheck | null {
  if (input.length > MAX_FIGURE_BYTES) return { ok: false, reason: `the SVG is larger than ${MAX_FIGURE_BYTES / 1024 / 1024} MB`, limit: 'bytes' }
  const text = input.toString('utf8')
  const check = checkMarkup(text, SVG_LIMITS, 'the SVG', input.length)
  if (!check.ok) return { ok: false, reason: check.reason, limit: check.limit }
  if (!/<svg[\s>]/i.test(text)) return { ok: false, reason: 'the file is not an SVG drawing' }
  return null
}

/** Comments removed in one pass (a lazy regex is quadratic on many unterminated `<!--`). */
function withoutComments(text: string): string {
  let out = ''
  let i = 0
  for (;;) {
    const start = text.indexOf('<!--', i)
    if (start < 0) return out + text.slice(i)
    out += text.slice(i, start)
    const end = text.indexOf('-->', start + 4)
    if (end < 0) return out
    i = end + 3
  }
}

export function sanitizeSvg(input: Buffer): FigureCheck {
  const refused = precheckSvg(input)
  if (refused) return refused
  const text = input.toString('utf8')
  const body = withoutComments(text.replace(/^\uFEFF?\s*<\?xml[^>]*\?>/, ''))
  // Trimmed so that sanitising an already sanitised figure gives the same bytes (and hash).
  const clean = getPurifier().sanitize(body, {
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS: ['foreignObject', 'image', 'a', 'script', 'style', 'iframe', 'use'],
  }).trim()
  if (!/^\s*<svg[\s>]/i.test(clean)) return { ok: false, reason: 'nothing drawable was left after removing unsafe content' }
  const withNs = clean.includes('xmlns="http://www.w3.org/2000/svg"') ? clean : clean.replace(/^\s*<svg/i, '<svg xmlns="http://www.w3.org/2000/svg"')
  try {
    parseXml(withNs, 'the SVG', SVG_LIMITS)
  } catch {
    return { ok: false, reason: 'the SVG is not well-formed XML' }
  }
  const bytes = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${withNs}\n`, 'utf8')
  return { ok: true, bytes, contentType: 'image/svg+xml', sha256: sha(bytes) }
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const JPEG = Buffer.from([0xff, 0xd8, 0xff])
const GIF = Buffer.from('GIF8')

/** What a figure is by its content (the file name only decides whether text is taken for SVG). */
export function figureKind(input: Buffer, fileName: string): 'image/png' | 'image/jpeg' | 'image/gif' | 'svg' | null {
  if (input.subarray(0, 8).equals(PNG)) return 'image/png'
  if (input.subarray(0, 3).equals(JPEG)) return 'image/jpeg'
  if (input.subarray(0, 4).equals(GIF)) return 'image/gif'
  if (/\.svg$/i.test(fileName) || /<svg[\s>]/i.test(input.subarray(0, 4096).toString('utf8'))) return 'svg'
  return null
}

/** Refuses an empty or oversized figure; null when the size is acceptable. */
export function figureSizeProblem(input: Buffer): FigureCheck | null {
  if (input.length === 0) return { ok: false, reason: 'the file is empty' }
  if (input.length > MAX_FIGURE_BYTES) return { ok: false, reason: `the figure is larger than ${MAX_FIGURE_BYTES / 1024 / 1024} MB`, limit: 'bytes' }
  return null
}

/** Checks a figure by its content; the file name only decides which check applies to SVG. */
export function checkFigure(input: Buffer, fileName: string): FigureCheck {
  const sizeProblem = figureSizeProblem(input)
  if (sizeProblem) return sizeProblem
  const kind = figureKind(input, fileName)
  if (kind === 'svg') return sanitizeSvg(input)
  if (kind) return { ok: true, bytes: input, contentType: kind, sha256: sha(input) }
  return { ok: false, reason: 'only SVG, PNG, JPEG and GIF figures are accepted' }
}
