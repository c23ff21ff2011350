import { describe, expect, it } from 'vitest'
import { linkedInAddToProfileUrl } from './linkedin.js'

describe('linkedInAddToProfileUrl', () => {
  const cert = {
    name: 'Manufacturing Technician Level 1', organizationName: 'Manufacturing Skills Institute', issuedOn: '2025-03-09',
    expiresOn: null, certUrl: 'https://mt1.example/credentials/ABC-123', certId: 'ABC-123',
  }

  it('fills in the certification form with the name, issuer, issue month, URL and number', () => {
    const url = new URL(linkedInAddToProfileUrl(cert))
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/profile/add')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME', name: 'Manufacturing Technician Level 1', organizationName: 'Manufacturing Skills Institute',
      issueYear: '2025', issueMonth: '3', certUrl: 'https://mt1.example/credentials/ABC-123', certId: 'ABC-123',
    })
  })

  it('adds the expiry when the credential has one', () => {
    const url = new URL(linkedInAddToProfileUrl({ ...cert, expiresOn: '2030-12-09' }))
    expect(url.searchParams.get('expirationYear')).toBe('2030')
    expect(url.searchParams.get('expirationMonth')).toBe('12')
  })

  it('encodes names with reserved characters so no parameter can be forged', () => {
    const url = new URL(linkedInAddToProfileUrl({ ...cert, name: 'A & B=C?', certId: 'X&certId=Y' }))
    expect(url.searchParams.get('name')).toBe('A & B=C?')
    expect(url.searchParams.getAll('certId')).toEqual(['X&certId=Y'])
  })
})
