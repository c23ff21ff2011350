import { describe, expect, it } from 'vitest'
import { checkMarkup, type MarkupLimits } from './markup-limits.js'

const limits: MarkupLimits = { maxBytes: 1024 * 1024, maxDepth: 8, maxElements: 100, maxAttributeLength: 50 }
const nested = (n: number) => `${'<g>'.repeat(n)}${'</g>'.repeat(n)}`

describe('checkMarkup', () => {
  it('measures depth and elements of ordinary markup', () => {
    expect(checkMarkup('<?xml version="1.0"?><svg><g><rect/><rect /></g><!-- <a><b><c> --><![CDATA[<x><y>]]></svg>', limits)).toEqual({ ok: true, depth: 2, elements: 4 })
    expect(checkMarkup(`<svg>${nested(7)}</svg>`, limits)).toMatchObject({ ok: true, depth: 8 })
  })

  it('refuses nesting past the limit, closed or not', () => {
    expect(checkMarkup(`<svg>${nested(8)}</svg>`, limits)).toMatchObject({ ok: false, limit: 'depth' })
    expect(checkMarkup(`<svg>${'<g>'.repeat(20)}`, limits)).toMatchObject({ ok: false, limit: 'depth' })
    // A deeply nested 136 KB SVG, the shape that blocked the event loop for 90 s.
    const deep = `<svg xmlns="http://www.w3.org/2000/svg">${nested(19_500)}</svg>`
    expect(deep.length).toBeGreaterThan(136_000)
    expect(checkMarkup(deep, { ...limits, maxElements: 1e6 })).toMatchObject({ ok: false, limit: 'depth' })
  })

  it('does not count self-closing elements as nesting, nor a > inside an attribute value', () => {
    expect(checkMarkup(`<svg>${'<rect a="x>y" b=\'1/>\'/>'.repeat(50)}</svg>`, limits)).toEqual({ ok: true, depth: 1, elements: 51 })
  })

  it('refuses more elements than the limit, siblings included', () => {
    expect(checkMarkup(`<svg>${'<rect/>'.repeat(99)}</svg>`, limits)).toMatchObject({ ok: true, elements: 100 })
    expect(checkMarkup(`<svg>${'<rect/>'.repeat(100)}</svg>`, limits)).toMatchObject({ ok: false, limit: 'elements' })
    expect(checkMarkup(`<svg>${'<rect/>'.repeat(100_000)}</svg>`, limits)).toMatchObject({ ok: false, limit: 'elements' })
  })

  it('refuses a long attribute value in either quotes, even unterminated', () => {
    expect(checkMarkup(`<svg d="${'x'.repeat(50)}"/>`, limits)).toMatchObject({ ok: true })
    expect(checkMarkup(`<svg d="${'x'.repeat(51)}"/>`, limits)).toMatchObject({ ok: false, limit: 'attribute' })
    expect(checkMarkup(`<svg d='${'x'.repeat(51)}'/>`, limits)).toMatchObject({ ok: false, limit: 'attribute' })
    expect(checkMarkup(`<svg d="${'x'.repeat(2_000_000)}`, { ...limits, maxBytes: 1e9 })).toMatchObject({ ok: false, limit: 'attribute' })
  })

  it('refuses any DTD or entity declaration, in any case, but not one inside a comment', () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><svg>&lol2;</svg>'
    expect(checkMarkup(laughs, limits)).toMatchObject({ ok: false, limit: 'dtd' })
    expect(checkMarkup('<svg><!entity x "y"></svg>', limits)).toMatchObject({ ok: false, limit: 'dtd' })
    expect(checkMarkup('<svg><!ELEMENT svg ANY></svg>', limits)).toMatchObject({ ok: false, limit: 'dtd' })
    expect(checkMarkup('<svg><!-- <!DOCTYPE x> --></svg>', limits)).toMatchObject({ ok: true })
  })

  it('refuses by encoded size before scanning', () => {
    expect(checkMarkup('<a>é</a>', { ...limits, maxBytes: 8 })).toMatchObject({ ok: false, limit: 'bytes' })
    expect(checkMarkup('<a>e</a>', { ...limits, maxBytes: 8 })).toMatchObject({ ok: true })
  })

  it('leaves malformed text to the parser instead of failing on it', () => {
    for (const text of ['', '<', '<a', '<a b="', '<!--', '<![CDATA[', '<?x', '</', 'plain text', '<a><<b>']) {
      expect(() => checkMarkup(text, limits), text).not.toThrow()
    }
  })
})
