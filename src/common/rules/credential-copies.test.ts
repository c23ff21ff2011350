import { describe, expect, it } from 'vitest'
import { credentialCopyRefusal } from './credential-copies.js'

describe('credentialCopyRefusal', () => {
  it('lets the holder copy an active credential only', () => {
    expect(credentialCopyRefusal('active')).toBeNull()
    expect(credentialCopyRefusal('revoked')).toBe('This certificate is revoked; it can no longer be printed or downloaded.')
    expect(credentialCopyRefusal('withdrawn')).toMatch(/withdrawn/)
  })

  it('refuses a status it does not know (deny by default)', () => {
    expect(credentialCopyRefusal('suspended')).not.toBeNull()
    expect(credentialCopyRefusal('')).not.toBeNull()
    expect(credentialCopyRefusal('Active')).not.toBeNull()
  })
})
