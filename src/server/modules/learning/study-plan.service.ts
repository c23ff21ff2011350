// Study plans: from a real result below the pass mark, or from a practice test's diagnostic, the skills
// below standard in the result's order, each with its lessons, its practice set and its mastery. A
// plan is complete the first time every one of its skills is mastered (checked in the transaction of
// the answer that masters the last one); it then invites the candidate, once and by email too, to book
// the module again from the earliest date the program's retake rules allow.
import { earliestRegistrableStart } from '../../../common/rules/registration-window.js'
import { planComplete, planSkills, retakeInvitation } from '../../../common/rules/study-plan.js'
import type { SkillResult } from '../../../common/rules/module-result.js'
import type { PracticeDiagnostic, StudyPlanSummary, StudyPlanView } from '../../../common/schemas/practice.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx, Tx } from '../../db/database.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { hasRole, requireActor, type Actor } from '../accounts/actor.js'
import type { ContactDirectory } from '../accounts/users.service.js'
import type { LearningRecordsService } from '../learning-records/learning-records.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { ResultsService } from '../results/results.service.js'
import type { EligibilityService } from '../scheduling/eligibility.service.js'
import type { LessonsService } from './lessons.service.js'
import type { MasteryService } from './mastery.service.js'
import { findTest } from './practice-test.repository.js'
import { planCompletedEvent } from './practice-xapi.js'
import { completePlan, findPlan, insertPlan, openPlansOf, planFromSource, plansOf } from './study-plan.repository.js'

type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>

/** What completing a plan asks to send after the commit. */
export interface CompletedPlan { planId: string; userId: string; module: string; skills: string[] }

const MAX_PLANS_LISTED = 100

export const studyPlanEmailText = (o: { name: string; moduleName: string; module: string; skills: string; earliest: string | null; booked: boolean; planLink: string; sessionsLink: string }) => ({
  subject: `Your study plan for ${o.moduleName} is complete: book your retake`,
  text: `Hello ${o.name},\n\nYou have mastered every skill in your study plan for ${o.moduleName} (${o.skills}).\n\n`
    + (o.booked
      ? `You are already booked to sit ${o.moduleName}; good luck.\n\n`
      : `You may sit ${o.moduleName} again at a session starting from ${o.earliest}. Find a session and register at ${o.sessionsLink}\n\n`)
    + `Your plan: ${o.planLink}\n`,
})

