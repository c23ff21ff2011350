import { describe, expect, it } from 'vitest'
import { acceptsResponses, breakEndsAt, canMoveAttempt, deadlineAfterBreak, deadlineAfterPause, initialDeadline, mayTakeBreak, remainingMs, statusesMovingTo } from './attempt-lifecycle.js'

describe('the attempt state machine', () => {
  it('allows only the documented transitions', () => {
    expect(canMoveAttempt('in_progress', 'paused')).toBe(true)
    expect(canMoveAttempt('paused', 'in_progress')).toBe(true)
    expect(canMoveAttempt('in_progress', 'submitted')).toBe(true)
    expect(canMoveAttempt('submitted', 'scored')).toBe(true)
    expect(canMoveAttempt('scored', 'voided')).toBe(true)
    expect(canMoveAttempt('submitted', 'in_progress')).toBe(false)
    expect(canMoveAttempt('voided', 'in_progress')).toBe(false)
    expect(canMoveAttempt('scored', 'submitted')).toBe(false)
  })
  it('names where each move may start from', () => {
    expect(statusesMovingTo('paused')).toEqual(['in_progress'])
    expect(statusesMovingTo('in_progress')).toEqual(['paused'])
    expect(statusesMovingTo('voided')).toEqual(['in_progress', 'paused', 'submitted', 'scored'])
  })
})

describe('the attempt clock', () => {
  const start = new Date('2026-12-01T14:00:00.000Z')
  it('sets the deadline from the time limit and the accommodation factor', () => {
    expect(initialDeadline(start, 45, 1)).toBe('2026-12-01T14:45:00.000Z')
    expect(initialDeadline(start, 45, 1.5)).toBe('2026-12-01T15:07:30.000Z')
    expect(initialDeadline(start, 60, 2)).toBe('2026-12-01T16:00:00.000Z')
  })
  it('stops while paused and moves the deadline by the pause', () => {
    const deadline = '2026-12-01T14:45:00.000Z'
    const pausedAt = '2026-12-01T14:10:00.000Z'
    expect(remainingMs({ status: 'paused', deadlineAt: deadline, pausedAt }, new Date('2026-12-01T14:30:00.000Z'))).toBe(35 * 60_000)
    expect(deadlineAfterPause(deadline, pausedAt, new Date('2026-12-01T14:20:00.000Z'))).toBe('2026-12-01T14:55:00.000Z')
  })
  it('accepts responses up to the deadline, only while running', () => {
    const deadline = '2026-12-01T14:45:00.000Z'
    expect(acceptsResponses('in_progress', deadline, new Date('2026-12-01T14:45:00.000Z'))).toBe(true)
    expect(acceptsResponses('in_progress', deadline, new Date('2026-12-01T14:45:00.001Z'))).toBe(false)
    expect(acceptsResponses('paused', deadline, new Date('2026-12-01T14:00:00.000Z'))).toBe(false)
    expect(acceptsResponses('submitted', deadline, new Date('2026-12-01T14:00:00.000Z'))).toBe(false)
  })
})

describe('breaks (extra breaks accommodation)', () => {
  const policy = { perAttempt: 2, maxMinutes: 10 }
  it('allows the policy\'s number of breaks and no more', () => {
    expect(mayTakeBreak(0, policy)).toBe(true)
    expect(mayTakeBreak(1, policy)).toBe(true)
    expect(mayTakeBreak(2, policy)).toBe(false)
    expect(mayTakeBreak(0, { perAttempt: 0, maxMinutes: 10 })).toBe(false)
  })
  it('stops the clock for the break up to its length, and no longer', () => {
    const deadline = '2026-01-01T10:45:00.000Z'
    const pausedAt = '2026-01-01T10:00:00.000Z'
    expect(deadlineAfterBreak(deadline, pausedAt, new Date('2026-01-01T10:04:00.000Z'), policy)).toBe('2026-01-01T10:49:00.000Z')
    expect(deadlineAfterBreak(deadline, pausedAt, new Date('2026-01-01T10:10:00.000Z'), policy)).toBe('2026-01-01T10:55:00.000Z')
    expect(deadlineAfterBreak(deadline, pausedAt, new Date('2026-01-01T10:10:00.001Z'), policy)).toBe('2026-01-01T10:55:00.000Z')
    expect(deadlineAfterBreak(deadline, pausedAt, new Date('2026-01-01T11:30:00.000Z'), policy)).toBe('2026-01-01T10:55:00.000Z')
    expect(breakEndsAt(pausedAt, policy).toISOString()).toBe('2026-01-01T10:10:00.000Z')
  })
})
