// Learning records: every module that teaches (the Learning Lab, practice, courses) reports what a
// learner did as a LearningEvent; this service turns it into an xAPI 1.0.3 statement, checks it against
// the statement schema, stores it and queues it for the external learning record stores that should
// have it, all in the caller's transaction, so a statement exists exactly when the thing it records was
// committed. Sending happens after the commit (learning-record-stores.service.ts).
import { summarizeStatement } from '../../../common/learning/statement-summary.js'
import { ACTIVITY_PATHS, buildStatement, type LearningEvent, type XapiStatement } from '../../../common/learning/xapi-statements.js'
import { reportPeriodProblem } from '../../../common/rules/report-period.js'
import type { LearningRecordsPage, LearningRecordsQuery, LearningRecordView, LearningUsage, LearningUsageQuery } from '../../../common/schemas/learning-records.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx, Tx } from '../../db/database.js'
import { decodeCursor, toPage } from '../../db/pagination.js'
import { notFound } from '../../errors.js'
import { fieldError } from '../../field-errors.js'
import { newId } from '../../ids.js'
import { requireActor, requireRole, type Actor } from '../accounts/actor.js'
import type { UserDirectory } from '../accounts/users.service.js'
import { activitiesOfKindFor, firstStatementAbout, insertStatements, lastStudiedAt, lockKey, statementsOf, statementsOfKind } from './learning-records.repository.js'
import { learnersBetween, statementPage, usageBetween, type StatementFilter } from './statement-pages.repository.js'
import { assertValidStatement } from './statement-validator.js'

export interface LearningRecordsDeps {
  /** Queues recorded statements for external learning record stores (learning-record-stores.service.ts). */
  forwarding: {
    enqueue(within: DbOrTx, statements: readonly { userId: string; statementId: string }[]): Promise<number>
    kick(): void
  }
  users: Pick<UserDirectory, 'findById'>
}

/** Statements in one download page; the whole record is read page by page. */
const EXPORT_PAGE = 500

/** The lesson id at the end of a lesson activity's IRI (whatever public URL it was recorded under). */
const LESSON_IRI = /\/learning\/lessons\/([A-Z]{2,5}-\d{1,2})$/

type StatementRow = Awaited<ReturnType<typeof statementPage>>[number]

function toView(row: StatementRow): LearningRecordView {
  const statement = JSON.parse(row.statement) as XapiStatement
  return {
    id: row.id, timestamp: row.timestamp, storedAt: row.stored_at, verb: row.verb as LearningRecordView['verb'], objectKind: row.object_kind,
    skill: row.skill, module: row.module, summary: summarizeStatement(statement, row.object_kind), statement,
  }
}

