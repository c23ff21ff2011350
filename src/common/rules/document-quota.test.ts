import { describe, expect, it } from 'vitest'
import { documentQuotaRefusal, MEGABYTE } from './document-quota.js'

const policy = { maxFilesPerCandidate: 10, maxMegabytesPerCandidate: 25 }

describe('accommodation document quota', () => {
  it('lets a document in while both the count and the total fit, up to exactly the limits', () => {
    expect(documentQuotaRefusal({ files: 0, bytes: 0 }, 10 * MEGABYTE, policy)).toBeNull()
    expect(documentQuotaRefusal({ files: 9, bytes: 15 * MEGABYTE }, 10 * MEGABYTE, policy)).toBeNull()
  })

  it('refuses the eleventh file whatever its size', () => {
    const refusal = documentQuotaRefusal({ files: 10, bytes: 1000 }, 1, policy)
    expect(refusal?.limit).toBe('files')
    expect(refusal?.details).toMatchObject({ maxFiles: 10, usedFiles: 10 })
  })

  it('refuses a file that would take the total past the limit by one byte', () => {
    const refusal = documentQuotaRefusal({ files: 2, bytes: 18 * MEGABYTE }, 7 * MEGABYTE + 1, policy)
    expect(refusal?.limit).toBe('bytes')
    expect(refusal?.details).toEqual({ maxFiles: 10, maxBytes: 25 * MEGABYTE, usedFiles: 2, usedBytes: 18 * MEGABYTE, uploadBytes: 7 * MEGABYTE + 1 })
    expect(refusal?.message).toContain('7.0 MB is left')
  })
})
