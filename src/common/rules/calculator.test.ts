import { describe, expect, it } from 'vitest'
import { calculatorAllowed } from './calculator.js'

describe('calculatorAllowed', () => {
  it('allows the calculator in MM and QBA only', () => {
    expect(['MM', 'SRMT', 'QBA', 'XYZ'].map(calculatorAllowed)).toEqual([true, false, true, false])
  })
})