export function createLearningRecordsService(ctx: ServerContext, deps: LearningRecordsDeps) {
  async function page(userId: string, query: LearningRecordsQuery): Promise<LearningRecordsPage> {
    const limit = query.limit ?? 50
    const filter: StatementFilter = { verb: query.verb, skill: query.skill }
    const rows = await statementPage(ctx.db, userId, filter, { limit, after: decodeCursor(query.cursor) })
    return toPage(rows, limit, toView, (r) => r.stored_at)
  }

  const service = {
    /**
     * Records events as statements in `within` (the caller's transaction); returns the statements. A
     * statement that is not valid xAPI 1.0.3 is a bug in the caller's event: it throws and nothing is stored.
     */
    async record(within: DbOrTx, events: LearningEvent | readonly LearningEvent[]): Promise<XapiStatement[]> {
      const list = Array.isArray(events) ? (events as readonly LearningEvent[]) : [events as LearningEvent]
      const now = ctx.clock()
      const statements = list.map((event) => ({ event, statement: buildStatement(event, { id: newId(), baseUrl: ctx.config.publicUrl, now }) }))
      for (const { statement } of statements) assertValidStatement(statement)
      await insertStatements(within, statements.map(({ event, statement }) => ({
        id: statement.id, user_id: event.userId, verb: event.verb, object_kind: event.object.kind, object_id: statement.object.id,
        skill: event.skill ?? null, module: event.module ?? null, statement: JSON.stringify(statement),
        timestamp: statement.timestamp, stored_at: statement.stored,
      })))
      const queued = await deps.forwarding.enqueue(within, statements.map(({ event, statement }) => ({ userId: event.userId, statementId: statement.id })))
      if (queued > 0) deps.forwarding.kick()
      return statements.map((s) => s.statement)
    },

    /** One learner's statements, newest first. */
    async statementsOf(userId: string, o: { limit: number; before?: { storedAt: string; id: string } }) {
      const rows = await statementsOf(ctx.db, userId, o)
      return rows.map((r) => ({ ...r, statement: JSON.parse(r.statement) as XapiStatement }))
    },

    /** The signed-in learner's own record, a page at a time, newest first, by verb and skill. */
    async mine(actor: Actor | null, query: LearningRecordsQuery): Promise<LearningRecordsPage> {
      return page(requireActor(actor).userId, query)
    },

    /** A person's record for program staff. */
    async ofPerson(actor: Actor | null, userId: string, query: LearningRecordsQuery): Promise<LearningRecordsPage> {
      requireRole(actor, 'program_staff')
      if (!(await deps.users.findById(userId))) throw notFound('The person')
      return page(userId, query)
    },

    /** Every statement of the signed-in learner, oldest first, as an xAPI StatementResult (Part Two 2.5) to download. */
    async exportMine(actor: Actor | null): Promise<{ statements: XapiStatement[]; more: string }> {
      const who = requireActor(actor)
      const statements: XapiStatement[] = []
      let before: { storedAt: string; id: string } | undefined
      for (;;) {
        const rows = await statementsOf(ctx.db, who.userId, { limit: EXPORT_PAGE, before })
        for (const r of rows) statements.push(JSON.parse(r.statement) as XapiStatement)
        const last = rows[rows.length - 1]
        if (rows.length < EXPORT_PAGE || !last) break
        before = { storedAt: last.stored_at, id: last.id }
      }
      return { statements: statements.reverse(), more: '' }
    },

    /** Learning Lab use over [from, to): statements and distinct learners by verb, and by skill with each verb's count (staff). */
    async usage(actor: Actor | null, query: LearningUsageQuery): Promise<LearningUsage> {
      requireRole(actor, 'program_staff')
      const from = new Date(query.from)
      const to = new Date(query.to)
      const problem = reportPeriodProblem(from.getTime(), to.getTime())
      if (problem) throw fieldError('to', problem)
      const [groups, verbLearners, skillLearners] = await Promise.all([
        usageBetween(ctx.db, from.toISOString(), to.toISOString()),
        learnersBetween(ctx.db, from.toISOString(), to.toISOString(), 'verb'),
        learnersBetween(ctx.db, from.toISOString(), to.toISOString(), 'skill'),
      ])
      const byVerb = new Map<string, number>()
      const bySkill = new Map<string | null, { verbs: Record<string, number>; statements: number }>()
      for (const g of groups) {
        const n = Number(g.statements)
        byVerb.set(g.verb, (byVerb.get(g.verb) ?? 0) + n)
        const entry = bySkill.get(g.skill) ?? { verbs: {}, statements: 0 }
        entry.verbs[g.verb] = (entry.verbs[g.verb] ?? 0) + n
        entry.statements += n
        bySkill.set(g.skill, entry)
      }
      const learnersOfVerb = new Map(verbLearners.map((r) => [(r as { verb: string }).verb, Number(r.learners)]))
      const learnersOfSkill = new Map(skillLearners.map((r) => [(r as { skill: string | null }).skill, Number(r.learners)]))
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        byVerb: [...byVerb].map(([verb, statements]) => ({ verb, statements, learners: learnersOfVerb.get(verb) ?? 0 })).sort((a, b) => b.statements - a.statements || a.verb.localeCompare(b.verb)),
        bySkill: [...bySkill].map(([skill, e]) => ({ skill, verbs: e.verbs, statements: e.statements, learners: learnersOfSkill.get(skill) ?? 0 }))
          .sort((a, b) => (a.skill ?? '\uffff').localeCompare(b.skill ?? '\uffff')),
      }
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

    /** For a roster: the lessons each of these learners has completed, and when each last used the Learning Lab. */
    async lessonActivityOf(userIds: readonly string[], within: DbOrTx = ctx.db): Promise<Map<string, { completedLessons: Set<string>; lastActiveAt: string | null }>> {
      const [completions, last] = await Promise.all([activitiesOfKindFor(within, userIds, 'completed', 'lesson'), lastStudiedAt(within, userIds)])
      const out = new Map(userIds.map((id) => [id, { completedLessons: new Set<string>(), lastActiveAt: null as string | null }]))
      for (const c of completions) {
        const id = LESSON_IRI.exec(c.object_id)?.[1]
        if (id) out.get(c.user_id)?.completedLessons.add(id)
      }
      for (const l of last) {
        const entry = out.get(l.user_id)
        if (entry && l.last !== null) entry.lastActiveAt = String(l.last)
      }
      return out
    },
  }
  return service
}

export type LearningRecordsService = ReturnType<typeof createLearningRecordsService>
