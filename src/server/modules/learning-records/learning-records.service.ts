// Learning records: every module that teaches (the Learning Lab, practice, courses) reports what a
// learner did as a LearningEvent; this service turns it into an xAPI 1.0.3 statement and stores it in
// the caller's transaction, so a statement exists exactly when the thing it records was committed.
import { ACTIVITY_PATHS, buildStatement, type LearningEvent, type XapiStatement } from '../../../common/learning/xapi-statements.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx, Tx } from '../../db/database.js'
import { newId } from '../../ids.js'
import { firstStatementAbout, insertStatements, lockKey, statementsOf, statementsOfKind } from './learning-records.repository.js'

/** The lesson id at the end of a lesson activity's IRI (whatever public URL it was recorded under). */
const LESSON_IRI = /\/learning\/lessons\/([A-Z]{2,5}-\d{1,2})$/

export function createLearningRecordsService(ctx: ServerContext) {
  const service = {
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

    // --- issue 13, lab-lessons ---

    /**
     * Records the event unless the learner already has a statement with its verb about its object
     * (a lesson completed twice is one completion): answers the statement that stands and whether it
     * was recorded now. Runs in the caller's transaction, serialised per learner, verb and object.
     */
    async recordOnce(trx: Tx, event: LearningEvent): Promise<{ statement: XapiStatement; created: boolean }> {
      const objectId = `${ctx.config.publicUrl}${ACTIVITY_PATHS[event.object.kind](event.object.ref)}`
      await lockKey(trx, ctx.dialect, `xapi-once|${event.userId}|${event.verb}|${objectId}`)
      const existing = await firstStatementAbout(trx, event.userId, event.verb, objectId)
      if (existing) return { statement: JSON.parse(existing.statement) as XapiStatement, created: false }
      const [statement] = await service.record(trx, event)
      return { statement: statement!, created: true }
    },

    /** The lessons a learner has completed: lesson id → when (the first completion). */
    async completedLessons(userId: string, within: DbOrTx = ctx.db): Promise<Map<string, string>> {
      const done = new Map<string, string>()
      for (const row of await statementsOfKind(within, userId, 'completed', 'lesson')) {
        const id = LESSON_IRI.exec(row.object_id)?.[1]
        if (id && !done.has(id)) done.set(id, row.timestamp)
      }
      return done
    },
  }
  return service
}

export type LearningRecordsService = ReturnType<typeof createLearningRecordsService>
