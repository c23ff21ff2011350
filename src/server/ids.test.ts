import { describe, expect, it } from 'vitest'
import { nameBasedUuid } from './ids.js'

describe('nameBasedUuid', () => {
  it('is RFC 9562 version 5 (the RFC\'s DNS namespace example gives the published value)', () => {
    expect(nameBasedUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d')
  })

  it('is the same for the same name and differs for another', () => {
    const ns = '0b5d3c1e-7f0a-4b6e-9d7c-2f4a1e8b6c30'
    expect(nameBasedUuid(ns, 'MT1')).toBe(nameBasedUuid(ns, 'MT1'))
    expect(nameBasedUuid(ns, 'MT1')).not.toBe(nameBasedUuid(ns, 'MS'))
    expect(nameBasedUuid(ns, 'MT1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('refuses a namespace that is not a UUID', () => {
    expect(() => nameBasedUuid('not-a-uuid', 'MT1')).toThrow(/not a UUID/)
  })
})
