// Full-length practice tests: a module's blueprint drawn from the practice pool only, timed by the
// module's time limit (the learner's approved extended time applies) or untimed. Answers are saved as
// the learner goes; a timed test's clock is the server's: a save after the deadline is refused and the
// test counts as submitted at the deadline. Submitting scores it with the results module's rule
// (common/rules/module-result.ts) into a diagnostic shaped like the score report, and every answer
// given counts toward the skills' mastery.
import { randomInt } from 'node:crypto'
import type { FormItem } from '../../../common/items/form-assembly.js'
import { timeFactor } from '../../../common/rules/accommodations.js'
import { initialDeadline } from '../../../common/rules/attempt-lifecycle.js'
import { calculatorAllowed } from '../../../common/rules/calculator.js'
import { itemMicroPoints, MICRO, moduleResult } from '../../../common/rules/module-result.js'
import type { PracticeDiagnostic, PracticeTestSummary, PracticeTestView } from '../../../common/schemas/practice.js'
import type { ServerContext } from '../../context.js'
import { lockCandidate } from '../../db/candidate-lock.js'
import type { PracticeAnswersTable } from '../../db/schema.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { requireActor, type Actor } from '../accounts/actor.js'
import type { AccommodationsService } from '../accommodations/accommodations.service.js'
import type { ItemBankService } from '../item-bank/item-bank.service.js'
import type { StoredItemModel } from '../item-bank/item-model.js'
import type { LearningRecordsService } from '../learning-records/learning-records.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { MasteryService } from './mastery.service.js'
import { requirePractise, type PractiseAccess } from './practice-access.js'
import { authoredResponse, judgeAnswer, presentedItems, presentedResponse } from './practice-items.js'
import { answeredEvent, practiceTestEvent } from './practice-xapi.js'
import { insertAnswers } from './practice.repository.js'
import { expiredTestIds, findTest, holdRunningTest, insertTest, responsesOf, storeDiagnostic, submitTest, testsOf, upsertResponse } from './practice-test.repository.js'
import type { StudyPlanService } from './study-plan.service.js'

const MAX_TESTS_LISTED = 100

type TestRow = NonNullable<Awaited<ReturnType<typeof findTest>>>

const closed = () => new AppError('PRACTICE_TEST_CLOSED', 'This practice test is over: it was submitted, or its time is up.')

