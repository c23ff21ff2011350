import { describe, expect, it } from 'vitest'
import { prefersJson } from './content-negotiation.js'

describe('prefersJson', () => {
  it('answers JSON to a client that asks for JSON or JSON-LD', () => {
    expect(prefersJson('application/json')).toBe(true)
    expect(prefersJson('application/ld+json')).toBe(true)
    expect(prefersJson('application/ld+json, application/json;q=0.9, */*;q=0.1')).toBe(true)
    expect(prefersJson('text/html;q=0.5, application/json')).toBe(true)
    expect(prefersJson('APPLICATION/JSON; charset=utf-8')).toBe(true)
    expect(prefersJson('application/json, text/html')).toBe(true)
    // Any application type but no HTML: the document is what it can take.
    expect(prefersJson('application/*')).toBe(true)
  })

  it('answers the page to browsers, to no preference and to anything unclear', () => {
    expect(prefersJson('text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8')).toBe(false)
    expect(prefersJson(undefined)).toBe(false)
    expect(prefersJson('')).toBe(false)
    expect(prefersJson('*/*')).toBe(false)
    expect(prefersJson('text/html, application/json')).toBe(false)
    expect(prefersJson('application/json;q=0')).toBe(false)
    expect(prefersJson('application/json;q=2')).toBe(false)
    expect(prefersJson('application/json;q=abc')).toBe(false)
  })

  it('parses a hostile header without trouble', () => {
    expect(prefersJson(',,,;;;===')).toBe(false)
    expect(prefersJson(`${'x/y;'.repeat(10_000)}application/json`)).toBe(false)
    expect(prefersJson('application/json\u0000')).toBe(false)
  })
})
