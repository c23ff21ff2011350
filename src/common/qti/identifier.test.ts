import { describe, expect, it } from 'vitest'
import { identifierProblem, isPortableIdentifier, isQtiIdentifier, MAX_IDENTIFIER_LENGTH } from './identifier.js'

describe('QTI identifiers', () => {
  it('accepts what QTI tools write', () => {
    for (const ok of ['MT1-ELEC-001', 'RESPONSE', 'SCORE', 'A', '_x', 'choice.1', 'item_2-b', 'Übung1', 'x'.repeat(MAX_IDENTIFIER_LENGTH)]) {
      expect(isQtiIdentifier(ok), ok).toBe(true)
      expect(identifierProblem(ok)).toBeNull()
    }
  })

  it('refuses paths, separators, spaces, markup and empty or overlong values', () => {
    for (const bad of ['../../x', '..', '.hidden', '-x', '1abc', 'a/b', 'a\\b', 'a b', 'a:b', 'C:', '', 'a\u0000b', '<x>', 'a%2fb', 'x'.repeat(MAX_IDENTIFIER_LENGTH + 1), 'a\nb']) {
      expect(isQtiIdentifier(bad), JSON.stringify(bad)).toBe(false)
    }
    expect(isQtiIdentifier(undefined)).toBe(false)
    expect(identifierProblem('../../x')).toContain('"../../x"')
  })

  it('calls only ASCII identifiers portable as file names', () => {
    expect(isPortableIdentifier('MT1-ELEC-001')).toBe(true)
    expect(isPortableIdentifier('Übung1')).toBe(false)
    expect(isPortableIdentifier('../x')).toBe(false)
  })
})
