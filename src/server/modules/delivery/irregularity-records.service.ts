// What the integrity module may read and change of delivery's records: the incidents of every
// session (the staff irregularity queue), a session's attempts (to open a case on a result), and an
// attempt voided or given back by an irregularity decision, each with its attempt event, in the
// caller's transaction (the case's own row is locked first; the candidate's lock comes after).
import type { ServerContext } from '../../context.js'
import type { DbOrTx, Tx } from '../../db/database.js'
import type { CursorKey } from '../../db/pagination.js'
import { newId } from '../../ids.js'
import {
  attemptsOfSessionForReview, incidentsByIds, incidentsNewestFirst, insertAttemptEvent, unvoidAttempt, voidScoredAttempt,
} from './irregularity-records.repository.js'

export type IncidentRecord = Awaited<ReturnType<typeof incidentsByIds>>[number]

export function createIrregularityRecordsService(ctx: ServerContext) {
  const { db } = ctx

  return {
    /** Incidents of every session, newest first, from the cursor on, within [from, to). */
    incidentsPage: (filter: { from?: string | undefined; to?: string | undefined; after?: CursorKey | undefined; limit: number }) => incidentsNewestFirst(db, filter),

    incidents: (ids: readonly string[], within: DbOrTx = db) => incidentsByIds(within, ids),

    attemptsOfSession: (sessionId: string, within: DbOrTx = db) => attemptsOfSessionForReview(within, sessionId),

    /** Voids a scored attempt for an irregularity; false when it is not scored. */
    async voidIn(trx: Tx, attemptId: string, input: { actorId: string; reason: string; at: string }): Promise<boolean> {
      if (!(await voidScoredAttempt(trx, attemptId, input.at))) return false
      await insertAttemptEvent(trx, { id: newId(), attempt_id: attemptId, kind: 'voided', actor_id: input.actorId, reason: input.reason, at: input.at })
      return true
    },

    /** Gives back an attempt an irregularity decision voided (an upheld appeal); false when it is not voided. */
    async unvoidIn(trx: Tx, attemptId: string, input: { actorId: string; reason: string; at: string }): Promise<boolean> {
      if (!(await unvoidAttempt(trx, attemptId, input.at))) return false
      await insertAttemptEvent(trx, { id: newId(), attempt_id: attemptId, kind: 'reinstated', actor_id: input.actorId, reason: input.reason, at: input.at })
      return true
    },
  }
}

export type IrregularityRecordsService = ReturnType<typeof createIrregularityRecordsService>
