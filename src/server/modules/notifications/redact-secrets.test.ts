import { describe, expect, it } from 'vitest'
import { newSecret } from '../../ids.js'
import { REDACTED, redactSecrets } from './redact-secrets.js'

describe('redactSecrets', () => {
  it('takes the token out of reset, set-password and invitation links, keeping the rest of the link', () => {
    const secret = newSecret()
    for (const link of [
      `https://mt1.example/reset-password?token=${encodeURIComponent(secret)}`,
      `https://mt1.example/invitation?token=${secret}`,
      `https://mt1.example/cohort-invitation?token=${secret}&x=1`,
      `https://mt1.example/accept?inviteToken=${secret}`,
    ]) {
      const out = redactSecrets(`Open this link:\n\n${link}\n\nThanks`)
      expect(out).not.toContain(secret)
      expect(out).toContain(REDACTED)
      expect(out).toMatch(/^Open this link:\n\nhttps:\/\/mt1\.example\//)
      expect(out).toMatch(/\n\nThanks$/)
    }
  })

  it('takes out API tokens and bare secrets anywhere, in any case of the parameter', () => {
    const secret = newSecret()
    expect(redactSecrets(`Your token: mt1_${secret}.`)).toBe(`Your token: mt1_${REDACTED}.`)
    expect(redactSecrets(`code ${secret} here`)).toBe(`code ${REDACTED} here`)
    expect(redactSecrets(`/x?TOKEN=${secret}`)).toBe(`/x?TOKEN=${REDACTED}`)
    expect(redactSecrets(`/x?token=abc%2Bdef`)).toBe(`/x?token=${REDACTED}`)
  })

  it('leaves ordinary text, ids, dates, certificate numbers and addresses alone', () => {
    const text = 'Hello Ada,\n\nSession 2f9c1a52-3c0e-4b7a-9d55-0c1e2f3a4b5c on 2031-05-04T09:00:00.000Z at https://mt1.example/registry/MT1-7K3Q9-XW2Z4 (MM, SRMT).\n'
    expect(redactSecrets(text)).toBe(text)
  })
})