/** "2026-03-17 14:00 UTC" for an email (no center is chosen yet, so no center's zone applies). */
const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`

export function createStudyPlanService(
  ctx: ServerContext,
  deps: {
    program: ProgramService; lessons: LessonsService; mastery: MasteryService; learningRecords: LearningRecordsService
    results: Pick<ResultsService, 'scoredResults'>; eligibility: Pick<EligibilityService, 'judgeFor'>
    notifications: NotificationsService; contacts: ContactDirectory
  },
) {
  const { db } = ctx
  const moduleName = (code: string) => deps.program.module(code)?.name ?? code
  const bookHref = (module: string) => `/sessions?module=${encodeURIComponent(module)}`

  async function retakeOf(plan: PlanRow) {
    const leadHours = deps.program.definition.policies.registrationLeadHours
    const now = ctx.clock()
    const registrable = earliestRegistrableStart(now, leadHours).toISOString()
    return retakeInvitation(now, leadHours, await deps.eligibility.judgeFor(plan.user_id, plan.module, registrable))
  }

  function summaryOf(plan: PlanRow, masteredCount: number): StudyPlanSummary {
    const skills = JSON.parse(plan.skills) as string[]
    return {
      id: plan.id, module: plan.module, moduleName: moduleName(plan.module), source: { kind: plan.source_kind, id: plan.source_id },
      createdAt: plan.created_at, completedAt: plan.completed_at, masteredCount, skillCount: skills.length, skills,
    }
  }

  async function view(plan: PlanRow): Promise<StudyPlanView> {
    const skills = JSON.parse(plan.skills) as string[]
    const mastery = await deps.mastery.of(db, plan.user_id, skills)
    const retake = plan.completed_at ? await retakeOf(plan) : null
    return {
      ...summaryOf(plan, skills.filter((s) => mastery.get(s)?.mastered).length),
      skills: skills.map((code) => ({
        skill: code, name: deps.mastery.skill(code)?.name ?? code,
        lessons: deps.lessons.ofSkill(code).map((l) => ({ id: l.id, title: l.title, summary: l.summary, minutes: l.minutes, href: `/learning/lessons/${encodeURIComponent(l.id)}` })),
        practiceHref: `/learning/practice/${encodeURIComponent(code)}`, skillHref: `/learning/skills/${encodeURIComponent(code)}`,
        mastery: mastery.get(code)!,
      })),
      retake: retake ? { ...retake, bookHref: bookHref(plan.module) } : null,
    }
  }

  /**
   * After answers were stored in `trx`: completes each of the learner's open plans whose skills are
   * all mastered now (a `completed` statement each), and returns them for the invitation.
   */
  async function afterMastery(trx: Tx, userId: string): Promise<CompletedPlan[]> {
    const open = await openPlansOf(trx, userId)
    if (open.length === 0) return []
    const skillsOf = new Map(open.map((p) => [p.id, JSON.parse(p.skills) as string[]]))
    const mastery = await deps.mastery.of(trx, userId, [...new Set([...skillsOf.values()].flat())])
    const completed: CompletedPlan[] = []
    const at = ctx.clock().toISOString()
    for (const plan of open) {
      const skills = skillsOf.get(plan.id)!
      if (!planComplete(skills, (s) => !!mastery.get(s)?.mastered)) continue
      if (!(await completePlan(trx, plan.id, at))) continue
      await deps.learningRecords.record(trx, planCompletedEvent(userId, { id: plan.id, module: plan.module, moduleName: moduleName(plan.module), skills: skills.length }))
      completed.push({ planId: plan.id, userId, module: plan.module, skills })
    }
    return completed
  }

  /** The invitation to book the retake, once per plan (the completing transaction claimed it): after the commit, in the background. */
  function invite(completed: readonly CompletedPlan[]): void {
    if (completed.length === 0) return
    deps.notifications.inBackground(async () => {
      for (const c of completed) {
        const plan = await findPlan(db, c.planId)
        const contact = (await deps.contacts.contactsOf([c.userId])).get(c.userId)
        if (!plan || !contact) continue
        const retake = await retakeOf(plan)
        if (retake.status === 'passed') continue
        await deps.notifications.send({
          to: contact.email,
          ...studyPlanEmailText({
            name: contact.first_name, moduleName: moduleName(c.module), module: c.module,
            skills: c.skills.map((s) => deps.mastery.skill(s)?.name ?? s).join(', '),
            earliest: retake.earliestAt ? utc(retake.earliestAt) : null, booked: retake.status === 'booked',
            planLink: `${ctx.config.publicUrl}/learning/study-plans/${c.planId}`, sessionsLink: `${ctx.config.publicUrl}${bookHref(c.module)}`,
          }),
        })
      }
    })
  }

  /** The skills below standard of the learner's own source, in its order; 404 for anything not theirs. */
  async function sourceSkills(userId: string, source: 'result' | 'practice_test', id: string): Promise<{ module: string; skills: string[] }> {
    if (source === 'result') {
      // Scored results that stand and are not held for review: anyone else's (or none) is not found.
      const result = (await deps.results.scoredResults(userId)).find((r) => r.attempt_id === id)
      if (!result) throw notFound('The result')
      if (Number(result.passed) === 1) throw new AppError('NOTHING_TO_STUDY', `You passed ${moduleName(result.module)}: there is no retake to study for.`)
      return { module: result.module, skills: planSkills(JSON.parse(result.skills) as SkillResult[]) }
    }
    const test = await findTest(db, id)
    if (!test || test.user_id !== userId) throw notFound('The practice test')
    if (test.status !== 'submitted' || !test.result) throw new AppError('NOTHING_TO_STUDY', 'Submit the practice test first: its diagnostic makes the plan.')
    const skills = planSkills((JSON.parse(test.result) as PracticeDiagnostic).skills)
    if (skills.length === 0) throw new AppError('NOTHING_TO_STUDY', 'Every skill met the standard on this practice test: there is nothing to put in a plan.')
    return { module: test.module, skills }
  }

  return {
    afterMastery,
    invite,

    /** Makes the plan of a result or a practice diagnostic, or opens the one already made from it. */
    async create(actor: Actor | null, input: { source: 'result' | 'practice_test'; id: string }): Promise<{ created: boolean; plan: StudyPlanView }> {
      const who = requireActor(actor)
      const existing = await planFromSource(db, who.userId, input.source, input.id)
      if (existing) return { created: false, plan: await view(existing) }
      const { module, skills } = await sourceSkills(who.userId, input.source, input.id)
      const id = newId()
      const outcome = await inTransaction(db, async (trx) => {
        const stored = await insertPlan(trx, {
          id, user_id: who.userId, module, source_kind: input.source, source_id: input.id, skills: JSON.stringify(skills),
          created_at: ctx.clock().toISOString(), completed_at: null, invited_at: null,
        })
        // Its skills may all be mastered already: then it is complete from the start.
        return stored ? { stored, completed: await afterMastery(trx, who.userId) } : { stored, completed: [] }
      })
      invite(outcome.completed)
      const plan = outcome.stored ? await findPlan(db, id) : await planFromSource(db, who.userId, input.source, input.id)
      return { created: outcome.stored, plan: await view(plan!) }
    },

    /** One plan, for its learner and program staff; anyone else is told it does not exist. */
    async get(actor: Actor | null, id: string): Promise<StudyPlanView> {
      const who = requireActor(actor)
      const plan = await findPlan(db, id)
      if (!plan || (plan.user_id !== who.userId && !hasRole(who, 'program_staff'))) throw notFound('The study plan')
      return view(plan)
    },

    async mine(actor: Actor | null): Promise<{ items: StudyPlanSummary[] }> {
      const who = requireActor(actor)
      return { items: await summaries(db, who.userId) }
    },

    /** The plan the progress page shows: the newest not yet complete, else the newest. */
    async current(userId: string): Promise<StudyPlanView | null> {
      const plans = await plansOf(db, userId, MAX_PLANS_LISTED)
      const plan = plans.find((p) => p.completed_at === null) ?? plans[0]
      return plan ? view(plan) : null
    },

    summaries: (userId: string) => summaries(db, userId),
  }

  async function summaries(within: DbOrTx, userId: string): Promise<StudyPlanSummary[]> {
    const plans = await plansOf(within, userId, MAX_PLANS_LISTED)
    const mastery = await deps.mastery.of(within, userId, [...new Set(plans.flatMap((p) => JSON.parse(p.skills) as string[]))])
    return plans.map((p) => summaryOf(p, (JSON.parse(p.skills) as string[]).filter((s) => mastery.get(s)?.mastered).length))
  }
}

export type StudyPlanService = ReturnType<typeof createStudyPlanService>
