// Shared setup for the delivery tests: an app with the shipped item bank and the demo data, the
// demo proctor, program staff, and small steps over the public API (admit a walk-in, start an
// attempt, answer items correctly with the key staff see at GET /admin/items/{id}, submit).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect } from 'vitest'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../../src/server/app.js'
import { loadConfig, type AppConfig } from '../../src/server/config.js'
import { seedDemo } from '../../src/server/db/seed/demo.js'
import { call, login, register, staffSession, type Session } from './http-client.js'
import { createTestApp, type DatabaseKind, type TestApp } from './test-app.js'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const CERTIFICATE_NUMBER = /^MT1-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]$/

export interface SkillView { code: string; name: string; percent: number; belowStandard: boolean }
export interface ResultView { module: string; percent: number; passed: boolean; skills: SkillView[] }
export interface AttemptView {
  id: string; registrationId: string; sessionId: string; module: string; status: string; startedAt: string; deadline: string; remainingMs: number
  pauseReason: string | null; accommodations: string[]; items: { id: string; type: string; presentation: unknown }[]
  responses: Record<string, { response: unknown; seq: number; savedAt: string }>; flags: string[]; result: ResultView | null
}
export interface Award { type: string; certificateNumber: string; issuedOn: string }

export interface Admitted {
  c: Session
  registrationId: string
}

export interface DeliveryWorld {
  t: TestApp
  staff: Session
  proctor: Session
  liveSessionId: string
  centerId: string
  /** Skill codes of each module in program order. */
  skillsOf: Map<string, string[]>
  /** Logs staff and the proctor in again (after the clock moved past their login's idle timeout). */
  relogin(): Promise<void>
  heartbeat(sessionId?: string): Promise<LightMyRequestResponse>
  checkIn(registrationId: string, sessionId?: string): Promise<LightMyRequestResponse>
  /**
   * A new session of the demo center, created by staff (sessions must start in the future), with a
   * certified proctor of its own: a proctor is in one session at a time, and the demo proctor runs
   * the demo's session in progress.
   */
  newSession(startsInMs: number, hours?: number, seats?: number): Promise<string>
  /** The proctor of a session newSession made; the demo proctor for the demo's sessions. */
  proctorOf(sessionId?: string): Session
  /** A new candidate registered by staff (a walk-in, so the 48-hour rule is overridden) and checked in. */
  admitted(email: string, modules: string[], options?: { sessionId?: string; firstName?: string; lastName?: string; adjustments?: string[] }): Promise<Admitted>
  /** Approves an accommodation request with these adjustments for the candidate. */
  approveAdjustments(c: Session, adjustments: string[]): Promise<void>
  /**
   * Starts a module (after a heartbeat), expecting 201, from `device` (by default a device of the
   * candidate's own, which get, save and submit then send unless told otherwise).
   */
  start(a: Admitted, module: string, device?: string): Promise<AttemptView>
  /** The device an attempt was started from. */
  deviceOf(attemptId: string): string
  get(c: Session, attemptId: string, device?: string): Promise<LightMyRequestResponse>
  save(c: Session, attemptId: string, itemId: string, response: unknown, seq?: number, device?: string): Promise<LightMyRequestResponse>
  submit(c: Session, attemptId: string, device?: string): Promise<LightMyRequestResponse>
  /** The item's skill and the response that scores full marks in the attempt's identifiers, as staff see them for that attempt. */
  itemKey(itemId: string, attemptId: string): Promise<{ skill: string; correctResponse: unknown }>
  /** The attempt's items ordered by skill (program order), then form order. */
  itemsBySkill(attempt: AttemptView): Promise<{ id: string; skill: string }[]>
  /**
   * A response written in authored identifiers, as this attempt's candidate would give it: each
   * authored choice is found on the candidate's screen by its content (choice interactions).
   */
  asPresented(attempt: AttemptView, itemId: string, authored: Record<string, string | string[]>): Promise<Record<string, string | string[]>>
  /** Saves the key for the first n items in skill order (the rest stay unanswered); returns their ids. */
  answerCorrectly(c: Session, attempt: AttemptView, n: number, device?: string): Promise<string[]>
  console(sessionId?: string): Promise<ConsoleView>
  consoleAttempt(attemptId: string, sessionId?: string): Promise<ConsoleAttempt>
}

