import { describe, expect, it } from 'vitest'
import { nestsDeeperThan } from './json-depth.js'

describe('nestsDeeperThan', () => {
  it('counts levels of arrays and objects', () => {
    expect(nestsDeeperThan('A', 0)).toBe(false)
    expect(nestsDeeperThan({ R: 'A' }, 1)).toBe(false)
    expect(nestsDeeperThan({ R: [['A', 'B']] }, 3)).toBe(false)
    expect(nestsDeeperThan({ R: [['A', 'B']] }, 2)).toBe(true)
    expect(nestsDeeperThan({ R: [[[['x']]]] }, 4)).toBe(true)
  })
  it('measures a 100,000-level document without overflowing the stack', () => {
    let deep: unknown = 'x'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(nestsDeeperThan(deep, 4)).toBe(true)
  })
})
