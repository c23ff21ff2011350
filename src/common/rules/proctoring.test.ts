import { describe, expect, it } from 'vitest'
import { certificationCovers, certificationShortfall, proctorsRequired } from './proctoring.js'

describe('proctors a session needs', () => {
  it('is one per 15 seats, at least one', () => {
    expect(proctorsRequired(1, 15)).toBe(1)
    expect(proctorsRequired(15, 15)).toBe(1)
    expect(proctorsRequired(16, 15)).toBe(2)
    expect(proctorsRequired(30, 15)).toBe(2)
    expect(proctorsRequired(31, 15)).toBe(3)
  })
})

describe('a proctor certification', () => {
  const end = '2026-12-10T17:00:00.000Z'
  it('covers a session that ends before it lapses', () => {
    expect(certificationCovers({ status: 'certified', certifiedUntil: '2027-01-01T00:00:00.000Z' }, end)).toBe(true)
    expect(certificationCovers({ status: 'certified', certifiedUntil: end }, end)).toBe(true)
  })
  it('does not cover a session after it lapses, a suspended proctor, or no record', () => {
    expect(certificationCovers({ status: 'certified', certifiedUntil: '2026-12-10T16:59:59.000Z' }, end)).toBe(false)
    expect(certificationCovers({ status: 'suspended', certifiedUntil: '2027-01-01T00:00:00.000Z' }, end)).toBe(false)
    expect(certificationCovers(undefined, end)).toBe(false)
  })
})

describe('why a proctor certification does not cover a session', () => {
  const end = '2026-12-10T17:00:00.000Z'
  it('names no certification, a suspension, or a lapse one day before the end; nothing when it ends with the session', () => {
    expect(certificationShortfall(undefined, end)).toBe('not_certified')
    expect(certificationShortfall({ status: 'suspended', certifiedUntil: '2027-01-01T00:00:00.000Z' }, end)).toBe('suspended')
    expect(certificationShortfall({ status: 'certified', certifiedUntil: '2026-12-09T17:00:00.000Z' }, end)).toBe('lapses_before_end')
    expect(certificationShortfall({ status: 'certified', certifiedUntil: end }, end)).toBeNull()
  })
})
