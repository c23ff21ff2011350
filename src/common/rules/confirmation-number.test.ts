import { describe, expect, it } from 'vitest'
import { CONFIRMATION_ALPHABET, CONFIRMATION_NUMBER_PATTERN, confirmationNumberFrom, normalizeConfirmationNumber } from './confirmation-number.js'

describe('confirmation numbers', () => {
  it('are MT1- and two groups of four characters without look-alikes', () => {
    const n = confirmationNumberFrom([0, 1, 2, 3, 26, 27, 28, 100])
    expect(n).toBe('MT1-ABCD-789' + CONFIRMATION_ALPHABET[100 % CONFIRMATION_ALPHABET.length])
    expect(n).toMatch(new RegExp(CONFIRMATION_NUMBER_PATTERN))
    for (const c of '01OILUV') expect(CONFIRMATION_ALPHABET).not.toContain(c)
  })

  it('read a typed number whatever its case, spaces and dashes', () => {
    expect(normalizeConfirmationNumber(' mt1 7k4q 92xd ')).toBe('MT1-7K4Q-92XD')
    expect(normalizeConfirmationNumber('7K4Q92XD')).toBe('MT1-7K4Q-92XD')
  })

  it('refuse what cannot be a number', () => {
    expect(normalizeConfirmationNumber('MT1-7K4Q-92X0')).toBeNull()
    expect(normalizeConfirmationNumber('MT1-7K4Q')).toBeNull()
    expect(() => confirmationNumberFrom([1, 2])).toThrow()
  })
})
