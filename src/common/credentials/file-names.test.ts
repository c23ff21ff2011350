import { describe, expect, it } from 'vitest'
import { credentialFileName } from './file-names.js'

describe('credentialFileName', () => {
  it('names the badge and the certificate after the certificate number', () => {
    expect(credentialFileName('MT1-ABCDE-FGHJK-M', 'badge')).toBe('MT1-ABCDE-FGHJK-M-badge.json')
    expect(credentialFileName('MT1-ABCDE-FGHJK-M', 'certificate')).toBe('MT1-ABCDE-FGHJK-M-certificate.pdf')
  })
  it('keeps quotes and path characters out of a header', () => {
    expect(credentialFileName('MT1-"/../x', 'badge')).toBe('MT1-x-badge.json')
  })
})
