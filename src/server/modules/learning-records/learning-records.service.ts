// Learning records: every module that teaches (the Learning Lab, practice, courses) reports what a
// learner did as a LearningEvent; this service turns it into an xAPI 1.0.3 statement and stores it in
// the caller's transaction, so a statement exists exactly when the thing it records was committed.
import { buildStatement, type LearningEvent, type XapiStatement } from '../../../common/learning/xapi-statements.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx } from '../../db/database.js'
import { newId } from '../../ids.js'
import { insertStatements, statementsOf } from './learning-records.repository.js'

export function createLearningRecordsService(ctx: ServerContext) {
  return {
    /** Records events as statements in `within` (the caller's transaction); returns the statements. */
    async record(within: DbOrTx, events: LearningEvent | readonly LearningEvent[]): Promise<XapiStatement[]> {
      const list = Array.isArray(events) ? (events as readonly LearningEvent[]) : [events as LearningEvent]
      const now = ctx.clock()
      const statements = list.map((event) => ({ event, statement: buildStatement(event, { id: newId(), baseUrl: ctx.config.publicUrl, now }) }))
      await insertStatements(within, statements.map(({ event, statement }) => ({
        id: statement.id, user_id: event.userId, verb: event.verb, object_kind: event.object.kind, object_id: statement.object.id,
        skill: event.skill ?? null, module: event.module ?? null, statement: JSON.stringify(statement),
        timestamp: statement.timestamp, stored_at: statement.stored,
      })))
      return statements.map((s) => s.statement)
    },

    /** One learner's statements, newest first. */
    async statementsOf(userId: string, o: { limit: number; before?: { storedAt: string; id: string } }) {
      const rows = await statementsOf(ctx.db, userId, o)
      return rows.map((r) => ({ ...r, statement: JSON.parse(r.statement) as XapiStatement }))
    },
  }
}

export type LearningRecordsService = ReturnType<typeof createLearningRecordsService>
