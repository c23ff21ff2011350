import { describe, expect, it } from 'vitest'
import { isCompleteNumber, isNumericInput } from './numeric-entry.js'

describe('numeric entry', () => {
  it('accepts numbers as they are typed', () => {
    for (const t of ['', '-', '3', '3.', '.5', '0.375', '-12.25', ' 26 ']) expect(isNumericInput(t), t).toBe(true)
  })
  it('refuses units, letters, separators and second points', () => {
    for (const t of ['26%', '3 in', '3in', 'abc', '1,000', '1.2.3', '--1', '1-', '1e3', '½', '$5']) expect(isNumericInput(t), t).toBe(false)
  })
  it('knows a finished number from one still being typed', () => {
    for (const t of ['3', '3.', '.5', '-0.5', '26']) expect(isCompleteNumber(t), t).toBe(true)
    for (const t of ['', '-', '.', '-.', '26%']) expect(isCompleteNumber(t), t).toBe(false)
  })
})
