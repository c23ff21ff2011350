import { describe, expect, it } from 'vitest'
import { credentialExpiresOn } from './expiry.js'

describe('credentialExpiresOn', () => {
  it('adds the months to the issue date', () => expect(credentialExpiresOn('2025-03-09', 36)).toBe('2028-03-09'))
  it('never, when the program sets no expiry', () => expect(credentialExpiresOn('2025-03-09', null)).toBeNull())
})
