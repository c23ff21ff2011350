// Figures of the staff report of mastery by skill (issue 13): percents shown truncated, never rounded
// up (like the pass rule's display, so "80%" is never shown for 79.6%), the mastery policy as a
// sentence a reader can check ("8 of the last 10"), and when a group is too small to read much into.
import type { MasteryPolicy } from './mastery.js'

/**
 * Below this many learners a skill's percent correct and mastery share are flagged "few learners".
 * They are not suppressed: the report is for program staff, who may already open any learner's own
 * records, so hiding a small group's percent would protect no one from its readers; what a small group
 * does need is a warning that one learner moves its percent a long way.
 */
export const FEW_LEARNERS = 5

/** part / whole in whole percent, truncated; null when there is no whole (nothing to divide). */
export function truncatedPercent(part: number, whole: number): number | null {
  if (!(whole > 0)) return null
  return Math.floor((part * 100) / whole)
}

/** Whether a group of this many learners is too small to read its percents as a trend. */
export function fewLearners(learners: number): boolean {
  return learners > 0 && learners < FEW_LEARNERS
}

/**
 * The fewest correct answers among the last `window` that master a skill: the least c with
 * c * 100 >= percent * window, the same integer comparison as the mastery rule.
 */
export function correctNeeded(policy: MasteryPolicy): number {
  return Math.ceil((policy.percent * policy.window) / 100)
}

/** The policy in words: "at least 8 of the last 10 practice answers of the skill correct". */
export function masteryPolicySentence(policy: MasteryPolicy): string {
  return `at least ${correctNeeded(policy)} of the last ${policy.window} practice answers of the skill correct`
}