export interface ConsoleAttempt {
  id: string; module: string; status: string; pauseReason: string | null; deadline: string; remainingMs: number; answered: number; total: number
  lastSaveAt: string | null; connection: string; focusLost: number; awaitingReadmit: boolean; extraMinutes: number
}
export interface Incident {
  id: string; category: string; occurredAt: string; endedAt: string | null; narrative: string; actionTaken: string
  registrationId: string | null; reportedBy: string | null; automatic: boolean
}
export interface ConsoleView {
  session: { id: string; centerName: string; startsAt: string; endsAt: string; status: string; closedAt: string | null }
  proctorPresent: boolean
  candidates: { registrationId: string; candidateId: string; name: string; modules: string[]; checkedInAt: string | null; accommodations: string[]; attempts: ConsoleAttempt[] }[]
  incidents: Incident[]
}

/** `overrides`: settings of the app (issue 13: the practice tests give it a program directory of their own). */
export async function deliveryWorld(kind: DatabaseKind, overrides: Partial<AppConfig> = {}): Promise<DeliveryWorld> {
  const t = await createTestApp(kind, overrides)
  await t.app.services.itemBank.seedShippedBank()
  await seedDemo(t.app, t.clock())
  const staff = await staffSession(t.app)
  const proctor = await login(t.app, 'proctor@demo.test', 'mt1-demo')
  const live = ((await call(t.app, 'GET', '/api/v1/sessions')).json().items as { id: string; centerId: string; status: string }[]).find((s) => s.status === 'in_progress')!
  const program = (await call(t.app, 'GET', '/api/v1/program')).json() as { modules: { code: string; skills: { code: string }[] }[] }
  const skillsOf = new Map(program.modules.map((m) => [m.code, m.skills.map((s) => s.code)]))
  const keys = new Map<string, { skill: string; correctResponse: unknown }>()
  const devices = new Map<string, string>()
  const deviceHeader = (attemptId: string, device?: string) => {
    const d = device ?? devices.get(attemptId)
    return d ? { headers: { 'x-attempt-device': d } } : {}
  }

  /** The proctors newSession made, by session, with their email (to log them in again). */
  const ownProctors = new Map<string, { email: string; session: Session }>()
  const proctorOf = (sessionId = live.id) => ownProctors.get(sessionId)?.session ?? world.proctor
  const heartbeat = (sessionId = live.id) => call(t.app, 'POST', `/api/v1/sessions/${sessionId}/presence`, { session: proctorOf(sessionId) })
  const checkIn = (registrationId: string, sessionId = live.id) =>
    call(t.app, 'POST', `/api/v1/sessions/${sessionId}/checkins`, { session: proctorOf(sessionId), body: { registrationId, idVerified: true } })

  const world: DeliveryWorld = {
    t, staff, proctor, liveSessionId: live.id, centerId: live.centerId, skillsOf, heartbeat, checkIn, proctorOf,

    async relogin() {
      world.staff = await login(t.app, 'staff@mt1.test', 'staff password 1')
      world.proctor = await login(t.app, 'proctor@demo.test', 'mt1-demo')
      for (const own of ownProctors.values()) own.session = await login(t.app, own.email, 'correct horse battery')
    },

    async newSession(startsInMs, hours = 6, seats = 15) {
      const email = `session-proctor-${ownProctors.size + 1}-${kind}@example.com`
      const own = await register(t.app, { email, firstName: 'Session', lastName: `Proctor ${ownProctors.size + 1}` })
      expect((await call(t.app, 'PATCH', `/api/v1/admin/users/${own.userId}`, { session: world.staff, body: { roles: ['proctor'] } })).statusCode).toBe(200)
      const since = new Date(t.clock().getTime() - 30 * 24 * HOUR).toISOString()
      const certified = await call(t.app, 'PUT', `/api/v1/admin/proctors/${own.userId}/certification`, {
        session: world.staff, body: { trainingCompletedOn: since, agreementSignedOn: since, coiDeclaredOn: since, certifiedUntil: new Date(t.clock().getTime() + 365 * 24 * HOUR).toISOString(), status: 'certified' },
      })
      expect(certified.statusCode, certified.body).toBe(200)
      const startsAt = new Date(t.clock().getTime() + startsInMs)
      const res = await call(t.app, 'POST', '/api/v1/sessions', {
        session: world.staff, body: { centerId: live.centerId, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + hours * HOUR).toISOString(), seats, modules: ['MM', 'SRMT', 'QBA'], proctorIds: [own.userId] },
      })
      expect(res.statusCode, res.body).toBe(201)
      const id = res.json().id as string
      ownProctors.set(id, { email, session: await login(t.app, email, 'correct horse battery') })
      return id
    },

    async admitted(email, modules, options = {}) {
      const c = await register(t.app, { email, ...(options.firstName ? { firstName: options.firstName } : {}), ...(options.lastName ? { lastName: options.lastName } : {}) })
      if (options.adjustments) await world.approveAdjustments(c, options.adjustments)
      const sessionId = options.sessionId ?? live.id
      const reg = await call(t.app, 'POST', '/api/v1/admin/registrations', { session: world.staff, body: { candidateId: c.userId, sessionId, modules, overrideReason: 'Walk-in approved by the program' } })
      expect(reg.statusCode, reg.body).toBe(201)
      expect(reg.json().status).toBe('confirmed')
      const registrationId = reg.json().id as string
      const admitted = await checkIn(registrationId, sessionId)
      expect(admitted.statusCode, admitted.body).toBe(201)
      return { c, registrationId }
    },

    async approveAdjustments(c, adjustments) {
      const req = await call(t.app, 'POST', '/api/v1/me/accommodation-requests', { session: c, body: { categories: ['computer_operation'], adjustments, statement: 'Documented need, letter from my physician.' } })
      expect(req.statusCode, req.body).toBe(201)
      const decided = await call(t.app, 'POST', `/api/v1/admin/accommodation-requests/${req.json().id}/decision`, { session: world.staff, body: { decision: 'approved', reason: 'Documentation supports it.' } })
      expect(decided.statusCode, decided.body).toBe(200)
    },

    async start(a, module, device = `device-${a.registrationId}`) {
      const registration = (await call(t.app, 'GET', `/api/v1/registrations/${a.registrationId}/sitting`, { session: a.c })).json() as { session: { id: string } }
      await heartbeat(registration.session.id)
      const res = await call(t.app, 'POST', '/api/v1/attempts', { session: a.c, body: { registrationId: a.registrationId, module }, headers: { 'x-attempt-device': device } })
      expect(res.statusCode, res.body).toBe(201)
      const attempt = res.json() as AttemptView
      devices.set(attempt.id, device)
      return attempt
    },

    deviceOf: (attemptId) => devices.get(attemptId)!,

    get: (c, attemptId, device) => call(t.app, 'GET', `/api/v1/attempts/${attemptId}`, { session: c, ...deviceHeader(attemptId, device) }),

    save: (c, attemptId, itemId, response, seq = 1, device) =>
      call(t.app, 'PUT', `/api/v1/attempts/${attemptId}/responses/${itemId}`, { session: c, body: { response, seq }, ...deviceHeader(attemptId, device) }),

    submit: (c, attemptId, device) => call(t.app, 'POST', `/api/v1/attempts/${attemptId}/submit`, { session: c, ...deviceHeader(attemptId, device) }),

    async itemKey(itemId, attemptId) {
      const cached = keys.get(`${attemptId}/${itemId}`)
      if (cached) return cached
      const res = await call(t.app, 'GET', `/api/v1/admin/items/${itemId}?attemptId=${attemptId}`, { session: world.staff })
      expect(res.statusCode, res.body).toBe(200)
      const body = res.json() as { skill: string; correctResponse: unknown }
      expect(body.correctResponse, `item ${itemId} has no correctResponse`).not.toBeNull()
      const key = { skill: body.skill, correctResponse: body.correctResponse }
      keys.set(`${attemptId}/${itemId}`, key)
      return key
    },

    async itemsBySkill(attempt) {
      const order = skillsOf.get(attempt.module)!
      const withSkill = await Promise.all(attempt.items.map(async (i, at) => ({ id: i.id, at, skill: (await world.itemKey(i.id, attempt.id)).skill })))
      return withSkill.sort((x, y) => order.indexOf(x.skill) - order.indexOf(y.skill) || x.at - y.at).map(({ id, skill }) => ({ id, skill }))
    },

    async asPresented(attempt, itemId, authored) {
      type Choice = { id: string; content: unknown }
      const choicesOf = (presentation: unknown, responseId: string): Choice[] => {
        const found: Choice[][] = []
        const walk = (v: unknown): void => {
          if (Array.isArray(v)) v.forEach(walk)
          else if (v && typeof v === 'object') {
            const i = (v as { interaction?: { responseId: string; choices?: Choice[] } }).interaction
            if (i && i.responseId === responseId && i.choices) found.push(i.choices)
            Object.values(v).forEach(walk)
          }
        }
        walk(presentation)
        expect(found, `choices of ${responseId}`).toHaveLength(1)
        return found[0]!
      }
      const staffView = (await call(t.app, 'GET', `/api/v1/admin/items/${itemId}`, { session: world.staff })).json() as { presentation: unknown }
      const shown = attempt.items.find((i) => i.id === itemId)!.presentation
      const out: Record<string, string | string[]> = {}
      for (const [responseId, value] of Object.entries(authored)) {
        const authoredChoices = choicesOf(staffView.presentation, responseId)
        const screen = choicesOf(shown, responseId)
        const one = (id: string) => {
          const content = JSON.stringify(authoredChoices.find((ch) => ch.id === id)!.content)
          return screen.find((ch) => JSON.stringify(ch.content) === content)!.id
        }
        out[responseId] = Array.isArray(value) ? value.map(one) : one(value)
      }
      return out
    },

    async answerCorrectly(c, attempt, n, device) {
      const chosen = (await world.itemsBySkill(attempt)).slice(0, n)
      expect(chosen).toHaveLength(n)
      for (const { id } of chosen) {
        const res = await world.save(c, attempt.id, id, (await world.itemKey(id, attempt.id)).correctResponse, 1, device)
        expect(res.statusCode, res.body).toBe(200)
        expect(res.json().applied).toBe(true)
      }
      return chosen.map((i) => i.id)
    },

    async console(sessionId = live.id) {
      const res = await call(t.app, 'GET', `/api/v1/sessions/${sessionId}/console`, { session: proctorOf(sessionId) })
      expect(res.statusCode, res.body).toBe(200)
      return res.json() as ConsoleView
    },

    async consoleAttempt(attemptId, sessionId = live.id) {
      const found = (await world.console(sessionId)).candidates.flatMap((c) => c.attempts).find((a) => a.id === attemptId)
      expect(found, `attempt ${attemptId} on the console`).toBeDefined()
      return found!
    },
  }
  return world
}

