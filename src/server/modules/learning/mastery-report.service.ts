// Mastery by skill for program staff (issue 13, item 5): for each of the program's skills, in program
// order, who practised it over a period and how well, who first reached mastery in it, and as of the
// period's end how many learners had ever practised it and how many had mastered it; the same per
// module. Read from aggregates only (mastery-report.repository.ts): no learner is named or looped over.
import { masteryPolicyOf } from '../../../common/rules/mastery.js'
import { correctNeeded, FEW_LEARNERS, fewLearners, truncatedPercent } from '../../../common/rules/mastery-report.js'
import { reportPeriodProblem } from '../../../common/rules/report-period.js'
import type { MasteryReport, MasteryReportQuery } from '../../../common/schemas/practice.js'
import type { ServerContext } from '../../context.js'
import { fieldError } from '../../field-errors.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import type { ProgramService } from '../program/program.service.js'
import { masteredSkillCounts, masteryFigures, practiceFigures } from './mastery-report.repository.js'

const count = (value: string | number | null | undefined) => Number(value ?? 0)

type PracticeRow = Awaited<ReturnType<typeof practiceFigures>>[number]

/** A row of practice figures as the report shows them (zeros for a skill or module nobody practised). */
function practice(row: PracticeRow | undefined) {
  const practisingLearners = count(row?.practising)
  const answers = count(row?.answers)
  const correctAnswers = count(row?.correct)
  return {
    practisingLearners, answers, correctAnswers,
    percentCorrect: truncatedPercent(correctAnswers, answers),
    everPractised: count(row?.ever_practised),
    fewLearners: fewLearners(practisingLearners),
  }
}

export function createMasteryReportService(ctx: ServerContext, deps: { program: ProgramService }) {
  return {
    /** The report over [from, to) (program staff only). */
    async report(actor: Actor | null, query: MasteryReportQuery): Promise<MasteryReport> {
      requireRole(actor, 'program_staff')
      const from = new Date(query.from)
      const to = new Date(query.to)
      const problem = reportPeriodProblem(from.getTime(), to.getTime())
      if (problem) throw fieldError('to', problem)
      const fromIso = from.toISOString()
      const toIso = to.toISOString()

      // Read on every call: the program (and its policy) is data.
      const program = deps.program.definition
      const policy = masteryPolicyOf(program.policies)
      const codes = program.modules.flatMap((m) => m.skills.map((s) => s.code))
      const [bySkill, byModule, masteries, masteredCounts] = await Promise.all([
        practiceFigures(ctx.db, 'skill', codes, fromIso, toIso),
        practiceFigures(ctx.db, 'module', codes, fromIso, toIso),
        masteryFigures(ctx.db, codes, fromIso, toIso),
        masteredSkillCounts(ctx.db, codes, toIso),
      ])
      const practiceOfSkill = new Map(bySkill.map((r) => [r.key, r]))
      const practiceOfModule = new Map(byModule.map((r) => [r.key, r]))
      const masteryOfSkill = new Map(masteries.map((r) => [r.skill, r]))

      const skills = program.modules.flatMap((m) => m.skills.map((s) => {
        const figures = practice(practiceOfSkill.get(s.code))
        const mastered = count(masteryOfSkill.get(s.code)?.mastered)
        return {
          skill: s.code, skillName: s.name, module: m.code, ...figures,
          newlyMastered: count(masteryOfSkill.get(s.code)?.newly),
          mastered,
          masteredPercent: truncatedPercent(mastered, figures.everPractised),
        }
      }))
      const modules = program.modules.map((m) => {
        const figures = practice(practiceOfModule.get(m.code))
        const skillCount = m.skills.length
        const masteredAll = count(masteredCounts.find((r) => r.module === m.code && count(r.skill_count) === skillCount)?.learners)
        return {
          module: m.code, moduleName: m.name, skillCount, ...figures,
          newMasteries: skills.filter((s) => s.module === m.code).reduce((sum, s) => sum + s.newlyMastered, 0),
          masteredAll,
          masteredAllPercent: truncatedPercent(masteredAll, figures.everPractised),
        }
      })
      return {
        from: fromIso, to: toIso,
        policy: { ...policy, correctNeeded: correctNeeded(policy) },
        fewLearners: FEW_LEARNERS,
        skills, modules,
      }
    },
  }
}

export type MasteryReportService = ReturnType<typeof createMasteryReportService>
