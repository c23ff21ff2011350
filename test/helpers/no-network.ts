// Offline proof for signing and verifying: while a test file runs, any outbound connection other than
// the local test database (or a Unix socket) throws and is remembered, and the file fails at the end
// if anything tried. Call once at the top level of a test file.
import net from 'node:net'
import { afterAll, beforeAll, expect } from 'vitest'

function targetOf(args: unknown[]): string {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0]
  if (typeof first === 'number') return `${typeof args[1] === 'string' ? args[1] : 'localhost'}:${first}`
  if (typeof first === 'string') return 'unix-socket'
  const o = first as { host?: string; port?: number; path?: string }
  return o.path ? 'unix-socket' : `${o.host ?? 'localhost'}:${o.port}`
}

/** Returns the attempts seen so far, for a test that checks mid-way. */
export function forbidNetwork(): readonly string[] {
  const networkAttempts: string[] = []
  const realConnect = net.Socket.prototype.connect
  const realFetch = globalThis.fetch
  beforeAll(() => {
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      const target = targetOf(args)
      if (!/^(unix-socket|localhost:|127\.0\.0\.1:|::1:|\[::1\]:)/.test(target)) {
        networkAttempts.push(target)
        throw new Error(`network access attempted: ${target}`)
      }
      return (realConnect as (...a: unknown[]) => net.Socket).apply(this, args)
    } as typeof realConnect
    globalThis.fetch = (async (input: unknown) => {
      networkAttempts.push(String(input))
      throw new Error(`network access attempted: ${String(input)}`)
    }) as typeof fetch
  })
  afterAll(() => {
    net.Socket.prototype.connect = realConnect
    globalThis.fetch = realFetch
    expect(networkAttempts).toEqual([])
  })
  return networkAttempts
}
