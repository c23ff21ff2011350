import { describe, expect, it } from 'vitest'
import { isTimestamp, MAX_TIMESTAMP_MS, MIN_TIMESTAMP_MS, normalizeTimestamp, parseTimestamp } from './dates.js'

describe('parseTimestamp', () => {
  it('reads UTC and offset timestamps as the instant they name', () => {
    expect(normalizeTimestamp('2025-06-30T23:59:59Z')).toBe('2025-06-30T23:59:59.000Z')
    expect(normalizeTimestamp('2025-06-30T23:59:59.5Z')).toBe('2025-06-30T23:59:59.500Z')
    expect(normalizeTimestamp('2025-06-30T23:59:59.123456789Z')).toBe('2025-06-30T23:59:59.123Z')
    expect(normalizeTimestamp('2025-07-01T01:30:00+02:00')).toBe('2025-06-30T23:30:00.000Z')
    expect(normalizeTimestamp('2025-06-30T18:00:00-05:30')).toBe('2025-06-30T23:30:00.000Z')
    expect(normalizeTimestamp('2025-06-30t23:00:00z')).toBe('2025-06-30T23:00:00.000Z')
    expect(normalizeTimestamp('2025-06-30 23:00:00Z')).toBe('2025-06-30T23:00:00.000Z')
    expect(normalizeTimestamp('2024-02-29T12:00:00Z')).toBe('2024-02-29T12:00:00.000Z')
    expect(normalizeTimestamp('2000-02-29T12:00:00Z')).toBe('2000-02-29T12:00:00.000Z')
    // What the browser and the server themselves send.
    const now = new Date()
    expect(parseTimestamp(now.toISOString())?.getTime()).toBe(now.getTime())
  })

  it('refuses a leap second, which a JavaScript date cannot hold', () => {
    expect(parseTimestamp('2016-12-31T23:59:60Z')).toBeNull()
    expect(parseTimestamp('2016-12-31T23:59:60.5Z')).toBeNull()
    expect(parseTimestamp('2017-01-01T00:59:60+01:00')).toBeNull()
  })

  it('refuses days, hours and offsets that do not exist', () => {
    for (const bad of [
      '2025-02-29T00:00:00Z', '1900-02-29T00:00:00Z', '2025-02-30T00:00:00Z', '2025-04-31T00:00:00Z', '2025-13-01T00:00:00Z',
      '2025-00-10T00:00:00Z', '2025-01-00T00:00:00Z', '2025-01-01T24:00:00Z', '2025-01-01T23:60:00Z', '2025-01-01T00:00:00+24:00',
      '2025-01-01T00:00:00+05:60',
    ]) expect(parseTimestamp(bad), bad).toBeNull()
  })

  it('refuses years it cannot store and read back the same', () => {
    expect(parseTimestamp('0001-01-01T00:00:00Z')).toBeNull()
    expect(parseTimestamp('0099-06-01T00:00:00Z')).toBeNull()
    expect(parseTimestamp('0999-12-31T23:59:59Z')).toBeNull()
    expect(parseTimestamp('1000-01-01T00:00:00Z')?.getTime()).toBe(MIN_TIMESTAMP_MS)
    expect(parseTimestamp('9999-12-31T23:59:59.999Z')?.getTime()).toBe(MAX_TIMESTAMP_MS)
    // In range locally, out of range in UTC.
    expect(parseTimestamp('9999-12-31T23:00:00-05:00')).toBeNull()
    expect(parseTimestamp('1000-01-01T01:00:00+02:00')).toBeNull()
    // A local year below 1000 that is 1000 in UTC names a storable instant.
    expect(normalizeTimestamp('0999-12-31T23:00:00-05:00')).toBe('1000-01-01T04:00:00.000Z')
    expect(parseTimestamp('+275760-09-13T00:00:00Z')).toBeNull()
    expect(parseTimestamp('10000-01-01T00:00:00Z')).toBeNull()
  })

  it('refuses what is not a full timestamp with a zone', () => {
    for (const bad of [
      '', '2025-01-01', '2025-01-01T00:00:00', '2025-01-01T00:00Z', '2025-1-1T00:00:00Z', '20250101T000000Z', '2025-01-01T00:00:00.Z',
      '2025-01-01T00:00:00.1234567890Z', '2025-01-01T00:00:00+0100', '2025-01-01T00:00:00 Z', ' 2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z\n',
      'Mon, 01 Jan 2025 00:00:00 GMT', '1735689600000', '２０２５-01-01T00:00:00Z', `2025-01-01T00:00:00.${'1'.repeat(100)}Z`,
    ]) expect(parseTimestamp(bad), JSON.stringify(bad)).toBeNull()
    expect(parseTimestamp(1735689600000)).toBeNull()
    expect(parseTimestamp(null)).toBeNull()
    expect(isTimestamp('2025-01-01T00:00:00Z')).toBe(true)
    expect(isTimestamp('2025-01-01T00:00:60Z')).toBe(false)
  })
})
