// Who may practise a module's skills in the Learning Lab. Every practice route asks first; the answer
// comes from outside this module (the training module's enrolments, wired in services.ts), so the
// practice code never decides enrolment itself. A refusal carries the reason the learner is shown.
import { AppError } from '../../errors.js'

export type PractiseDecision = { allowed: true } | { allowed: false; reason: string }

export interface PractiseAccess {
  canPractise(userId: string, module: string): Promise<PractiseDecision>
}

/** Throws 403 LEARNING_LAB_ENROLMENT_REQUIRED with the reason when the learner may not practise the module. */
export async function requirePractise(access: PractiseAccess, userId: string, module: string): Promise<void> {
  const decision = await access.canPractise(userId, module)
  if (!decision.allowed) throw new AppError('LEARNING_LAB_ENROLMENT_REQUIRED', decision.reason, { module })
}
