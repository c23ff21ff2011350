import { describe, expect, it } from 'vitest'
import { answerKind, endpointsFor, MAX_RETRY_MS, retryDelayMs } from './delivery-policy.js'

describe('forwarding statements to external learning record stores', () => {
  it('backs off exponentially from 30 seconds and waits at most an hour', () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000])
    expect(retryDelayMs(20)).toBe(MAX_RETRY_MS)
    expect(retryDelayMs(0)).toBe(30_000)
  })

  it('reads an answer: stored, duplicate, worth retrying, or final', () => {
    expect([200, 204].map(answerKind)).toEqual(['sent', 'sent'])
    expect(answerKind(409)).toBe('conflict')
    expect([500, 502, 503, 504, 408, 429].map(answerKind)).toEqual(Array(6).fill('retry'))
    expect([400, 401, 403, 404, 413, 301, 302].map(answerKind)).toEqual(Array(7).fill('permanent'))
  })

  it("sends a learner's statements to the program's endpoints, and to a center's or employer's only when the learner is theirs", () => {
    const endpoints = [
      { id: 'program', ownerKind: 'program' as const, ownerId: null },
      { id: 'center-a', ownerKind: 'center' as const, ownerId: 'A' },
      { id: 'center-b', ownerKind: 'center' as const, ownerId: 'B' },
      { id: 'employer-x', ownerKind: 'employer' as const, ownerId: 'X' },
    ]
    expect(endpointsFor(endpoints, { centers: [], employers: [] }).map((e) => e.id)).toEqual(['program'])
    expect(endpointsFor(endpoints, { centers: ['A'], employers: ['X'] }).map((e) => e.id)).toEqual(['program', 'center-a', 'employer-x'])
    expect(endpointsFor(endpoints, { centers: ['B'], employers: ['A'] }).map((e) => e.id)).toEqual(['program', 'center-b'])
  })
})
