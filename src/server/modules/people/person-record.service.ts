// A person's record for program staff: their account and roles, registrations (with session, center,
// payment and check-in), attempts, results, credentials, accommodation requests, invoices and
// vouchers, and their audit trail. Owns no table: each part comes from the module that owns it,
// through its service, in a fixed number of reads whatever the person's history.
import { requireRole, type Actor } from '../accounts/actor.js'
import type { UsersService } from '../accounts/users.service.js'
import type { AccommodationsService } from '../accommodations/accommodations.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { AttemptRecordsService } from '../delivery/attempt-records.service.js'
import type { CredentialRecordsService } from '../registry/credential-records.service.js'
import type { ResultsService } from '../results/results.service.js'
import type { PaymentsService } from '../scheduling/payments.service.js'
import type { RegistrationsService } from '../scheduling/registrations.service.js'
import { AppError, notFound } from '../../errors.js'

export interface PersonRecordDeps {
  users: Pick<UsersService, 'get' | 'lastLoginAt'>
  registrations: Pick<RegistrationsService, 'ofCandidate'>
  payments: Pick<PaymentsService, 'ofRegistrations'>
  attempts: Pick<AttemptRecordsService, 'ofCandidate'>
  results: Pick<ResultsService, 'scoredResults'>
  credentials: Pick<CredentialRecordsService, 'ofCandidate'>
  accommodations: Pick<AccommodationsService, 'ofCandidate'>
  audit: Pick<AuditService, 'trailOf'>
}

export function createPersonRecordService(deps: PersonRecordDeps) {
  return {
    async get(actor: Actor | null, personId: string) {
      requireRole(actor, 'program_staff')
      const user = await deps.users.get(actor, personId).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'NOT_FOUND') throw notFound('The person')
        throw err
      })
      const [lastLoginAt, registrations, attempts, results, credentials, accommodations] = await Promise.all([
        deps.users.lastLoginAt(personId),
        deps.registrations.ofCandidate(personId),
        deps.attempts.ofCandidate(personId),
        deps.results.scoredResults(personId),
        deps.credentials.ofCandidate(personId),
        deps.accommodations.ofCandidate(personId),
      ])
      const payments = await deps.payments.ofRegistrations(registrations.map((r) => r.id))
      const recordIds = [
        ...registrations.map((r) => r.id), ...attempts.map((a) => a.id), ...accommodations.map((a) => a.id),
        ...credentials.map((c) => c.certificate_number), ...payments.invoices.map((i) => i.id),
      ]
      return {
        account: { ...user, lastLoginAt },
        registrations,
        attempts: attempts
          .map((a) => ({ id: a.id, registrationId: a.registration_id, sessionId: a.session_id, module: a.module, status: a.status, startedAt: a.started_at, submittedAt: a.submitted_at }))
          .sort((x, y) => y.startedAt.localeCompare(x.startedAt)),
        results: results.map((r) => ({ attemptId: r.attempt_id, module: r.module, percent: Number(r.percent), passed: Number(r.passed) === 1, scoredAt: r.scored_at })),
        credentials: credentials.map((c) => ({ certificateNumber: c.certificate_number, type: c.type, issuedOn: c.issued_on, status: c.status, statusReason: c.status_reason })),
        accommodations,
        payments,
        audit: await deps.audit.trailOf(personId, recordIds),
      }
    },
  }
}

export type PersonRecordService = ReturnType<typeof createPersonRecordService>
