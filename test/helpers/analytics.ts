// A crafted world for the program analytics tests: centers, sessions, registrations, attempts,
// results, credentials, accommodation decisions and an irregularity hold written straight into the
// owners' tables (the figures are what is tested, not the paths that produce these rows), so every
// figure has an exact expected value.
import type { FastifyInstance } from 'fastify'

const stamp = '2025-10-01T00:00:00.000Z'

export interface Sitting {
  candidate: string
  session: string
  module: 'MM' | 'SRMT' | 'QBA'
  scoredAt: string
  passed: boolean
  status?: 'scored' | 'voided'
  /** Skill codes below standard (the others of the module are at or above it). */
  below?: string[]
}

const SKILLS = { MM: ['MEAS', 'ALG', 'MQ'], SRMT: ['SPAT', 'MECH', 'FPT', 'ELEC', 'CHEM', 'MPC'], QBA: ['SPC', 'QLM', 'FLBA'] }

export function analyticsWorld(app: FastifyInstance) {
  const db = app.db
  let n = 0
  const next = () => String(++n).padStart(4, '0')

  return {
    async candidates(ids: readonly string[]) {
      await db.insertInto('users').values(ids.map((id) => ({
        id, email: `${id}@analytics.test`, password_hash: null, first_name: 'Cand', last_name: id, status: 'active' as const, created_at: stamp, updated_at: stamp,
      }))).execute()
    },
    async center(id: string, name: string) {
      await db.insertInto('centers').values({
        id, name, kind: 'center', address_line1: '1 Main St', address_line2: null, city: 'Dayton', state: 'OH', postal_code: '45402',
        phone: null, email: null, status: 'certified', certified_until: null, created_at: stamp, time_zone: 'America/New_York',
      }).execute()
    },
    async session(id: string, centerId: string, startsAt: string, status: 'scheduled' | 'closed' | 'cancelled' = 'closed') {
      await db.insertInto('test_sessions').values({
        id, center_id: centerId, starts_at: startsAt, ends_at: startsAt, seats: 40, modules: '["MM","SRMT","QBA"]', status, created_at: stamp, created_by: null, cancel_reason: null,
      }).execute()
    },
    async registration(sessionId: string, candidateId: string, status: 'confirmed' | 'cancelled' = 'confirmed'): Promise<string> {
      const id = `reg-${next()}`
      await db.insertInto('registrations').values({
        id, session_id: sessionId, candidate_id: candidateId, modules: '["MM"]', status, holds_seat: status === 'confirmed' ? 1 : 0, hold_expires_at: null,
        payment_method: 'waived', voucher_id: null, override_reason: null, created_by: null, created_at: stamp, updated_at: stamp,
        cancelled_at: status === 'cancelled' ? stamp : null, reminder_sent_at: null, queue_no: n, confirmation_number: `MT1-AN${next()}`,
      }).execute()
      return id
    },
    /** A sitting: its registration, attempt and result. Returns the attempt id. */
    async sit(s: Sitting): Promise<string> {
      const registrationId = await this.registration(s.session, s.candidate)
      const id = `att-${next()}`
      await db.insertInto('attempts').values({
        id, registration_id: registrationId, session_id: s.session, candidate_id: s.candidate, module: s.module, status: s.status ?? 'scored',
        seed: 1, form: '[]', time_factor: 1, started_at: s.scoredAt, deadline_at: s.scoredAt, paused_at: null, pause_reason: null,
        submitted_at: s.scoredAt, updated_at: s.scoredAt, device_id: null, last_seen_at: null,
      }).execute()
      const skills = SKILLS[s.module].map((code) => ({ code, earnedMicro: 1, possibleMicro: 1, percent: 100, belowStandard: (s.below ?? []).includes(code) }))
      await db.insertInto('results').values({
        attempt_id: id, candidate_id: s.candidate, module: s.module, earned_micro: s.passed ? 80 : 50, possible_micro: 100, percent: s.passed ? 80 : 50,
        passed: s.passed ? 1 : 0, skills: JSON.stringify(skills), item_scores: '[]', scored_at: s.scoredAt, passed_on: s.passed ? s.scoredAt.slice(0, 10) : null,
      }).execute()
      return id
    },
    async credential(candidateId: string, type: 'MS' | 'MT1', issuedOn: string, status: 'active' | 'withdrawn' = 'active') {
      await db.insertInto('credentials').values({
        certificate_number: `MT1-${type}-${next()}`, candidate_id: candidateId, type, issued_on: issuedOn, status, status_index: n,
        status_reason: null, status_changed_at: null, created_at: stamp,
      }).execute()
    },
    async accommodation(candidateId: string, status: 'approved' | 'partly_approved' | 'denied' | 'pending', decidedAt: string | null) {
      await db.insertInto('accommodation_requests').values({
        id: `acc-${next()}`, candidate_id: candidateId, categories: '["learning"]', adjustments: '["extra_time"]', statement: 'Crafted.', status,
        approved_adjustments: status === 'approved' ? '["extra_time"]' : null, decision_reason: null, decided_by: null, decided_at: decidedAt, created_at: stamp,
      }).execute()
    },
    async hold(candidateId: string, attemptId: string, sessionId: string, staffId: string) {
      const caseId = `case-${next()}`
      await db.insertInto('irregularity_cases').values({
        id: caseId, candidate_id: candidateId, status: 'held', version: 1, opened_by: staffId, opened_at: stamp, note: 'Crafted.',
        held_by: staffId, held_at: stamp, hold_reason: 'Crafted.', decided_by: null, decided_at: null, decision_reason: null, noticed_at: null,
        appeal_statement: null, appealed_at: null, appeal_status: null, appeal_decided_by: null, appeal_decided_at: null, appeal_reason: null, updated_at: stamp,
      }).execute()
      await db.insertInto('irregularity_case_results').values({ case_id: caseId, attempt_id: attemptId, module: 'MM', session_id: sessionId }).execute()
    },
  }
}
