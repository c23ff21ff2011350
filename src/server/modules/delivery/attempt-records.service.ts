// What other modules may read of delivery's attempts and saved responses: results asks here for a
// score report's attempt, a candidate's attempt history and, when rescoring, the attempts that drew
// an item version with their forms and responses (in batches: one call per batch, never per row).
// Nothing here writes; the attempt's lifecycle stays in delivery.service.ts and proctoring.service.ts.
import type { ServerContext } from '../../context.js'
import type { DbOrTx } from '../../db/database.js'
import { attemptById, attemptsByIds, attemptsOfCandidate, attemptsOfCandidates, checkinTimes, countIncidentsSince, responsesOfAttempts, scoredAttemptIdsDrawing, scoredAttemptsWithForms, sessionsOfAttempts } from './attempt-records.repository.js'
import { readInBatches } from '../../db/id-batches.js'

export function createAttemptRecordsService(ctx: ServerContext) {
  const { db } = ctx

  return {
    /** One attempt (id, registration, session, candidate, module, status, start and submission times). */
    get: (attemptId: string, within: DbOrTx = db) => attemptById(within, attemptId),

    /** Attempts by id (one page of the audit log). */
    many: (ids: readonly string[]) => attemptsByIds(db, ids),

    /** Every attempt of a candidate, in the caller's transaction when given (awards and bookings read it there). */
    ofCandidate: (candidateId: string, within: DbOrTx = db) => attemptsOfCandidate(within, candidateId),

    /** Every attempt of these candidates, in the caller's transaction when given (a rescoring batch's awards). */
    ofCandidates: (candidateIds: readonly string[], within: DbOrTx = db) => readInBatches(candidateIds, (slice) => attemptsOfCandidates(within, slice)),

    /** When each of these registrations was checked in, in the caller's transaction when given (no-show marking reads it there). */
    checkinsOf: (registrationIds: readonly string[], within: DbOrTx = db) => checkinTimes(within, registrationIds),

    /** The session and status of each of these attempts, in batches (the analytics: center, voided). */
    sessionsOf: (ids: readonly string[]) => readInBatches(ids, (batch) => sessionsOfAttempts(db, batch)),

    /** How many incidents were logged since a moment (the staff dashboard). */
    incidentsSince: (since: string) => countIncidentsSince(db, since),

    /** Ids of the scored attempts that drew this item version, in id order (what a rescoring walks). */
    scoredDrawing: (itemId: string, version: number) => scoredAttemptIdsDrawing(db, itemId, version),

    /** The scored attempts among `ids` with their forms, and the responses saved on them: one batch of a rescoring. */
    async scoredWithResponses(ids: readonly string[]) {
      const [attempts, responses] = await Promise.all([scoredAttemptsWithForms(db, ids), responsesOfAttempts(db, ids)])
      return { attempts, responses }
    },
  }
}

export type AttemptRecordsService = ReturnType<typeof createAttemptRecordsService>
