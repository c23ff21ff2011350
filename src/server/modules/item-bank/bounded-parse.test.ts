import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { projectRoot } from '../../config.js'
import { checkFigureBounded, PARSE_TIME_LIMITS_MS, parseItemBounded } from './bounded-parse.js'
import { checkFigure, SVG_LIMITS } from './figures.js'
import { parseItemXml } from './qti/parse-item.js'

const bank = path.join(projectRoot, 'program', 'mt1', 'items', 'operational')
const figure = fs.readFileSync(path.join(bank, 'SPAT', 'figures', 'MT1-SPAT-004.svg'))
const itemXml = fs.readFileSync(path.join(bank, 'FLBA', 'MT1-FLBA-002.xml'), 'utf8')
const svg = (inner: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${inner}</svg>`)

// The worker's first start loads tsx and jsdom: seconds on a busy machine.
describe('figures and items checked off the event loop', { timeout: 120_000 }, () => {
  const limits = { ...PARSE_TIME_LIMITS_MS }
  afterEach(() => Object.assign(PARSE_TIME_LIMITS_MS, limits))

  it('gives the same answer as the synchronous check, from the worker', async () => {
    const sync = checkFigure(figure, 'f.svg')
    const bounded = await checkFigureBounded(figure, 'f.svg')
    expect(bounded.ok && sync.ok && bounded.sha256 === sync.sha256 && bounded.bytes.equals(sync.bytes)).toBe(true)
    const evil = await checkFigureBounded(svg('<script>alert(1)</script><rect width="1" height="1" onclick="x()"/>'), 'e.svg')
    expect(evil.ok && evil.bytes.toString()).toMatch(/<rect/)
    expect(evil.ok && evil.bytes.toString()).not.toMatch(/script|onclick/)
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(10)])
    expect(await checkFigureBounded(png, 'x.svg')).toMatchObject({ ok: true, contentType: 'image/png' })
  })

  it('refuses hostile shapes by their limit before any DOM work', async () => {
    const deep = svg(`${'<g>'.repeat(19_500)}${'</g>'.repeat(19_500)}`)
    expect(deep.length).toBeGreaterThan(136_000)
    expect(await checkFigureBounded(deep, 'deep.svg')).toMatchObject({ ok: false, limit: 'depth' })
    expect(await checkFigureBounded(svg('<rect/>'.repeat(100_000)), 'wide.svg')).toMatchObject({ ok: false, limit: 'elements' })
    expect(await checkFigureBounded(svg(`<path d="${'M0 0 L1 1 '.repeat(190_000)}"/>`), 'long.svg')).toMatchObject({ ok: false, limit: 'attribute' })
    const laughs = Buffer.from(`<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>`)
    expect(await checkFigureBounded(laughs, 'lol.svg')).toMatchObject({ ok: false, limit: 'dtd' })
    // The synchronous check has the same limits (it is what the worker runs).
    expect(checkFigure(deep, 'deep.svg')).toMatchObject({ ok: false, limit: 'depth' })
    expect(SVG_LIMITS.maxDepth).toBeLessThan(100)
  })

  it('ends a parse that runs past its time limit, and the next one runs in a fresh worker', async () => {
    PARSE_TIME_LIMITS_MS.svg = 1
    const slow = await checkFigureBounded(svg('<rect width="1" height="1"/>'.repeat(4000)), 'slow.svg')
    expect(slow).toMatchObject({ ok: false, limit: 'time' })
    expect(slow.ok ? '' : slow.reason).toMatch(/took more than/)
    Object.assign(PARSE_TIME_LIMITS_MS, limits)
    expect((await checkFigureBounded(figure, 'f.svg')).ok).toBe(true)
  })

  it('parses items in the worker exactly as on the main thread, with figure placeholders', async () => {
    const placeholder = 'asset-test:'
    const bounded = await parseItemBounded(itemXml, placeholder)
    expect(bounded).toEqual(parseItemXml(itemXml, { resolveAsset: (href) => `${placeholder}${href}` }))
    const hostile = await parseItemBounded(itemXml.replace('identifier="MT1-FLBA-002"', 'identifier="../../x"'), placeholder)
    expect(hostile).toMatchObject({ ok: false, reason: expect.stringContaining('"../../x"') })
    const deep = await parseItemBounded(`<qti-assessment-item identifier="x">${'<div>'.repeat(5000)}${'</div>'.repeat(5000)}</qti-assessment-item>`, placeholder)
    expect(deep).toMatchObject({ ok: false, reason: expect.stringMatching(/nests elements more than 64 deep/) })
  })
})
