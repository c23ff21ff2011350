// Organisations on both databases (issue 14): staff create employers and colleges and invite their
// first owners by email; an invitee (signing up first when they have no account) accepts by the
// emailed link logged in with that address and gets the role of the organisation's kind; owners
// invite and remove colleagues, never the last owner, and withdraw invitations; expired, withdrawn and
// forwarded links are refused; every other role and another organisation's members are refused;
// malformed, oversized and hostile input is refused; and a refused request stores nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AdminOrganisationList, MyOrganisationList, OrganisationInvitationList, OrganisationInvitationOffer, OrganisationMemberList } from '../../src/common/schemas/organisations.js'
import { call, errorCode, login, register } from '../helpers/http-client.js'
import { deliveredToken } from '../helpers/mail.js'
import { organisationsWorld, type OrganisationsWorld, type Person } from '../helpers/organisations.js'
import { databases } from '../helpers/test-app.js'

const DAY = 86_400_000

describe.each(databases)('organisations on %s', (kind) => {
  let w: OrganisationsWorld
  const stored = async () => ({
    organisations: await w.count('organisations'), members: await w.count('organisation_members'),
    invitations: await w.count('organisation_invitations'), audit: await w.count('audit_log'),
  })

  beforeAll(async () => { w = await organisationsWorld(kind) }, 120_000)
  afterAll(async () => w?.close())

  it('gives the demo employer its organisation', async () => {
    const employer = await login(w.t.app, 'employer@demo.test', 'mt1-demo')
    const mine = (await call(w.t.app, 'GET', '/api/v1/me/organisations', { session: employer })).json<MyOrganisationList>()
    expect(mine.items).toEqual([expect.objectContaining({ role: 'owner', organisation: expect.objectContaining({ name: 'Demo Manufacturing Co.', kind: 'employer' }) })])
  })

  it('creates an organisation, invites its first owner, who signs up and accepts, and gets the employer role', async () => {
    const email = `new-owner-${kind}@example.com`
    const res = await call(w.t.app, 'POST', '/api/v1/admin/organisations', {
      session: w.staff, body: { kind: 'employer', name: 'Valley Fabrication', website: 'https://valley.example.com', city: 'Roanoke', state: 'va', ownerEmail: email },
    })
    expect(res.statusCode, res.body).toBe(201)
    const org = res.json<{ id: string; state: string }>()
    expect(org.state).toBe('VA')
    const token = await deliveredToken(w.t, email, /invited to join Valley Fabrication/)
    // Without an account the link asks to log in first.
    expect((await call(w.t.app, 'POST', '/api/v1/organisations/invitations/lookup', { body: { token } })).statusCode).toBe(401)
    const session = await register(w.t.app, { email: email.toUpperCase(), firstName: 'Olga', lastName: 'Owner' })
    const offer = await call(w.t.app, 'POST', '/api/v1/organisations/invitations/lookup', { session, body: { token } })
    expect(offer.json<OrganisationInvitationOffer>()).toMatchObject({ role: 'owner', status: 'open', email, organisation: { name: 'Valley Fabrication' }, invitedBy: 'Sam Staff' })
    const accepted = await call(w.t.app, 'POST', '/api/v1/organisations/invitations/accept', { session, body: { token } })
    expect(accepted.statusCode, accepted.body).toBe(200)
    const me = await call(w.t.app, 'GET', '/api/v1/me', { session })
    expect(me.json<{ user: { roles: string[] } }>().user.roles).toContain('employer')
    const mine = (await call(w.t.app, 'GET', '/api/v1/me/organisations', { session })).json<MyOrganisationList>()
    expect(mine.items.map((i) => [i.organisation.id, i.role])).toEqual([[org.id, 'owner']])
    // Twice is refused, and the link is spent.
    const again = await call(w.t.app, 'POST', '/api/v1/organisations/invitations/accept', { session, body: { token } })
    expect(again.statusCode).toBe(409)
    const list = (await call(w.t.app, 'GET', '/api/v1/admin/organisations?kind=employer', { session: w.staff })).json<AdminOrganisationList>()
    expect(list.items.find((o) => o.id === org.id)).toMatchObject({ members: 1, openInvitations: 0 })
    expect((await call(w.t.app, 'GET', '/api/v1/admin/organisations?kind=college', { session: w.staff })).json<AdminOrganisationList>().items.some((o) => o.id === org.id)).toBe(false)
    const audit = await w.t.app.db.selectFrom('audit_log').select('action').where('entity_id', '=', org.id).execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['organisation.created', 'organisation.invited', 'organisation.joined'])
  })

  it('makes a college partner of a college\'s member', async () => {
    const dean = await w.person('Dean')
    await w.organisation('college', dean, 'Piedmont Community College')
    const me = await call(w.t.app, 'GET', '/api/v1/me', { session: dean.session })
    expect(me.json<{ user: { roles: string[] } }>().user.roles).toContain('college_partner')
  })

  it('lets an owner invite colleagues, who join as members; members see members but cannot manage', async () => {
    const owner = await w.person('Owner')
    const colleague = await w.person('Colleague')
    const org = await w.organisation('employer', owner)
    expect((await w.join(org.id, owner.session, colleague)).statusCode).toBe(200)
    const members = (await call(w.t.app, 'GET', `/api/v1/organisations/${org.id}/members`, { session: colleague.session })).json<OrganisationMemberList>()
    expect(members.items.map((m) => [m.email, m.role])).toEqual([[owner.email, 'owner'], [colleague.email, 'member']])
    expect((await call(w.t.app, 'GET', `/api/v1/organisations/${org.id}`, { session: colleague.session })).statusCode).toBe(200)
    const before = await stored()
    const byMember = await call(w.t.app, 'POST', `/api/v1/organisations/${org.id}/invitations`, { session: colleague.session, body: { email: 'x@example.com' } })
    expect(byMember.statusCode).toBe(403)
    expect((await call(w.t.app, 'GET', `/api/v1/organisations/${org.id}/invitations`, { session: colleague.session })).statusCode).toBe(403)
    expect((await call(w.t.app, 'POST', `/api/v1/organisations/${org.id}/members/${owner.userId}/remove`, { session: colleague.session })).statusCode).toBe(403)
    expect(await stored()).toEqual(before)
    // Inviting a member again, or an address with an invitation waiting, is refused.
    expect(errorCode(await call(w.t.app, 'POST', `/api/v1/organisations/${org.id}/invitations`, { session: owner.session, body: { email: colleague.email } }))).toBe('CONFLICT')
    expect((await call(w.t.app, 'POST', `/api/v1/organisations/${org.id}/invitations`, { session: owner.session, body: { email: `waiting-${kind}@example.com` } })).statusCode).toBe(201)
    const before2 = await stored()
    const twice = await call(w.t.app, 'POST', `/api/v1/organisations/${org.id}/invitations`, { session: owner.session, body: { email: `WAITING-${kind}@example.com` } })
    expect(twice.statusCode).toBe(409)
    expect(await stored()).toEqual(before2)
    const invitations = (await call(w.t.app, 'GET', `/api/v1/organisations/${org.id}/invitations`, { session: owner.session })).json<OrganisationInvitationList>()
    expect(invitations.items.map((i) => [i.email, i.status, i.role])).toEqual([[`waiting-${kind}@example.com`, 'open', 'member']])
  })

  it('refuses another organisation\'s members and outsiders as if the organisation did not exist', async () => {
    const owner = await w.person('OwnerA')
    const other = await w.person('OwnerB')
    const org = await w.organisation('employer', owner)
    await w.organisation('employer', other)
    const sessions = [other.session, (await w.person('Outsider')).session, await login(w.t.app, 'employer@demo.test', 'mt1-demo')]
    const before = await stored()
    for (const session of sessions) {
      expect((await call(w.t.app, 'GET', `/api/v1/organisations/${org.id}`, { session })).statusCode).toBe(404)
      expect((await call(w.t.app, 'GET', `/api/v1/organisations/${org.id}/members`, { session })).statusCode).toBe(404)
      expect((await call(w.t.app, 'GET', `/api/v1/organisations/${org.id}/invitations`, { session })).statusCode).toBe(404)
      expect((await call(w.t.app, 'POST', `/api/v1/organisations/${org.id}/invitations`, { session, body: { email: 'y@example.com' } })).statusCode).toBe(404)
      expect((await call(w.t.app, 'POST', `/api/v1/organisations/${org.id}/members/${owner.userId}/remove`, { session })).statusCode).toBe(404)
    }
    expect((await call(w.t.app, 'GET', `/api/v1/organisations/${org.id}/members`)).statusCode).toBe(401)
    expect(await stored()).toEqual(before)
  })

  it('lets only staff create organisations and list them', async () => {
    const before = await stored()
    for (const email of ['employer@demo.test', 'center@demo.test', 'proctor@demo.test', 'candidate@demo.test', 'trainer@demo.test']) {
      const session = await login(w.t.app, email, 'mt1-demo')
      const res = await call(w.t.app, 'POST', '/api/v1/admin/organisations', { session, body: { kind: 'employer', name: 'Sneaky Co' } })
      expect(res.statusCode, email).toBe(403)
      expect((await call(w.t.app, 'GET', '/api/v1/admin/organisations', { session })).statusCode).toBe(403)
      const [org] = (await call(w.t.app, 'GET', '/api/v1/admin/organisations', { session: w.staff })).json<AdminOrganisationList>().items
      // The demo employer owns this one, yet the staff route is staff's only.
      expect((await call(w.t.app, 'POST', `/api/v1/admin/organisations/${org!.id}/invitations`, { session, body: { email: 'z@example.com' } })).statusCode).toBe(403)
    }
    expect((await call(w.t.app, 'POST', '/api/v1/admin/organisations', { body: { kind: 'employer', name: 'Anonymous' } })).statusCode).toBe(401)
    expect(await stored()).toEqual(before)
  })

  it('refuses malformed, oversized and hostile input and stores nothing', async () => {
    const owner = await w.person('Tokens')
    const before = await stored()
    const bad: unknown[] = [
      { kind: 'bank', name: 'X' }, { kind: 'employer' }, { kind: 'employer', name: '' }, { kind: 'employer', name: 'x'.repeat(201) },
      { kind: 'employer', name: '<script>alert(1)</script>' }, { kind: 'employer', name: 'Tab\there' }, { kind: 'employer', name: 'A', extra: 1 },
      { kind: 'employer', name: 'A', website: 'javascript:alert(1)' }, { kind: 'employer', name: 'A', website: `https://${'a'.repeat(300)}.com` },
      { kind: 'employer', name: 'A', state: 'Virginia' }, { kind: 'employer', name: 'A', ownerEmail: 'not an email' }, { kind: 'employer', name: 'A', ownerEmail: `${'a'.repeat(250)}@x.com` },
      { kind: 'employer', name: { $ne: 1 } }, { kind: 'employer', name: 'A', ownerEmail: ['a@example.com', 'b@example.com'] }, null, 'employer',
    ]
    for (const body of bad) {
      const res = await call(w.t.app, 'POST', '/api/v1/admin/organisations', { session: w.staff, payload: JSON.stringify(body) })
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
    }
    expect((await call(w.t.app, 'GET', '/api/v1/admin/organisations?kind=bank', { session: w.staff })).statusCode).toBe(400)
    expect((await call(w.t.app, 'GET', '/api/v1/organisations/..%2F..%2Fetc/members', { session: w.staff })).statusCode).toBe(400)
    for (const token of ['short', 'x'.repeat(101), "abc' OR 1=1 --xxxxxxxxxxxxxx", '../../../../etc/passwd/aaaaaaaaaa']) {
      expect((await call(w.t.app, 'POST', '/api/v1/organisations/invitations/accept', { session: owner.session, body: { token } })).statusCode).toBe(400)
    }
    const unknown = await call(w.t.app, 'POST', '/api/v1/organisations/invitations/accept', { session: owner.session, body: { token: 'A'.repeat(43) } })
    expect(errorCode(unknown)).toBe('INVITATION_INVALID')
    const role = await call(w.t.app, 'POST', `/api/v1/admin/organisations/${'x'.repeat(10)}/invitations`, { session: w.staff, body: { email: 'a@example.com', role: 'admin' } })
    expect(role.statusCode).toBe(400)
    expect(await stored()).toEqual(before)
  })

  it('refuses a forwarded link, a withdrawn one and an expired one; a new invitation replaces an expired one', async () => {
    const owner = await w.person('Keeper')
    const org = await w.organisation('employer', owner)
    const invitee = await w.person('Invitee')
    const stranger = await w.person('Stranger')
    const sent = await call(w.t.app, 'POST', `/api/v1/organisations/${org.id}/invitations`, { session: owner.session, body: { email: invitee.email } })
    const token = await deliveredToken(w.t, invitee.email, /invited to join/)
    const before = await stored()
    const forwarded = await call(w.t.app, 'POST', '/api/v1/organisations/invitations/accept', { session: stranger.session, body: { token } })
    expect(errorCode(forwarded)).toBe('INVITATION_INVALID')
    expect(await stored()).toEqual(before)
    const withdrawn = await call(w.t.app, 'POST', `/api/v1/organisations/${org.id}/invitations/${sent.json<{ id: string }>().id}/withdraw`, { session: owner.session })
    expect(withdrawn.statusCode).toBe(204)
    const late = await call(w.t.app, 'POST', '/api/v1/organisations/invitations/accept', { session: invitee.session, body: { token } })
    expect(errorCode(late)).toBe('INVITATION_INVALID')
    expect((await call(w.t.app, 'POST', `/api/v1/organisations/${org.id}/invitations/${sent.json<{ id: string }>().id}/withdraw`, { session: owner.session })).statusCode).toBe(409)
    // A fresh invitation, left to expire.
    expect((await call(w.t.app, 'POST', `/api/v1/organisations/${org.id}/invitations`, { session: owner.session, body: { email: invitee.email } })).statusCode).toBe(201)
    const token2 = await deliveredToken(w.t, invitee.email, /invited to join/)
    w.t.clock.advance(15 * DAY)
    await w.relogin(owner)
    await w.relogin(invitee)
    await w.reloginStaff()
    const expired = await call(w.t.app, 'POST', '/api/v1/organisations/invitations/accept', { session: invitee.session, body: { token: token2 } })
    expect(errorCode(expired)).toBe('INVITATION_INVALID')
    const listed = (await call(w.t.app, 'GET', `/api/v1/organisations/${org.id}/invitations`, { session: owner.session })).json<OrganisationInvitationList>()
    expect(listed.items.map((i) => i.status)).toEqual(['expired'])
    expect((await call(w.t.app, 'POST', `/api/v1/organisations/${org.id}/invitations`, { session: owner.session, body: { email: invitee.email } })).statusCode).toBe(201)
    const token3 = await deliveredToken(w.t, invitee.email, /invited to join/)
    expect((await call(w.t.app, 'POST', '/api/v1/organisations/invitations/accept', { session: invitee.session, body: { token: token3 } })).statusCode).toBe(200)
  })

  it('never removes the last owner; an owner removes members, a member may leave, a second owner may go', async () => {
    const first: Person = await w.person('First')
    const org = await w.organisation('employer', first)
    const member = await w.person('Member')
    const second = await w.person('Second')
    await w.join(org.id, first.session, member)
    const before = await stored()
    const last = await call(w.t.app, 'POST', `/api/v1/organisations/${org.id}/members/${first.userId}/remove`, { session: first.session })
    expect(last.statusCode).toBe(422)
    expect(errorCode(last)).toBe('RULE_VIOLATION')
    const byStaff = await call(w.t.app, 'POST', `/api/v1/organisations/${org.id}/members/${first.userId}/remove`, { session: w.staff })
    expect(byStaff.statusCode).toBe(422)
    expect(await stored()).toEqual(before)
    expect((await w.join(org.id, first.session, second, 'owner')).statusCode).toBe(200)
    expect((await call(w.t.app, 'POST', `/api/v1/organisations/${org.id}/members/${member.userId}/remove`, { session: member.session })).statusCode).toBe(204)
    expect((await call(w.t.app, 'GET', `/api/v1/organisations/${org.id}`, { session: member.session })).statusCode).toBe(404)
    expect((await call(w.t.app, 'POST', `/api/v1/organisations/${org.id}/members/${first.userId}/remove`, { session: second.session })).statusCode).toBe(204)
    const left = (await call(w.t.app, 'GET', `/api/v1/organisations/${org.id}/members`, { session: second.session })).json<OrganisationMemberList>()
    expect(left.items.map((m) => m.userId)).toEqual([second.userId])
    expect((await call(w.t.app, 'POST', `/api/v1/organisations/${org.id}/members/${second.userId}/remove`, { session: second.session })).statusCode).toBe(422)
    expect((await call(w.t.app, 'POST', `/api/v1/organisations/${org.id}/members/${member.userId}/remove`, { session: second.session })).statusCode).toBe(404)
  })
})
