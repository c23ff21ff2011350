// The xAPI statements of practice (src/common/learning/xapi-statements.ts is the vocabulary): an
// answered practice item (in a set of its skill, or in a practice test), a skill mastered, a practice
// test attempted, passed or failed and completed, a study plan completed. Built here so every path
// that records one says it the same way.
import type { LearningEvent } from '../../../common/learning/xapi-statements.js'

/** xAPI's string form of a response (1.0.3, Interaction Activities): one value, `[,]` between values, `[.]` inside a pair. */
export function xapiResponse(response: unknown): string {
  if (response === null || typeof response !== 'object' || Array.isArray(response)) return ''
  const entries = Object.values(response as Record<string, unknown>)
  const pair = (v: unknown): string => (Array.isArray(v) ? v.map(String).join('[.]') : String(v))
  const one = (v: unknown): string => (Array.isArray(v) ? v.map(pair).join('[,]') : v === null || v === undefined ? '' : String(v))
  const text = entries.length === 1 ? one(entries[0]) : JSON.stringify(response)
  return text.length > 2000 ? text.slice(0, 2000) : text
}

export interface AnsweredItem {
  userId: string
  item: { identifier: string; title: string; skill: string; module: string }
  score: number
  maxScore: number
  correct: boolean
  /** Authored identifiers: what the statement records is the item's own vocabulary, not a set's tokens. */
  response: unknown
  parent: { kind: 'practice_set'; skillName: string } | { kind: 'practice_test'; testId: string; moduleName: string }
}

export function answeredEvent(a: AnsweredItem): LearningEvent {
  return {
    userId: a.userId, verb: 'answered',
    object: { kind: 'practice_item', ref: a.item.identifier, name: a.item.title },
    skill: a.item.skill, module: a.item.module,
    result: { score: { raw: a.score, min: 0, max: a.maxScore }, success: a.correct, response: xapiResponse(a.response) },
    parent: a.parent.kind === 'practice_set'
      ? { kind: 'practice_set', ref: a.item.skill, name: `${a.parent.skillName} practice` }
      : { kind: 'practice_test', ref: a.parent.testId, name: `${a.parent.moduleName} practice test` },
    ...(a.parent.kind === 'practice_test' ? { registration: a.parent.testId } : {}),
  }
}

export function masteredEvent(userId: string, skill: { code: string; name: string; module: string }, window: { correct: number; size: number }): LearningEvent {
  return {
    userId, verb: 'mastered', object: { kind: 'skill', ref: skill.code, name: skill.name }, skill: skill.code, module: skill.module,
    result: { score: { raw: window.correct, min: 0, max: window.size }, success: true },
  }
}

export function practiceTestEvent(userId: string, verb: 'attempted' | 'passed' | 'failed' | 'completed', test: { id: string; module: string; moduleName: string },
  result?: { earned: number; possible: number; passed: boolean }): LearningEvent {
  return {
    userId, verb, object: { kind: 'practice_test', ref: test.id, name: `${test.moduleName} practice test` }, module: test.module, registration: test.id,
    ...(result ? { result: { score: { raw: result.earned, min: 0, max: result.possible }, success: result.passed, completion: true } } : {}),
  }
}

export function planCompletedEvent(userId: string, plan: { id: string; module: string; moduleName: string; skills: number }): LearningEvent {
  return {
    userId, verb: 'completed', object: { kind: 'study_plan', ref: plan.id, name: `Study plan for ${plan.moduleName}` }, module: plan.module,
    result: { completion: true, success: true, score: { raw: plan.skills, min: 0, max: plan.skills } },
  }
}
