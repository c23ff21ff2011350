import { describe, expect, it } from 'vitest'
import { certificationDate, certificationsEarned } from './credential-rule.js'

const credentials = [
  { code: 'MS', requiresModules: ['MM', 'SRMT'] },
  { code: 'MT1', requiresModules: ['MM', 'SRMT', 'QBA'] },
]

describe('certifications earned from passed modules', () => {
  it('awards nothing for a single module', () => {
    expect(certificationsEarned(['MM'], credentials)).toEqual([])
    expect(certificationsEarned(['QBA'], credentials)).toEqual([])
  })
  it('awards MS only for MM and SRMT', () => {
    expect(certificationsEarned(['MM', 'SRMT'], credentials)).toEqual(['MS'])
    expect(certificationsEarned(['MM', 'QBA'], credentials)).toEqual([])
    expect(certificationsEarned(['SRMT', 'QBA'], credentials)).toEqual([])
  })
  it('awards MT1 (and keeps MS) when all three are passed', () => {
    expect(certificationsEarned(['QBA', 'SRMT', 'MM'], credentials)).toEqual(['MS', 'MT1'])
  })
})

describe('certification date', () => {
  it('is the date the last required module was passed', () => {
    const dates = new Map([['MM', '2026-03-01'], ['SRMT', '2026-05-20'], ['QBA', '2026-04-02']])
    expect(certificationDate(credentials[0]!, dates)).toBe('2026-05-20')
    expect(certificationDate(credentials[1]!, dates)).toBe('2026-05-20')
  })
  it('is null while a required module is missing', () => {
    expect(certificationDate(credentials[1]!, new Map([['MM', '2026-03-01'], ['SRMT', '2026-03-02']]))).toBeNull()
  })
})
