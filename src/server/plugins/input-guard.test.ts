// Proves the input guard finds a NUL character or a non-finite number anywhere in a parsed input
// (values and keys, any depth, without recursion) and leaves everything else alone.
import { describe, expect, it } from 'vitest'
import { unrepresentable } from './input-guard.js'

describe('unrepresentable', () => {
  it('finds a NUL character in a value or a key, with its path', () => {
    expect(unrepresentable({ email: 'a\u0000b@example.com' })).toEqual({ path: '/email', message: 'must not contain the NUL character' })
    expect(unrepresentable({ list: ['ok', 'also\u0000'] })).toEqual({ path: '/list/1', message: 'must not contain the NUL character' })
    expect(unrepresentable({ fees: { 'MM\u0000': 1 } })?.message).toBe('a field name must not contain the NUL character')
    expect(unrepresentable('\u0000')).toEqual({ path: '', message: 'must not contain the NUL character' })
  })

  it('finds numbers that are not finite (what Ajv makes of "Infinity" and "1e309")', () => {
    expect(unrepresentable({ limit: Infinity })).toEqual({ path: '/limit', message: 'must be a finite number' })
    expect(unrepresentable({ a: [{ b: -Infinity }] })?.path).toBe('/a/0/b')
    expect(unrepresentable({ n: Number.NaN })?.path).toBe('/n')
  })

  it('accepts ordinary input, unicode, buffers and nothing at all', () => {
    expect(unrepresentable({ name: 'Zoë 😀 \u202E', n: 0, big: Number.MAX_SAFE_INTEGER, ok: true, none: null, list: [1, 'x'] })).toBeUndefined()
    expect(unrepresentable(Buffer.from([0, 0, 0]))).toBeUndefined()
    expect(unrepresentable(undefined)).toBeUndefined()
  })

  it('walks a 100,000-level document without overflowing the stack', () => {
    let deep: unknown = 'a\u0000'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(unrepresentable(deep)?.message).toBe('must not contain the NUL character')
  })
})
