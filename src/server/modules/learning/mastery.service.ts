// Mastery per skill in the Learning Lab: judged by the program's rule (common/rules/mastery.ts) from
// the learner's latest practice answers of the skill, and remembered the first time it is reached
// (recorded as an xAPI `mastered` statement in the same transaction as the answer that reached it).
import { masteryPolicyOf, skillMastery } from '../../../common/rules/mastery.js'
import type { SkillMasteryView } from '../../../common/schemas/practice.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx, Tx } from '../../db/database.js'
import type { LearningRecordsService } from '../learning-records/learning-records.service.js'
import type { ProgramService } from '../program/program.service.js'
import { masteredEvent } from './practice-xapi.js'
import { insertMastery, latestCorrectness, latestCorrectnessOfMany, masteriesOf, masteriesOfMany } from './practice.repository.js'

export function createMasteryService(ctx: ServerContext, deps: { program: ProgramService; learningRecords: LearningRecordsService }) {
  const program = deps.program.definition
  const skills = program.modules.flatMap((m) => m.skills.map((s) => ({ code: s.code, name: s.name, module: m.code, moduleName: m.name })))
  const byCode = new Map(skills.map((s) => [s.code, s]))
  // Read on every call: the policy is program data.
  const policy = () => masteryPolicyOf(deps.program.definition.policies)

  /** The learner's mastery of these skills (default: all twelve, in program order), read in `within`. */
  async function of(within: DbOrTx, userId: string, codes: readonly string[] = skills.map((s) => s.code)): Promise<Map<string, SkillMasteryView>> {
    const since = new Map((await masteriesOf(within, userId)).map((r) => [r.skill, r.mastered_at]))
    const out = new Map<string, SkillMasteryView>()
    const p = policy()
    for (const code of codes) {
      const skill = byCode.get(code)
      if (!skill || out.has(code)) continue
      const m = skillMastery(await latestCorrectness(within, userId, code, p.window), p)
      out.set(code, { skill: code, skillName: skill.name, module: skill.module, ...m, masteredSince: since.get(code) ?? null })
    }
    return out
  }

  /** Many learners' mastery of these skills at once (a course roster): learner id → skill → mastery. */
  async function ofMany(within: DbOrTx, userIds: readonly string[], codes: readonly string[]): Promise<Map<string, Map<string, SkillMasteryView>>> {
    const known = [...new Set(codes)].filter((c) => byCode.has(c))
    const p = policy()
    const [answers, masteries] = await Promise.all([latestCorrectnessOfMany(within, userIds, known, p.window), masteriesOfMany(within, userIds)])
    const since = new Map(masteries.map((r) => [`${r.user_id} ${r.skill}`, r.mastered_at]))
    return new Map(userIds.map((userId) => [userId, new Map(known.map((code) => {
      const skill = byCode.get(code)!
      const m = skillMastery(answers.get(userId)?.get(code) ?? [], p)
      return [code, { skill: code, skillName: skill.name, module: skill.module, ...m, masteredSince: since.get(`${userId} ${code}`) ?? null }]
    }))]))
  }

  return {
    /** A skill of the program by its code (name, module). */
    skill: (code: string) => byCode.get(code),
    skills: (): readonly typeof skills[number][] => skills,
    of,
    ofMany,

    /**
     * After answers of these skills were stored in `trx`: the skills' mastery now, and the ones this
     * transaction mastered for the first time (remembered, with a `mastered` statement each).
     */
    async afterAnswers(trx: Tx, userId: string, codes: readonly string[]): Promise<{ bySkill: Map<string, SkillMasteryView>; newlyMastered: string[] }> {
      const bySkill = await of(trx, userId, [...new Set(codes)])
      const newlyMastered: string[] = []
      const at = ctx.clock().toISOString()
      for (const m of bySkill.values()) {
        if (!m.mastered || m.masteredSince) continue
        const skill = byCode.get(m.skill)!
        if (!(await insertMastery(trx, { user_id: userId, skill: m.skill, module: skill.module, mastered_at: at }))) continue
        newlyMastered.push(m.skill)
        bySkill.set(m.skill, { ...m, masteredSince: at })
        await deps.learningRecords.record(trx, masteredEvent(userId, skill, { correct: m.correct, size: m.window }))
      }
      return { bySkill, newlyMastered }
    },
  }
}

export type MasteryService = ReturnType<typeof createMasteryService>
