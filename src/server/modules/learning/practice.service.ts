// Practice sets: a few items of one skill from the practice pool (never the operational pool), the
// ones the learner saw least recently first, presented exactly as the test screen presents items.
// Each answer is judged at once and stored with its xAPI statement, the skill's mastery after it, and
// whatever it completes (the set, a study plan), in one transaction; the feedback then gives the key
// as the set presented it, the rationale and the lesson section that teaches the item.
import { randomInt } from 'node:crypto'
import type { FormItem } from '../../../common/items/form-assembly.js'
import { seededRandom } from '../../../common/items/seeded-random.js'
import { itemMicroPoints } from '../../../common/rules/module-result.js'
import type { PracticeAnswerView, PracticeFeedback, PracticeSetView } from '../../../common/schemas/practice.js'
import type { ServerContext } from '../../context.js'
import { lockCandidate } from '../../db/candidate-lock.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { requireActor, type Actor } from '../accounts/actor.js'
import type { ItemBankService } from '../item-bank/item-bank.service.js'
import type { StoredItemModel } from '../item-bank/item-model.js'
import type { LearningRecordsService } from '../learning-records/learning-records.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { LessonsService } from './lessons.service.js'
import type { MasteryService } from './mastery.service.js'
import { requirePractise, type PractiseAccess } from './practice-access.js'
import { authoredResponse, feedbackOf, judgeAnswer, lessonLinkOf, presentedItems } from './practice-items.js'
import { answeredEvent } from './practice-xapi.js'
import { answersOfSource, completeSet, findSet, insertAnswers, insertSet, lastAnsweredAt, nextSeqAt, recentSetsOf } from './practice.repository.js'
import type { StudyPlanService } from './study-plan.service.js'

/** Items in one set (fewer when the skill's practice pool is smaller). */
export const PRACTICE_SET_SIZE = 5
/** How many of the learner's latest sets of a skill count as "seen lately" when drawing a new one. */
const RECENT_SETS = 50

type SetRow = NonNullable<Awaited<ReturnType<typeof findSet>>>

