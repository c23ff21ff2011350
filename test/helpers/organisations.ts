// Shared setup for the organisations tests (issue 14): an app with the demo data, program staff,
// people registered through the API, and organisations created and joined through the API (the
// invitee reads the emailed link, as a person would).
import { expect } from 'vitest'
import type { LightMyRequestResponse } from 'fastify'
import { seedDemo } from '../../src/server/db/seed/demo.js'
import type { Database } from '../../src/server/db/schema.js'
import type { OrganisationView } from '../../src/common/schemas/organisations.js'
import { call, login, register, staffSession, type Session } from './http-client.js'
import { deliveredToken } from './mail.js'
import { createTestApp, type DatabaseKind, type TestApp } from './test-app.js'

export const PASSWORD = 'correct horse battery'

export interface Person { email: string; userId: string; session: Session }

export interface OrganisationsWorld {
  t: TestApp
  staff: Session
  person(label: string): Promise<Person>
  /** Staff create an organisation inviting its owner, who accepts by the emailed link. */
  organisation(kind: 'employer' | 'college', owner: Person, name?: string): Promise<OrganisationView>
  /** An owner (or staff) invites someone, who accepts by the emailed link. */
  join(orgId: string, by: Session, who: Person, role?: 'owner' | 'member'): Promise<LightMyRequestResponse>
  relogin(p: Person): Promise<void>
  /** Staff log in again (after the clock moved past the idle timeout). */
  reloginStaff(): Promise<void>
  count(table: keyof Database): Promise<number>
  close(): Promise<void>
}

/** A new app with the demo data and staff, or (`on`) an app another world already set up, with its staff session. */
export async function organisationsWorld(kind: DatabaseKind, on?: { t: TestApp; staff: Session }): Promise<OrganisationsWorld> {
  const t = on?.t ?? await createTestApp(kind)
  if (!on) await seedDemo(t.app, t.clock())
  let staff = on?.staff ?? await staffSession(t.app)
  let seq = 0
  const world: OrganisationsWorld = {
    t, staff,
    async person(label) {
      const email = `${label}-${++seq}-${kind}@example.com`.toLowerCase()
      const session = await register(t.app, { email, firstName: label, lastName: `Person${seq}` })
      return { email, userId: session.userId, session }
    },
    async organisation(orgKind, owner, name = `${orgKind} ${++seq}`) {
      const res = await call(t.app, 'POST', '/api/v1/admin/organisations', { session: staff, body: { kind: orgKind, name, ownerEmail: owner.email } })
      expect(res.statusCode, res.body).toBe(201)
      const token = await deliveredToken(t, owner.email, /invited to join/)
      const accepted = await call(t.app, 'POST', '/api/v1/organisations/invitations/accept', { session: owner.session, body: { token } })
      expect(accepted.statusCode, accepted.body).toBe(200)
      return res.json<OrganisationView>()
    },
    async join(orgId, by, who, role = 'member') {
      const res = await call(t.app, 'POST', `/api/v1/organisations/${orgId}/invitations`, { session: by, body: { email: who.email, role } })
      expect(res.statusCode, res.body).toBe(201)
      const token = await deliveredToken(t, who.email, /invited to join/)
      return call(t.app, 'POST', '/api/v1/organisations/invitations/accept', { session: who.session, body: { token } })
    },
    async reloginStaff() {
      world.staff = staff = await login(t.app, 'staff@mt1.test', 'staff password 1')
    },
    async relogin(p) {
      p.session = await login(t.app, p.email, PASSWORD)
    },
    async count(table) {
      const r = await t.app.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
      return Number(r.n)
    },
    close: () => t.close(),
  }
  return world
}
