// Mastery of a skill in the Learning Lab: a learner has mastered a skill when their last N practice
// answers of it (N = policies.learning.masteryWindow) are at least N long and at least P% of them are
// correct (P = policies.learning.masteryPercent), compared in integers like the 75% pass rule
// (`correct * 100 >= P * N`), so 79.99% never rounds up into mastery. Pure: the server judges with it
// after every answer and the web shows the same progress toward it.

export interface MasteryPolicy {
  /** How many of the latest answers are judged (N). */
  window: number
  /** The share of them that must be correct, in percent (P). */
  percent: number
}

/** The shipped defaults, used when the program's policies do not name them. */
export const DEFAULT_MASTERY_POLICY: MasteryPolicy = { window: 10, percent: 80 }

/** The program's mastery policy (program.json `policies.learning`), with the defaults for what it leaves out. */
export function masteryPolicyOf(policies: { learning?: { masteryWindow?: number; masteryPercent?: number } | undefined }): MasteryPolicy {
  return {
    window: policies.learning?.masteryWindow ?? DEFAULT_MASTERY_POLICY.window,
    percent: policies.learning?.masteryPercent ?? DEFAULT_MASTERY_POLICY.percent,
  }
}

export interface SkillMastery {
  /** Answers in the window so far (at most the window). */
  answered: number
  /** Correct answers among them. */
  correct: number
  window: number
  percent: number
  mastered: boolean
  /**
   * The fewest further answers, all correct, that would master the skill from here (0 when
   * mastered): each new answer pushes the oldest out of the window.
   */
  toMaster: number
}

function judged(window: readonly boolean[], policy: MasteryPolicy): boolean {
  if (window.length < policy.window) return false
  const correct = window.filter(Boolean).length
  return correct * 100 >= policy.percent * policy.window
}

/**
 * The mastery of one skill from the learner's answers of it, newest first (true = correct). Answers
 * beyond the window do not count.
 */
export function skillMastery(newestFirst: readonly boolean[], policy: MasteryPolicy): SkillMastery {
  const window = newestFirst.slice(0, policy.window)
  const correct = window.filter(Boolean).length
  const mastered = judged(window, policy)
  let toMaster = 0
  if (!mastered) {
    // At most a whole window of correct answers: that always masters (P ≤ 100).
    for (toMaster = 1; toMaster < policy.window; toMaster++) {
      if (judged([...Array<boolean>(toMaster).fill(true), ...window.slice(0, policy.window - toMaster)], policy)) break
    }
  }
  return { answered: window.length, correct, window: policy.window, percent: policy.percent, mastered, toMaster }
}
