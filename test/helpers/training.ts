// Shared setup for the training tests (issue 13): an app with the demo data, program staff, the demo
// center (certified for three years, so the clock can move a year), people made through the API with
// the roles they need, certified trainers and proctors, and courses scheduled through the API.
import { expect } from 'vitest'
import type { LightMyRequestResponse } from 'fastify'
import { seedDemo } from '../../src/server/db/seed/demo.js'
import type { Role } from '../../src/common/roles.js'
import type { CourseView, EnrolBody, EnrolmentView } from '../../src/common/schemas/training.js'
import type { Database } from '../../src/server/db/schema.js'
import { call, login, register, staffSession, type Session } from './http-client.js'
import { createTestApp, type DatabaseKind, type TestApp } from './test-app.js'

export const HOUR = 3_600_000
export const DAY = 24 * HOUR
export const PASSWORD = 'correct horse battery'

export interface Person {
  email: string
  userId: string
  session: Session
}

export interface TrainingWorld {
  t: TestApp
  kind: DatabaseKind
  staff: Session
  /** The demo center (Richmond, VA) and its administrator. */
  centerId: string
  centerAdmin: Session
  /** Another certified center, administered by nobody here. */
  otherCenterId: string
  iso(msFromNow: number): string
  /** Everyone logged in again (after the clock moved past the idle timeout). */
  relogin(): Promise<void>
  person(label: string, roles?: Role[]): Promise<Person>
  certifiedTrainer(label: string, untilMs?: number): Promise<Person>
  certifiedProctor(p: Person, untilMs?: number): Promise<void>
  /** A course at the demo center (staff schedule it): meetings at these hours from now, 3 hours each. */
  course(o: { trainer: Person; seats?: number; feeCents?: number; meetingsAtH?: number[]; module?: string; skills?: string[]; centerId?: string; title?: string }): Promise<CourseView>
  enrol(p: Person, body: EnrolBody): Promise<LightMyRequestResponse>
  count(table: keyof Database): Promise<number>
  /** Sets a module's Learning Lab fee as program.json would (the loaded definition is frozen: it is replaced). */
  setLabFee(module: string, cents: number | null): void
  close(): Promise<void>
}

export async function trainingWorld(kind: DatabaseKind): Promise<TrainingWorld> {
  const t = await createTestApp(kind)
  await seedDemo(t.app, t.clock())
  let staff = await staffSession(t.app)
  let centerAdmin = await login(t.app, 'center@demo.test', 'mt1-demo')
  const centers = (await call(t.app, 'GET', '/api/v1/centers')).json().items as { id: string; name: string }[]
  const centerId = centers.find((c) => c.name === 'MT1 Demo Assessment Center')!.id
  const otherCenterId = centers.find((c) => c.name === 'Tidewater Manufacturing Training Center')!.id
  const iso = (ms: number) => new Date(t.clock().getTime() + ms).toISOString()
  for (const id of [centerId, otherCenterId]) {
    const certified = await call(t.app, 'POST', `/api/v1/admin/centers/${id}/certify`, { session: staff, body: { certifiedUntil: iso(3 * 365 * DAY) } })
    expect(certified.statusCode, certified.body).toBe(200)
  }
  const people: Person[] = []
  let seq = 0
  const shipped = t.app.services.program.definition

  const world: TrainingWorld = {
    t, kind, staff, centerId, centerAdmin, otherCenterId, iso,

    async relogin() {
      world.staff = staff = await login(t.app, 'staff@mt1.test', 'staff password 1')
      world.centerAdmin = centerAdmin = await login(t.app, 'center@demo.test', 'mt1-demo')
      for (const p of people) p.session = await login(t.app, p.email, PASSWORD)
    },

    async person(label, roles = ['candidate']) {
      const email = `${label}-${++seq}-${kind}@example.com`.toLowerCase()
      const session = await register(t.app, { email, firstName: label, lastName: `Person${seq}` })
      if (roles.join() !== 'candidate') {
        const res = await call(t.app, 'PATCH', `/api/v1/admin/users/${session.userId}`, { session: world.staff, body: { roles } })
        expect(res.statusCode, res.body).toBe(200)
      }
      const p = { email, userId: session.userId, session: await login(t.app, email, PASSWORD) }
      people.push(p)
      return p
    },

    async certifiedTrainer(label, untilMs = 3 * 365 * DAY) {
      const p = await world.person(label, ['trainer', 'proctor', 'candidate'])
      const since = iso(-30 * DAY)
      const res = await call(t.app, 'PUT', `/api/v1/admin/trainers/${p.userId}/certification`, {
        session: world.staff, body: { trainingCompletedOn: since, agreementSignedOn: since, coiDeclaredOn: since, certifiedUntil: iso(untilMs), status: 'certified' },
      })
      expect(res.statusCode, res.body).toBe(200)
      return p
    },

    async certifiedProctor(p, untilMs = 3 * 365 * DAY) {
      const since = iso(-30 * DAY)
      const res = await call(t.app, 'PUT', `/api/v1/admin/proctors/${p.userId}/certification`, {
        session: world.staff, body: { trainingCompletedOn: since, agreementSignedOn: since, coiDeclaredOn: since, certifiedUntil: iso(untilMs), status: 'certified' },
      })
      expect(res.statusCode, res.body).toBe(200)
    },

    async course(o) {
      const module = o.module ?? 'MM'
      const res = await call(t.app, 'POST', '/api/v1/training/courses', {
        session: world.staff,
        body: {
          title: o.title ?? `Course ${++seq}`, module, skills: o.skills ?? (module === 'MM' ? ['MEAS', 'ALG'] : module === 'QBA' ? ['SPC'] : ['MECH']), trainerId: o.trainer.userId,
          centerId: o.centerId ?? centerId, meetings: (o.meetingsAtH ?? [24, 48]).map((h) => ({ startsAt: iso(h * HOUR), endsAt: iso(h * HOUR + 3 * HOUR) })),
          seats: o.seats ?? 10, ...(o.feeCents !== undefined ? { feeCents: o.feeCents } : {}),
        },
      })
      expect(res.statusCode, res.body).toBe(201)
      return res.json<CourseView>()
    },

    enrol: (p, body) => call(t.app, 'POST', '/api/v1/training/enrolments', { session: p.session, body }),

    async count(table) {
      return Number((await t.app.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    },

    setLabFee(module, cents) {
      t.setProgram((d) => ({ ...d, trainingFees: { learningLabPerModuleCents: { ...(d.trainingFees?.learningLabPerModuleCents ?? {}), [module]: cents } } }))
    },

    async close() {
      t.setProgram(() => shipped)
      await t.close()
    },
  }
  return world
}

export const enrolmentOf = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(201)
  return res.json<EnrolmentView>()
}