export function createPracticeService(
  ctx: ServerContext,
  deps: {
    program: ProgramService; itemBank: ItemBankService; lessons: LessonsService; learningRecords: LearningRecordsService
    mastery: MasteryService; studyPlans: Pick<StudyPlanService, 'afterMastery' | 'invite'>; access: PractiseAccess
  },
) {
  const { db } = ctx
  const iso = () => ctx.clock().toISOString()

  // An item's identifier and title never change (an edit keeps its identifier): kept once read.
  const itemInfo = new Map<string, { identifier: string; title: string }>()
  async function infoOf(itemId: string) {
    let info = itemInfo.get(itemId)
    if (!info) {
      const row = await deps.itemBank.find(itemId)
      info = { identifier: row?.identifier ?? itemId, title: row?.title ?? itemId }
      if (row) itemInfo.set(itemId, info)
    }
    return info
  }

  /** The set's items still in the active practice pool, with their models: nothing else is ever shown or accepted. */
  async function practiceModels(form: readonly FormItem[]): Promise<Map<string, StoredItemModel>> {
    const active = await deps.itemBank.activeInPool(form.map((f) => f.itemId), 'practice')
    const versions = await deps.itemBank.versions(form.filter((f) => active.has(f.itemId)))
    return new Map(versions.map((v) => [v.itemId, v.model]))
  }

  async function ownSet(actor: Actor | null, id: string) {
    const who = requireActor(actor)
    const set = await findSet(db, id)
    // Another learner's set does not exist, as far as this learner can tell.
    if (!set || set.user_id !== who.userId) throw notFound('The practice set')
    await requirePractise(deps.access, who.userId, set.module)
    return { who, set }
  }

  async function view(set: SetRow): Promise<PracticeSetView> {
    const form = JSON.parse(set.items) as FormItem[]
    const models = await practiceModels(form)
    const feedback: Record<string, PracticeFeedback> = {}
    for (const a of await answersOfSource(db, 'set', set.id)) {
      const model = models.get(a.item_id)
      if (!model) continue
      feedback[a.item_id] = feedbackOf({
        itemId: a.item_id, seed: set.seed, model, response: JSON.parse(a.response) as unknown, answeredAt: a.answered_at,
        lesson: lessonLinkOf(deps.lessons, (await infoOf(a.item_id)).identifier),
      })
    }
    const skill = deps.mastery.skill(set.skill)
    return {
      id: set.id, module: set.module, moduleName: deps.program.module(set.module)?.name ?? set.module, skill: set.skill, skillName: skill?.name ?? set.skill,
      createdAt: set.created_at, completedAt: set.completed_at,
      items: presentedItems(form, set.seed, models), feedback,
      mastery: (await deps.mastery.of(db, set.user_id, [set.skill])).get(set.skill)!,
    }
  }

  return {
    /** Draws a new set of a skill's practice items for the learner: never seen first, then the least recently seen. */
    async start(actor: Actor | null, input: { skill: string }): Promise<PracticeSetView> {
      const who = requireActor(actor)
      const skill = deps.mastery.skill(input.skill)
      if (!skill) throw notFound(`The skill ${input.skill}`)
      await requirePractise(deps.access, who.userId, skill.module)
      const pool = (await deps.itemBank.activePool(skill.module, 'practice')).filter((i) => i.skill === skill.code)
      if (pool.length === 0) throw new AppError('NO_PRACTICE_ITEMS', `There are no practice items for ${skill.name} yet.`)
      const lastSeen = await lastAnsweredAt(db, who.userId, pool.map((i) => i.id))
      for (const s of await recentSetsOf(db, who.userId, skill.code, RECENT_SETS)) {
        for (const f of JSON.parse(s.items) as FormItem[]) if ((lastSeen.get(f.itemId) ?? '') < s.created_at) lastSeen.set(f.itemId, s.created_at)
      }
      const seed = randomInt(0, 2 ** 32 - 1)
      const random = seededRandom(seed)
      const chosen = pool
        .map((item) => ({ item, seen: lastSeen.get(item.id) ?? '', tie: random() }))
        .sort((a, b) => (a.seen < b.seen ? -1 : a.seen > b.seen ? 1 : a.tie - b.tie))
        .slice(0, PRACTICE_SET_SIZE)
      const id = newId()
      await insertSet(db, {
        id, user_id: who.userId, module: skill.module, skill: skill.code, seed,
        items: JSON.stringify(chosen.map(({ item }): FormItem => ({ itemId: item.id, version: item.active_version, skill: skill.code }))),
        created_at: iso(), completed_at: null,
      })
      return view((await findSet(db, id))!)
    },

    async get(actor: Actor | null, id: string): Promise<PracticeSetView> {
      return view((await ownSet(actor, id)).set)
    },

    /**
     * Judges one answer and stores it, once per item of the set. Refused, with nothing stored, for an
     * item that is not in the learner's set or not in the active practice pool now, and for a response
     * naming an option the set never showed.
     */
    async answer(actor: Actor | null, setId: string, itemId: string, input: { response: unknown }): Promise<PracticeAnswerView> {
      const { who, set } = await ownSet(actor, setId)
      const form = JSON.parse(set.items) as FormItem[]
      const drawn = form.find((f) => f.itemId === itemId)
      const model = drawn ? (await practiceModels([drawn])).get(itemId) : undefined
      if (!drawn || !model) throw notFound('The item in this practice set')
      const response = authoredResponse(itemId, set.seed, model, input.response)
      const judged = judgeAnswer(model, response)
      const info = await infoOf(itemId)
      const skill = deps.mastery.skill(set.skill)!
      const at = iso()
      const outcome = await inTransaction(db, async (trx) => {
        // One learner's answers one at a time, so the answer that masters a skill sees every earlier one.
        await lockCandidate(trx, who.userId, ctx.dialect)
        const seq = await nextSeqAt(trx, who.userId, set.skill, at)
        const stored = await insertAnswers(trx, [{
          id: newId(), user_id: who.userId, item_id: itemId, item_version: drawn.version, module: set.module, skill: set.skill,
          source_kind: 'set', source_id: set.id, response: JSON.stringify(response), score_micro: itemMicroPoints(judged.score, judged.maxScore),
          correct: judged.correct ? 1 : 0, answered_at: at, seq,
        }])
        if (stored.length === 0) throw new AppError('ALREADY_ANSWERED', 'You have answered this question in this set already; start another set to practise it again.')
        await deps.learningRecords.record(trx, answeredEvent({
          userId: who.userId, item: { ...info, skill: set.skill, module: set.module }, score: judged.score, maxScore: judged.maxScore, correct: judged.correct,
          response, parent: { kind: 'practice_set', skillName: skill.name },
        }))
        const mastery = await deps.mastery.afterAnswers(trx, who.userId, [set.skill])
        const answered = (await answersOfSource(trx, 'set', set.id)).length
        const setCompleted = answered >= form.length && (await completeSet(trx, set.id, at))
        return { mastery, setCompleted, plans: await deps.studyPlans.afterMastery(trx, who.userId) }
      })
      deps.studyPlans.invite(outcome.plans)
      return {
        feedback: feedbackOf({ itemId, seed: set.seed, model, response, answeredAt: at, lesson: lessonLinkOf(deps.lessons, info.identifier) }),
        mastery: outcome.mastery.bySkill.get(set.skill)!,
        masteredNow: outcome.mastery.newlyMastered.includes(set.skill),
        setCompleted: outcome.setCompleted,
        plansCompleted: outcome.plans.map((p) => p.planId),
      }
    },
  }
}

export type PracticeService = ReturnType<typeof createPracticeService>
