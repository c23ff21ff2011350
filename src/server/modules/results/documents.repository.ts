// Reads for the candidate's documents: a scored result with its candidate's name, and a certificate
// with its holder's name.
import type { DbOrTx } from '../../db/database.js'

/** A result whose attempt is still scored (a voided attempt has no report). */
export async function scoredResultWithCandidate(db: DbOrTx, attemptId: string) {
  return db
    .selectFrom('results')
    .innerJoin('attempts', 'attempts.id', 'results.attempt_id')
    .innerJoin('users', 'users.id', 'results.candidate_id')
    .select([
      'results.attempt_id', 'results.candidate_id', 'results.module', 'results.percent', 'results.passed', 'results.skills', 'results.scored_at',
      'attempts.submitted_at', 'users.first_name', 'users.last_name',
    ])
    .where('results.attempt_id', '=', attemptId)
    .where('attempts.status', '=', 'scored')
    .executeTakeFirst()
}

export async function credentialWithHolder(db: DbOrTx, certificateNumber: string) {
  return db
    .selectFrom('credentials')
    .innerJoin('users', 'users.id', 'credentials.candidate_id')
    .select(['credentials.certificate_number', 'credentials.candidate_id', 'credentials.type', 'credentials.issued_on', 'credentials.status', 'users.first_name', 'users.last_name'])
    .where('credentials.certificate_number', '=', certificateNumber)
    .executeTakeFirst()
}