export function createPracticeTestService(
  ctx: ServerContext,
  deps: {
    program: ProgramService; itemBank: ItemBankService; accommodations: Pick<AccommodationsService, 'adjustmentsFor'>; learningRecords: LearningRecordsService
    mastery: MasteryService; studyPlans: Pick<StudyPlanService, 'afterMastery' | 'invite'>; access: PractiseAccess
  },
) {
  const { db } = ctx
  const now = () => ctx.clock()
  const moduleName = (code: string) => deps.program.module(code)?.name ?? code
  const expired = (t: TestRow) => t.status === 'in_progress' && t.deadline_at !== null && now().getTime() > Date.parse(t.deadline_at)

  /** The form's items still in the active practice pool, with their models: nothing else is shown or saved. */
  async function practiceModels(form: readonly FormItem[]): Promise<Map<string, StoredItemModel>> {
    const active = await deps.itemBank.activeInPool(form.map((f) => f.itemId), 'practice')
    return new Map((await deps.itemBank.versions(form.filter((f) => active.has(f.itemId)))).map((v) => [v.itemId, v.model]))
  }

  function summaryOf(t: TestRow): PracticeTestSummary {
    return {
      id: t.id, module: t.module, moduleName: moduleName(t.module), timed: t.timed === 1, status: t.status, startedAt: t.started_at,
      submittedAt: t.submitted_at, submittedBy: t.submitted_by, itemCount: (JSON.parse(t.form) as FormItem[]).length,
      diagnostic: t.result ? (JSON.parse(t.result) as PracticeDiagnostic) : null,
    }
  }

  async function view(t: TestRow): Promise<PracticeTestView> {
    const running = t.status === 'in_progress'
    const form = JSON.parse(t.form) as FormItem[]
    const models = running ? await practiceModels(form) : new Map<string, StoredItemModel>()
    const responses: Record<string, unknown> = {}
    if (running) {
      for (const r of await responsesOf(db, t.id)) {
        const model = models.get(r.item_id)
        if (model) responses[r.item_id] = presentedResponse(r.item_id, t.seed, model, JSON.parse(r.response) as unknown)
      }
    }
    return {
      ...summaryOf(t),
      deadline: t.deadline_at,
      remainingMs: running && t.deadline_at ? Math.max(0, Date.parse(t.deadline_at) - now().getTime()) : null,
      serverTime: now().toISOString(),
      calculator: calculatorAllowed(t.module),
      items: running ? presentedItems(form, t.seed, models) : [],
      responses,
    }
  }

  /**
   * Submits and scores a running test, in one transaction: the move to submitted (a timed test past
   * its deadline is submitted as of the deadline), the diagnostic, an answer row per item answered,
   * their statements, and the mastery and study plans they change. False when it was not running.
   */
  async function submitIn(test: TestRow, by: 'learner' | 'deadline'): Promise<boolean> {
    const form = JSON.parse(test.form) as FormItem[]
    const models = new Map((await deps.itemBank.versions(form)).map((v) => [v.itemId, v.model]))
    const info = new Map(await Promise.all(form.map(async (f) => [f.itemId, await deps.itemBank.find(f.itemId)] as const)))
    const mod = deps.program.module(test.module)!
    const submittedAt = by === 'deadline' && test.deadline_at ? test.deadline_at : now().toISOString()
    const outcome = await inTransaction(db, async (trx) => {
      await lockCandidate(trx, test.user_id, ctx.dialect)
      if (!(await submitTest(trx, test.id, { submitted_at: submittedAt, submitted_by: by, updated_at: now().toISOString() }))) return null
      const saved = new Map((await responsesOf(trx, test.id)).map((r) => [r.item_id, JSON.parse(r.response) as unknown]))
      const answers: PracticeAnswersTable[] = []
      const scored = form.map((f, index) => {
        const model = models.get(f.itemId)!
        const response = saved.get(f.itemId)
        const judged = response === undefined ? { score: 0, maxScore: model.scoring.maxScore, correct: false } : judgeAnswer(model, response)
        if (response !== undefined) {
          answers.push({
            id: newId(), user_id: test.user_id, item_id: f.itemId, item_version: f.version, module: test.module, skill: f.skill, source_kind: 'test', source_id: test.id,
            response: JSON.stringify(response), score_micro: itemMicroPoints(judged.score, judged.maxScore), correct: judged.correct ? 1 : 0, answered_at: submittedAt, seq: index,
          })
        }
        return { f, response, judged }
      })
      const result = moduleResult(scored.map((s) => ({ skill: s.f.skill, score: s.judged.score, maxScore: s.judged.maxScore })), mod.passPercent, mod.skills.map((s) => s.code))
      const names = new Map(mod.skills.map((s) => [s.code, s.name]))
      const diagnostic: PracticeDiagnostic = {
        module: test.module, percent: result.percent, passed: result.passed, passPercent: mod.passPercent,
        skills: result.skills.map((s) => ({ code: s.code, name: names.get(s.code) ?? s.code, percent: s.percent, belowStandard: s.belowStandard })),
        answered: answers.length, total: form.length,
      }
      await storeDiagnostic(trx, test.id, JSON.stringify(diagnostic))
      await insertAnswers(trx, answers)
      const ref = { id: test.id, module: test.module, moduleName: mod.name }
      await deps.learningRecords.record(trx, [
        ...scored.filter((s) => s.response !== undefined).map((s) => answeredEvent({
          userId: test.user_id, item: { identifier: info.get(s.f.itemId)?.identifier ?? s.f.itemId, title: info.get(s.f.itemId)?.title ?? s.f.itemId, skill: s.f.skill, module: test.module },
          score: s.judged.score, maxScore: s.judged.maxScore, correct: s.judged.correct, response: s.response,
          parent: { kind: 'practice_test', testId: test.id, moduleName: mod.name },
        })),
        practiceTestEvent(test.user_id, result.passed ? 'passed' : 'failed', ref, { earned: result.earnedMicro / MICRO, possible: result.possibleMicro / MICRO, passed: result.passed }),
        practiceTestEvent(test.user_id, 'completed', ref, { earned: result.earnedMicro / MICRO, possible: result.possibleMicro / MICRO, passed: result.passed }),
      ])
      await deps.mastery.afterAnswers(trx, test.user_id, answers.map((a) => a.skill))
      return { plans: await deps.studyPlans.afterMastery(trx, test.user_id) }
    })
    if (outcome) deps.studyPlans.invite(outcome.plans)
    return outcome !== null
  }

  async function ownTest(actor: Actor | null, id: string): Promise<{ userId: string; test: TestRow }> {
    const who = requireActor(actor)
    const test = await findTest(db, id)
    // Another learner's test does not exist, as far as this learner can tell.
    if (!test || test.user_id !== who.userId) throw notFound('The practice test')
    await requirePractise(deps.access, who.userId, test.module)
    return { userId: who.userId, test }
  }

  /** A running timed test whose time is up is submitted as of its deadline (also done when it is next read). */
  async function settle(test: TestRow): Promise<TestRow> {
    if (!expired(test)) return test
    await submitIn(test, 'deadline')
    return (await findTest(db, test.id))!
  }

  return {
    /** Every timed test of the learner whose time ran out, submitted as of its deadline. */
    async settleExpired(userId: string): Promise<void> {
      for (const id of await expiredTestIds(db, userId, now().toISOString())) {
        const test = await findTest(db, id)
        if (test) await settle(test)
      }
    },

    async start(actor: Actor | null, input: { module: string; timed: boolean }): Promise<PracticeTestView> {
      const who = requireActor(actor)
      const mod = deps.program.module(input.module)
      if (!mod) throw notFound(`The module ${input.module}`)
      await requirePractise(deps.access, who.userId, mod.code)
      const seed = randomInt(0, 2 ** 32 - 1)
      const assembled = await deps.itemBank.assemble(mod.code, 'practice', seed)
      // The form comes from the practice pool; checked again here, so nothing else could ever be served.
      const practice = await deps.itemBank.activeInPool(assembled.form.map((f) => f.itemId), 'practice')
      if (assembled.form.some((f) => !practice.has(f.itemId))) throw new Error('a practice form drew an item outside the active practice pool')
      const factor = timeFactor((await deps.accommodations.adjustmentsFor([who.userId])).get(who.userId) ?? [])
      const at = now()
      const id = newId()
      await inTransaction(db, async (trx) => {
        await insertTest(trx, {
          id, user_id: who.userId, module: mod.code, seed, form: JSON.stringify(assembled.form), timed: input.timed ? 1 : 0, status: 'in_progress',
          started_at: at.toISOString(), deadline_at: input.timed ? initialDeadline(at, mod.timeLimitMinutes, factor) : null,
          submitted_at: null, submitted_by: null, result: null, updated_at: at.toISOString(),
        })
        await deps.learningRecords.record(trx, practiceTestEvent(who.userId, 'attempted', { id, module: mod.code, moduleName: mod.name }))
      })
      return view((await findTest(db, id))!)
    },

    async get(actor: Actor | null, id: string): Promise<PracticeTestView> {
      const { test } = await ownTest(actor, id)
      return view(await settle(test))
    },

    /** Saves one answer while the test runs (and, timed, before its deadline). */
    async save(actor: Actor | null, id: string, itemId: string, input: { response: unknown }) {
      const { test } = await ownTest(actor, id)
      if (expired(test)) {
        await settle(test)
        throw closed()
      }
      if (test.status !== 'in_progress') throw closed()
      const drawn = (JSON.parse(test.form) as FormItem[]).find((f) => f.itemId === itemId)
      const model = drawn ? (await practiceModels([drawn])).get(itemId) : undefined
      if (!drawn || !model) throw notFound('The item in this practice test')
      const response = JSON.stringify(authoredResponse(itemId, test.seed, model, input.response))
      const at = now().toISOString()
      const saved = await inTransaction(db, async (trx) => {
        if (!(await holdRunningTest(trx, id, at))) return false
        await upsertResponse(trx, id, itemId, response, at)
        return true
      })
      if (!saved) {
        await settle((await findTest(db, id))!)
        throw closed()
      }
      return { itemId, savedAt: at }
    },

    async submit(actor: Actor | null, id: string): Promise<PracticeTestView> {
      const { test } = await ownTest(actor, id)
      if (test.status !== 'in_progress') throw closed()
      // Past the deadline the server has submitted it as of then (or does so now); the answers saved in time count.
      if (!(await submitIn(test, expired(test) ? 'deadline' : 'learner'))) throw closed()
      return view((await findTest(db, id))!)
    },

    async mine(actor: Actor | null): Promise<{ items: PracticeTestSummary[] }> {
      const who = requireActor(actor)
      await this.settleExpired(who.userId)
      return { items: await this.summaries(who.userId) }
    },

    async summaries(userId: string): Promise<PracticeTestSummary[]> {
      return (await testsOf(db, userId, MAX_TESTS_LISTED)).map(summaryOf)
    },
  }
}

export type PracticeTestService = ReturnType<typeof createPracticeTestService>
