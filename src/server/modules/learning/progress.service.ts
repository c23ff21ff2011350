// The learner's progress in the Learning Lab: mastery of each of the twelve skills, the practice tests
// taken with their diagnostics, and the current study plan. A timed practice test whose time ran out
// is submitted (as of its deadline) before anything is read, so its answers count.
import type { MasteryView, ProgressView } from '../../../common/schemas/practice.js'
import type { ServerContext } from '../../context.js'
import { requireActor, type Actor } from '../accounts/actor.js'
import type { MasteryService } from './mastery.service.js'
import type { PracticeTestService } from './practice-test.service.js'
import type { StudyPlanService } from './study-plan.service.js'

export function createProgressService(ctx: ServerContext, deps: { mastery: MasteryService; practiceTests: PracticeTestService; studyPlans: StudyPlanService }) {
  return {
    async mastery(actor: Actor | null): Promise<MasteryView> {
      const who = requireActor(actor)
      await deps.practiceTests.settleExpired(who.userId)
      return { items: [...(await deps.mastery.of(ctx.db, who.userId)).values()] }
    },

    async mine(actor: Actor | null): Promise<ProgressView> {
      const who = requireActor(actor)
      await deps.practiceTests.settleExpired(who.userId)
      return {
        mastery: [...(await deps.mastery.of(ctx.db, who.userId)).values()],
        practiceTests: await deps.practiceTests.summaries(who.userId),
        studyPlan: await deps.studyPlans.current(who.userId),
        studyPlans: await deps.studyPlans.summaries(who.userId),
      }
    },
  }
}

export type ProgressService = ReturnType<typeof createProgressService>
