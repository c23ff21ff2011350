// A module's result from its item scores: every item is worth one point (its raw score over its
// maximum), summed in millionths of a point so that the pass comparison is exact integer arithmetic;
// the module and each skill are judged by the same pass rule.
import { displayPercent, isPassingScore } from './pass-rule.js'

export const MICRO = 1_000_000

export interface ScoredItem {
  skill: string
  score: number
  maxScore: number
}

export interface SkillResult {
  code: string
  earnedMicro: number
  possibleMicro: number
  percent: number
  belowStandard: boolean
}

export interface ModuleResult {
  earnedMicro: number
  possibleMicro: number
  percent: number
  passed: boolean
  skills: SkillResult[]
}

/** One item's share of its point, in millionths (a malformed maximum earns nothing). */
export function itemMicroPoints(score: number, maxScore: number): number {
  if (!(maxScore > 0) || !Number.isFinite(score) || score <= 0) return 0
  return Math.round((Math.min(score, maxScore) / maxScore) * MICRO)
}

/**
 * The module result. `skillOrder` lists the module's skills in program order; a skill with no items
 * on the form is left out rather than reported as 0%.
 */
export function moduleResult(items: readonly ScoredItem[], passPercent: number, skillOrder: readonly string[]): ModuleResult {
  const bySkill = new Map<string, { earned: number; possible: number }>()
  let earned = 0
  for (const item of items) {
    const points = itemMicroPoints(item.score, item.maxScore)
    earned += points
    const skill = bySkill.get(item.skill) ?? { earned: 0, possible: 0 }
    skill.earned += points
    skill.possible += MICRO
    bySkill.set(item.skill, skill)
  }
  const possible = items.length * MICRO
  const skills = skillOrder
    .filter((code) => bySkill.has(code))
    .map((code) => {
      const s = bySkill.get(code)!
      return { code, earnedMicro: s.earned, possibleMicro: s.possible, percent: displayPercent(s.earned, s.possible), belowStandard: !isPassingScore(s.earned, s.possible, passPercent) }
    })
  return { earnedMicro: earned, possibleMicro: possible, percent: displayPercent(earned, possible), passed: isPassingScore(earned, possible, passPercent), skills }
}
