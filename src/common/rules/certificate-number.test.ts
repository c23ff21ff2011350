import { describe, expect, it } from 'vitest'
import { certificateNumberFrom, parseCertificateNumber } from './certificate-number.js'

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const sample = certificateNumberFrom([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])

describe('certificate numbers', () => {
  it('have the published shape and read back as themselves', () => {
    expect(sample).toMatch(/^MT1-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]$/)
    expect(parseCertificateNumber(sample)).toEqual({ ok: true, number: sample })
    expect(parseCertificateNumber(` ${sample.toLowerCase().replace(/-/g, ' ')} `)).toEqual({ ok: true, number: sample })
  })

  it('tell every single mistyped character apart from an unknown number', () => {
    const chars = sample.replace(/-/g, '').slice(3)
    for (let i = 0; i < chars.length; i++) {
      for (const c of ALPHABET) {
        if (c === chars[i]) continue
        const typo = `MT1${chars.slice(0, i)}${c}${chars.slice(i + 1)}`
        expect(parseCertificateNumber(typo), typo).toEqual({ ok: false, reason: 'check' })
      }
    }
  })

  it('catch every swap of two neighbouring characters that changes the number', () => {
    const chars = sample.replace(/-/g, '').slice(3)
    for (let i = 0; i < chars.length - 1; i++) {
      if (chars[i] === chars[i + 1]) continue
      const swapped = `MT1${chars.slice(0, i)}${chars[i + 1]}${chars[i]}${chars.slice(i + 2)}`
      expect(parseCertificateNumber(swapped).ok, swapped).toBe(false)
    }
  })

  it('refuse what is not a number at all', () => {
    for (const bad of ['', 'MT1', 'XYZ-12345-67890-1', `${sample}0`, 'MT1-<scri-pt>-x', 'MT1-UUUUU-UUUUU-U']) {
      expect(parseCertificateNumber(bad)).toEqual({ ok: false, reason: 'format' })
    }
  })
})
