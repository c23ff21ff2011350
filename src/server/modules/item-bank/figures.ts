// Figures for items: SVG is sanitised with DOMPurify (no scripts, event handlers, foreign objects,
// external references or CSS urls) before it is stored or shown; PNG and JPEG are checked by their
// bytes, not their names. Assets are stored by SHA-256, so identical figures are kept once.
import { createHash } from 'node:crypto'
import createDOMPurify from 'dompurify'
import { JSDOM } from 'jsdom'
import { parseXml } from './qti/xml.js'

export const MAX_FIGURE_BYTES = 2 * 1024 * 1024

export type FigureCheck = { ok: true; bytes: Buffer; contentType: string; sha256: string } | { ok: false; reason: string }

let purifier: ReturnType<typeof createDOMPurify> | undefined
function getPurifier() {
  if (purifier) return purifier
  const { window } = new JSDOM('')
  purifier = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0])
  purifier.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName.toLowerCase()
    // Only references inside the drawing itself (#id) survive; nothing may be fetched.
    if ((name === 'href' || name === 'xlink:href' || name === 'src') && !data.attrValue.trim().startsWith('#')) data.keepAttr = false
    if (/url\s*\(|@import|expression\s*\(|javascript:/i.test(data.attrValue) && !/^url\(#[\w-]+\)$/.test(data.attrValue.trim())) data.keepAttr = false
  })
  return purifier
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

export function sanitizeSvg(input: Buffer): FigureCheck {
  if (input.length > MAX_FIGURE_BYTES) return { ok: false, reason: `the SVG is larger than ${MAX_FIGURE_BYTES / 1024 / 1024} MB` }
  const text = input.toString('utf8')
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return { ok: false, reason: 'the SVG declares a DTD or entities' }
  if (!/<svg[\s>]/i.test(text)) return { ok: false, reason: 'the file is not an SVG drawing' }
  const body = text.replace(/^\uFEFF?\s*<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '')
  // Trimmed so that sanitising an already sanitised figure gives the same bytes (and hash).
  const clean = getPurifier().sanitize(body, {
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS: ['foreignObject', 'image', 'a', 'script', 'style', 'iframe', 'use'],
  }).trim()
  if (!/^\s*<svg[\s>]/i.test(clean)) return { ok: false, reason: 'nothing drawable was left after removing unsafe content' }
  const withNs = clean.includes('xmlns="http://www.w3.org/2000/svg"') ? clean : clean.replace(/^\s*<svg/i, '<svg xmlns="http://www.w3.org/2000/svg"')
  try {
    parseXml(withNs, 'the SVG')
  } catch {
    return { ok: false, reason: 'the SVG is not well-formed XML' }
  }
  const bytes = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${withNs}\n`, 'utf8')
  return { ok: true, bytes, contentType: 'image/svg+xml', sha256: sha(bytes) }
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const JPEG = Buffer.from([0xff, 0xd8, 0xff])
const GIF = Buffer.from('GIF8')

/** Checks a figure by its content; the file name only decides which check applies to SVG. */
export function checkFigure(input: Buffer, fileName: string): FigureCheck {
  if (input.length === 0) return { ok: false, reason: 'the file is empty' }
  if (input.length > MAX_FIGURE_BYTES) return { ok: false, reason: `the figure is larger than ${MAX_FIGURE_BYTES / 1024 / 1024} MB` }
  if (input.subarray(0, 8).equals(PNG)) return { ok: true, bytes: input, contentType: 'image/png', sha256: sha(input) }
  if (input.subarray(0, 3).equals(JPEG)) return { ok: true, bytes: input, contentType: 'image/jpeg', sha256: sha(input) }
  if (input.subarray(0, 4).equals(GIF)) return { ok: true, bytes: input, contentType: 'image/gif', sha256: sha(input) }
  if (/\.svg$/i.test(fileName) || /<svg[\s>]/i.test(input.subarray(0, 4096).toString('utf8'))) return sanitizeSvg(input)
  return { ok: false, reason: 'only SVG, PNG, JPEG and GIF figures are accepted' }
}
