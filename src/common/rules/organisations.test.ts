import { describe, expect, it } from 'vitest'
import { invitationExpiry, invitationState, mayRemoveMember, roleOfKind } from './organisations.js'

const now = new Date('2027-05-01T12:00:00.000Z')

describe('organisation rules', () => {
  it('grants the role of the kind', () => {
    expect(roleOfKind('employer')).toBe('employer')
    expect(roleOfKind('college')).toBe('college_partner')
  })

  it('keeps an invitation open for fourteen days, then expired; accepted and withdrawn are final', () => {
    const expires = invitationExpiry(now)
    expect(expires).toBe('2027-05-15T12:00:00.000Z')
    const inv = { accepted_at: null, withdrawn_at: null, expires_at: expires }
    expect(invitationState(inv, now)).toBe('open')
    expect(invitationState(inv, new Date('2027-05-15T11:59:59.999Z'))).toBe('open')
    expect(invitationState(inv, new Date(expires))).toBe('expired')
    expect(invitationState({ ...inv, accepted_at: now.toISOString() }, new Date('2028-01-01'))).toBe('accepted')
    expect(invitationState({ ...inv, withdrawn_at: now.toISOString() }, now)).toBe('withdrawn')
  })

  it('never removes the last owner', () => {
    const one = [{ userId: 'a', role: 'owner' as const }, { userId: 'b', role: 'member' as const }]
    expect(mayRemoveMember(one, 'a')).toBe(false)
    expect(mayRemoveMember(one, 'b')).toBe(true)
    expect(mayRemoveMember(one, 'nobody')).toBe(false)
    const two = [...one, { userId: 'c', role: 'owner' as const }]
    expect(mayRemoveMember(two, 'a')).toBe(true)
  })
})
