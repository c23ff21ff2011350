import { describe, expect, it } from 'vitest'
import { sharedPassPercent } from './pass-mark.js'

describe('sharedPassPercent', () => {
  it('is the percent every module shares', () => {
    expect(sharedPassPercent([{ passPercent: 75 }, { passPercent: 75 }, { passPercent: 75 }])).toBe(75)
  })
  it('is null when modules differ, or there are none, so copy says "the pass mark" instead of a number', () => {
    expect(sharedPassPercent([{ passPercent: 75 }, { passPercent: 80 }])).toBeNull()
    expect(sharedPassPercent([])).toBeNull()
  })
})
