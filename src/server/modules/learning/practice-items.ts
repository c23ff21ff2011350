// Practice items as the learner receives them, exactly as the test screen does (the item bank's
// candidate view: options in the set's or test's order, every identifier an opaque token drawn from
// its secret seed; common/items/attempt-identifiers.ts), and the way back: a response in those tokens
// translated to the authored identifiers before it is scored or stored. The key and rationale leave
// the server only in the feedback to an answer already stored.
import { attemptItem, InvalidResponseError, responseTranslator } from '../../../common/items/attempt-identifiers.js'
import type { CandidateItem } from '../../../common/items/candidate-item.js'
import { optionSeed, type FormItem } from '../../../common/items/form-assembly.js'
import { correctResponseOf, scoreItem } from '../../../common/qti/scoring.js'
import type { LessonLink, PracticeFeedback } from '../../../common/schemas/practice.js'
import { AppError } from '../../errors.js'
import type { StoredItemModel } from '../item-bank/item-model.js'
import type { LessonsService } from './lessons.service.js'

/** A response larger than this is refused (as the test screen's saves are). */
export const MAX_RESPONSE_BYTES = 16 * 1024

/** The items of a set or test as the learner sees them. */
export function presentedItems(form: readonly FormItem[], seed: number, models: ReadonlyMap<string, StoredItemModel>): CandidateItem[] {
  return form.flatMap((f) => {
    const model = models.get(f.itemId)
    return model ? [attemptItem(f.itemId, model.type, model.presentation, optionSeed(seed, f.itemId)).item] : []
  })
}

/** A response in the set's tokens, in authored identifiers; a token it never showed is 400 and nothing is stored. */
export function authoredResponse(itemId: string, seed: number, model: StoredItemModel, response: unknown): unknown {
  if (Buffer.byteLength(JSON.stringify(response ?? null)) > MAX_RESPONSE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'The response is too large.')
  try {
    return responseTranslator(itemId, model.presentation, optionSeed(seed, itemId)).toAuthored(response ?? null)
  } catch (err) {
    if (err instanceof InvalidResponseError) throw new AppError('VALIDATION', err.message, { responseId: err.responseId, ...(err.identifier !== undefined ? { identifier: err.identifier } : {}) })
    throw err
  }
}

/** A stored (authored) response in the set's tokens again, for the screen. */
export function presentedResponse<T>(itemId: string, seed: number, model: StoredItemModel, response: T): T {
  return responseTranslator(itemId, model.presentation, optionSeed(seed, itemId)).toOpaque(response)
}

/** An answer is correct when it earns the item's full score. */
export function judgeAnswer(model: StoredItemModel, response: unknown) {
  const s = scoreItem(model.scoring, response as Record<string, unknown> | null)
  return { score: s.score, maxScore: s.maxScore, correct: s.maxScore > 0 && s.score >= s.maxScore }
}

/** Where an item is taught: the lesson section whose front matter names it. */
export function lessonLinkOf(lessons: LessonsService, identifier: string | undefined): LessonLink | null {
  const found = identifier ? lessons.sectionOf(identifier) : undefined
  if (!found) return null
  return {
    lessonId: found.lesson.id, lessonTitle: found.lesson.title, sectionId: found.sectionId, heading: found.heading,
    href: `/learning/lessons/${encodeURIComponent(found.lesson.id)}#${encodeURIComponent(found.sectionId)}`,
  }
}

/** The feedback to one stored answer: right or wrong, the key as this set presented it, the rationale and the lesson. */
export function feedbackOf(o: {
  itemId: string; seed: number; model: StoredItemModel; response: unknown; answeredAt: string; lesson: LessonLink | null
}): PracticeFeedback {
  const judged = judgeAnswer(o.model, o.response)
  const key = correctResponseOf(o.model.scoring)
  return {
    itemId: o.itemId, correct: judged.correct, score: judged.score, maxScore: judged.maxScore,
    response: presentedResponse(o.itemId, o.seed, o.model, o.response),
    correctResponse: key === null ? null : presentedResponse(o.itemId, o.seed, o.model, key),
    rationale: o.model.rationale, lesson: o.lesson, answeredAt: o.answeredAt,
  }
}