/** Staff's audit entries for one action on one entity. */
export async function auditEntries(world: DeliveryWorld, action: string, entityId: string) {
  const res = await call(world.t.app, 'GET', `/api/v1/admin/audit?action=${encodeURIComponent(action)}&entityId=${encodeURIComponent(entityId)}`, { session: world.staff })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().items as { actorId: string | null; action: string; entityType: string; entityId: string; reason: string | null; details: unknown }[]
}

/**
 * On PostgreSQL, a second app on the same database and clock, as a second server process would be
 * (its own connection pool and commit queues), so two requests can really run at once; null on SQLite.
 */
export async function secondApp(world: DeliveryWorld): Promise<{ app: FastifyInstance; close(): Promise<void> } | null> {
  const { app: first, clock } = world.t
  if (first.dialect !== 'postgres') return null
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-second-'))
  const config = loadConfig(
    { DATA_DIR: dataDir, MT1_DEMO: '0', PUBLIC_URL: 'http://mt1.test' },
    { databaseUrl: first.config.databaseUrl, databaseSchema: first.config.databaseSchema, keyEncryptionKey: first.config.keyEncryptionKey, logLevel: 'silent' },
  )
  const app = await buildApp(config, { logger: false, clock })
  return {
    app,
    async close() {
      await app.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
