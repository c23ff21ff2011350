// The world the hostile suite attacks: a test app with the shipped item bank and the demo data (as
// test/helpers/delivery.ts deliveryWorld builds it), the six roles logged in with the demo
// accounts, and real ids of every kind of thing the routes take (an attempt in progress, a passed
// attempt with its certificate, a registration with an invoice, an accommodation request with a
// document, a job, a token…), so that a request with one hostile field and real values elsewhere
// gets past the lookups and into the service.
import type { FastifyInstance } from 'fastify'
import { seedDemo } from '../../../src/server/db/seed/demo.js'
import { call, login, register, type Session } from '../http-client.js'
import { createTestApp, type DatabaseKind, type TestApp } from '../test-app.js'
import { baseline, type Known } from './values.js'
import type { Operation } from './openapi.js'

// issue 13: trainers too (the demo trainer), who teach courses and record attendance.
export const ROLES = ['anonymous', 'candidate', 'proctor', 'center_admin', 'program_staff', 'employer', 'trainer'] as const
export type RoleName = (typeof ROLES)[number]

const DEMO_PASSWORD = 'mt1-demo'
const DEMO_EMAIL: Record<Exclude<RoleName, 'anonymous'>, string> = {
  candidate: 'candidate@demo.test',
  proctor: 'proctor@demo.test',
  center_admin: 'center@demo.test',
  program_staff: 'admin@demo.test',
  employer: 'employer@demo.test',
  trainer: 'trainer@demo.test',
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')

export interface HostileWorld {
  t: TestApp
  app: FastifyInstance
  sessions: Map<RoleName, Session | undefined>
  /** Logs a role in again (after a request of its own ended its session). */
  relogin(role: RoleName): Promise<void>
  known: Known
  /** The OpenAPI document the app serves. */
  openapi: unknown
  fixtures: Record<string, string>
}

function expectStatus(res: { statusCode: number; body: string }, status: number | number[], what: string) {
  const ok = Array.isArray(status) ? status.includes(res.statusCode) : res.statusCode === status
  if (!ok) throw new Error(`hostile world: ${what} answered ${res.statusCode}: ${res.body.slice(0, 500)}`)
}

export async function hostileWorld(kind: DatabaseKind): Promise<HostileWorld> {
  // Public rate limits off (0, as for load tests), so hostile requests reach validation and the
  // services instead of stopping at 429 after the first hundred.
  const t = await createTestApp(kind, { rateLimitPublicPerMinute: 0 })
  const app = t.app
  await app.services.itemBank.seedShippedBank()
  await seedDemo(app, t.clock())

  const sessions = new Map<RoleName, Session | undefined>([['anonymous', undefined]])
  for (const [role, email] of Object.entries(DEMO_EMAIL)) sessions.set(role as RoleName, await login(app, email, DEMO_PASSWORD))
  const as = (role: RoleName) => sessions.get(role)!
  const staff = as('program_staff')
  const candidate = as('candidate')
  const proctor = as('proctor')

  const fixtures: Record<string, string> = {}
  const openapiRes = await call(app, 'GET', '/api/openapi.json')
  expectStatus(openapiRes, 200, 'GET /api/openapi.json')
  const openapi = openapiRes.json() as unknown

  const allSessions = (await call(app, 'GET', '/api/v1/sessions')).json().items as { id: string; centerId: string; status: string; startsAt: string }[]
  const live = allSessions.find((s) => s.status === 'in_progress')!
  const future = allSessions.filter((s) => s.status === 'scheduled' && s.centerId === live.centerId).sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  fixtures.liveSessionId = live.id
  fixtures.tomorrowSessionId = future[0]!.id
  fixtures.weekSessionId = future[1]!.id
  fixtures.centerId = live.centerId
  const centers = (await call(app, 'GET', '/api/v1/centers')).json().items as { id: string }[]
  fixtures.otherCenterId = centers.find((c) => c.id !== live.centerId)!.id
  fixtures.proctorId = proctor.userId
  fixtures.candidateId = candidate.userId
  fixtures.employerId = as('employer').userId

  // The demo candidate sits QBA (all correct: a result and a QBA certificate) and starts MM.
  const reg = await call(app, 'POST', '/api/v1/admin/registrations', {
    session: staff, body: { candidateId: candidate.userId, sessionId: live.id, modules: ['QBA', 'MM'], overrideReason: 'Walk-in approved by the program' },
  })
  expectStatus(reg, 201, 'staff registration of the demo candidate')
  fixtures.liveRegistrationId = reg.json().id
  expectStatus(await call(app, 'POST', `/api/v1/sessions/${live.id}/presence`, { session: proctor }), 200, 'proctor presence')
  expectStatus(await call(app, 'POST', `/api/v1/sessions/${live.id}/checkins`, { session: proctor, body: { registrationId: fixtures.liveRegistrationId, idVerified: true } }), 201, 'check-in')
  const device = 'device-hostile-0001'
  fixtures.device = device
  const start = async (module: string) => {
    const res = await call(app, 'POST', '/api/v1/attempts', { session: candidate, body: { registrationId: fixtures.liveRegistrationId, module }, headers: { 'x-attempt-device': device } })
    expectStatus(res, 201, `start ${module}`)
    return res.json() as { id: string; items: { id: string }[] }
  }
  const keyOf = async (itemId: string, attemptId: string) => {
    const res = await call(app, 'GET', `/api/v1/admin/items/${itemId}?attemptId=${attemptId}`, { session: staff })
    expectStatus(res, 200, 'item key')
    return res.json().correctResponse as unknown
  }
  const qba = await start('QBA')
  for (const item of qba.items) {
    const saved = await call(app, 'PUT', `/api/v1/attempts/${qba.id}/responses/${item.id}`, { session: candidate, body: { response: await keyOf(item.id, qba.id), seq: 1 }, headers: { 'x-attempt-device': device } })
    expectStatus(saved, 200, 'save')
  }
  expectStatus(await call(app, 'POST', `/api/v1/attempts/${qba.id}/submit`, { session: candidate, headers: { 'x-attempt-device': device } }), 200, 'submit QBA')
  fixtures.passedAttemptId = qba.id
  const held = (await call(app, 'GET', '/api/v1/me/credentials', { session: candidate })).json().items as { certificateNumber: string }[]
  if (!held[0]) throw new Error('hostile world: the demo candidate holds no certificate after passing QBA')
  fixtures.certificateNumber = held[0].certificateNumber
  const mm = await start('MM')
  fixtures.attemptId = mm.id
  fixtures.itemId = mm.items[0]!.id
  fixtures.response = JSON.stringify(await keyOf(mm.items[0]!.id, mm.id))

  // A booking a week ahead, paid by invoice when there is a fee.
  const booked = await call(app, 'POST', '/api/v1/registrations', { session: candidate, body: { sessionId: fixtures.weekSessionId, modules: ['SRMT'] } })
  expectStatus(booked, 201, 'candidate booking')
  fixtures.registrationId = booked.json().id
  if (booked.json().status === 'pending_payment') {
    const invoice = await call(app, 'POST', `/api/v1/registrations/${fixtures.registrationId}/payment`, { session: candidate, body: { method: 'invoice' } })
    expectStatus(invoice, [200, 201], 'invoice')
    if (invoice.json().invoiceId) fixtures.invoiceId = invoice.json().invoiceId
  }

  // An accommodation request with one document.
  const accommodation = await call(app, 'POST', '/api/v1/me/accommodation-requests', {
    session: candidate, body: { categories: ['reading'], adjustments: ['extended_time_1_5x'], statement: 'Dyslexia, diagnosed 2019; letter from my doctor attached.' },
  })
  expectStatus(accommodation, 201, 'accommodation request')
  fixtures.accommodationRequestId = accommodation.json().id
  const doc = await call(app, 'POST', `/api/v1/me/accommodation-requests/${fixtures.accommodationRequestId}/documents?fileName=letter.pdf`, {
    session: candidate, payload: PDF as unknown as string, headers: { 'content-type': 'application/pdf' },
  })
  expectStatus(doc, 201, 'accommodation document')
  fixtures.documentId = doc.json().id

  // A cohort job, a handbook request, an onsite request, an API token and a user staff may edit.
  const cohort = await call(app, 'POST', `/api/v1/sessions/${fixtures.weekSessionId}/cohort`, {
    session: as('center_admin'), payload: 'name,email,modules\nHostile Cohort,cohort-hostile@example.com,MM\n', headers: { 'content-type': 'text/csv' },
  })
  expectStatus(cohort, 202, 'cohort upload')
  fixtures.jobId = cohort.json().jobId
  await t.idle()

  const target = await register(app, { email: 'hostile-target@example.com' })
  fixtures.targetUserId = target.userId

  const itemRow = await app.db.selectFrom('item_assets').select('sha256').limit(1).executeTakeFirst()
  if (itemRow) fixtures.sha256 = itemRow.sha256
  const issuer = await call(app, 'GET', '/api/v1/issuer')
  const keyId = /\/keys\/(\d{8}-[0-9a-f]{8})/.exec(issuer.body)?.[1]
  if (keyId) fixtures.keyId = keyId
  const program = (await call(app, 'GET', '/api/v1/program')).json() as { modules: { code: string; skills: { code: string }[] }[] }
  fixtures.skill = program.modules.find((m) => m.code === 'MM')!.skills[0]!.code

  // issue 13, training stream: the demo course, its first meeting, its trainer, and the demo candidate's seat in it.
  const demoCourse = ((await call(app, 'GET', '/api/v1/training/courses')).json().items as { id: string; meetings: { id: string }[]; trainer: { id: string } }[])[0]
  if (!demoCourse) throw new Error('hostile world: the demo data has no course')
  fixtures.courseId = demoCourse.id
  fixtures.meetingId = demoCourse.meetings[0]!.id
  fixtures.trainerId = demoCourse.trainer.id
  const seat = await call(app, 'POST', '/api/v1/training/enrolments', { session: candidate, body: { offeringId: demoCourse.id } })
  expectStatus(seat, 201, 'the demo candidate enrols in the demo course')
  fixtures.enrolmentId = seat.json().id
  // issue 14: the demo employer's organisation (the demo employer owns it), attacked by every role.
  const organisations = (await call(app, 'GET', '/api/v1/me/organisations', { session: as('employer') })).json().items as { organisation: { id: string } }[]
  if (!organisations[0]) throw new Error('hostile world: the demo employer has no organisation')
  fixtures.organisationId = organisations[0].organisation.id

  const now = () => t.clock()
  const known: Known = {
    now,
    value(name, path) {
      return byPath(path, name) ?? byName[name]
    },
  }
  const byName: Record<string, string | undefined> = {
    candidateId: fixtures.candidateId,
    sessionId: fixtures.weekSessionId,
    registrationId: fixtures.liveRegistrationId,
    centerId: fixtures.centerId,
    proctorIds: fixtures.proctorId,
    proctorId: fixtures.proctorId,
    userId: fixtures.proctorId,
    module: 'MM',
    modules: 'MM',
    skill: fixtures.skill,
    itemIds: fixtures.itemId,
    itemId: fixtures.itemId,
    attemptId: fixtures.attemptId,
    certificateNumber: fixtures.certificateNumber,
    sha256: fixtures.sha256,
    listId: '1',
    code: 'QBA',
    keyId: fixtures.keyId,
    response: fixtures.response,
    'x-attempt-device': device,
    'key.key': 'MM',
    fileName: 'letter.pdf',
    // issue 13, training stream
    offeringId: fixtures.courseId,
    meetingId: fixtures.meetingId,
    trainerId: fixtures.trainerId,
    enrolmentId: fixtures.enrolmentId,
    // issue 14
    organisationId: fixtures.organisationId,
  }
  const byPath = (path: string, name: string): string | undefined => {
    if (name === 'id') {
      const rules: [RegExp, string | undefined][] = [
        [/^\/api\/v1\/admin\/users\//, fixtures.targetUserId],
        [/^\/api\/v1\/admin\/api-tokens\//, fixtures.tokenId],
        [/^\/api\/v1\/admin\/handbook-requests\//, fixtures.handbookRequestId],
        [/^\/api\/v1\/sessions\/\{id\}(\/cancel)?$/, fixtures.tomorrowSessionId],
        [/^\/api\/v1\/sessions\/\{id\}\/(cohort|invitations|roster)/, fixtures.weekSessionId],
        [/^\/api\/v1\/sessions\//, fixtures.liveSessionId],
        [/^\/api\/v1\/jobs\//, fixtures.jobId],
        [/^\/api\/v1\/admin\/items\//, fixtures.itemId],
        [/^\/api\/v1\/admin\/centers\//, fixtures.otherCenterId],
        [/^\/api\/v1\/admin\/onsite-requests\//, fixtures.onsiteRequestId],
        [/^\/api\/v1\/registrations\/\{id\}\/sitting/, fixtures.liveRegistrationId],
        [/^\/api\/v1\/(admin\/)?registrations\//, fixtures.registrationId],
        [/^\/api\/v1\/admin\/invoices\//, fixtures.invoiceId],
        [/accommodation-requests\//, fixtures.accommodationRequestId],
        [/^\/api\/v1\/accommodation-documents\//, fixtures.documentId],
        [/^\/api\/v1\/attempts\//, fixtures.attemptId],
        // issue 13, training stream
        [/^\/api\/v1\/training\/courses\//, fixtures.courseId],
        [/^\/api\/v1\/training\/enrolments\//, fixtures.enrolmentId],
        // issue 14
        [/^\/api\/v1\/(admin\/)?organisations\//, fixtures.organisationId],
      ]
      return rules.find(([re]) => re.test(path))?.[1]
    }
    if (name === 'attemptId' && path.startsWith('/api/v1/me/results/')) return fixtures.passedAttemptId
    if (name === 'userId' && path === '/api/v1/admin/api-tokens') return fixtures.employerId
    if (name === 'userId' && path.startsWith('/api/v1/admin/trainers/')) return fixtures.trainerId
    if (name === 'sessionId' && path === '/api/v1/admin/registrations') return fixtures.tomorrowSessionId
    if (name === 'fileName' && path === '/api/v1/admin/item-figures') return 'figure.svg'
    return undefined
  }

  // Requests made from the OpenAPI schemas themselves: a handbook request (anyone), an onsite
  // request (the employer) and an API token (staff); they prove the baseline generator writes
  // valid bodies.
  const operations = new Map<string, { schema: unknown }>()
  const document = openapi as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>> }
  for (const [p, ops] of Object.entries(document.paths)) for (const [m, op] of Object.entries(ops)) if (op.requestBody) operations.set(`${m.toUpperCase()} ${p}`, { schema: op.requestBody.content['application/json']?.schema })
  const bodyFor = (key: string) => baseline(operations.get(key)!.schema as Operation['body'] & object, 'body', key.split(' ')[1]!, known)
  const handbook = await call(app, 'POST', '/api/v1/program/handbook-requests', { body: bodyFor('POST /api/v1/program/handbook-requests') })
  expectStatus(handbook, 201, 'handbook request from the schema baseline')
  fixtures.handbookRequestId = handbook.json().id
  const onsite = await call(app, 'POST', '/api/v1/onsite-requests', { session: as('employer'), body: bodyFor('POST /api/v1/onsite-requests') })
  expectStatus(onsite, 201, 'onsite request from the schema baseline')
  fixtures.onsiteRequestId = onsite.json().id
  const token = await call(app, 'POST', '/api/v1/admin/api-tokens', { session: staff, body: bodyFor('POST /api/v1/admin/api-tokens') })
  expectStatus(token, 201, 'API token from the schema baseline')
  fixtures.tokenId = token.json().id

  return {
    t,
    app,
    sessions,
    known,
    openapi,
    fixtures,
    async relogin(role) {
      if (role === 'anonymous') return
      sessions.set(role, await login(app, DEMO_EMAIL[role], DEMO_PASSWORD))
    },
  }
}

