import { describe, expect, it } from 'vitest'
import { ncrcDateRefusal, ncrcFactsChanged, stackStatement } from './ncrc-stack.js'

describe('stackStatement', () => {
  it('states the stack of MS and MT1 with the public verification word', () => {
    expect(stackStatement('MT1', { level: 'Gold', verified: true })).toBe('MT1, stacked on NCRC Gold (verified)')
    expect(stackStatement('MS', { level: 'Silver', verified: false })).toBe('MS, stacked on NCRC Silver (not verified)')
  })
  it('states nothing for a module certificate or without an NCRC', () => {
    expect(stackStatement('MM', { level: 'Gold', verified: true })).toBeNull()
    expect(stackStatement('MT1', { level: null, verified: false })).toBeNull()
  })
})

describe('ncrcFactsChanged', () => {
  const facts = { level: 'Gold', number: 'A1', date: '2024-01-02', certificateHash: 'h' }
  it('sees a change of any fact', () => {
    expect(ncrcFactsChanged(facts, { ...facts })).toBe(false)
    expect(ncrcFactsChanged(facts, { ...facts, level: 'Silver' })).toBe(true)
    expect(ncrcFactsChanged(facts, { ...facts, number: 'A2' })).toBe(true)
    expect(ncrcFactsChanged(facts, { ...facts, date: '2024-01-03' })).toBe(true)
    expect(ncrcFactsChanged(facts, { ...facts, certificateHash: 'other' })).toBe(true)
  })
})

describe('ncrcDateRefusal', () => {
  it('takes a real past date', () => {
    expect(ncrcDateRefusal('2024-02-29', '2025-01-01')).toBeNull()
    expect(ncrcDateRefusal('2025-01-01', '2025-01-01')).toBeNull()
  })
  it('refuses impossible, future and too early dates', () => {
    expect(ncrcDateRefusal('2023-02-29', '2025-01-01')).toMatch(/real calendar date/)
    expect(ncrcDateRefusal('2025-1-1', '2025-01-01')).toMatch(/real calendar date/)
    expect(ncrcDateRefusal('2025-01-02', '2025-01-01')).toMatch(/future/)
    expect(ncrcDateRefusal('1989-12-31', '2025-01-01')).toMatch(/1990/)
  })
})
