// What other modules ask the training module about impartiality (ISO/IEC 17024): which of these
// trainers trained which of these learners within the program's period before a session starts.
// Scheduling asks when proctors are assigned and when a candidate registers; delivery at check-in.
import type { DbOrTx } from '../../db/database.js'

export interface ImpartialityQuestion {
  trainerIds: readonly string[]
  learnerIds: readonly string[]
  sessionStartsAt: string
}

export interface ImpartialityAnswer {
  /** `policies.trainerImpartialityMonths`, for the refusal's wording. */
  months: number
  conflicts: { trainerId: string; learnerId: string }[]
}

/** Read in the caller's transaction, so the answer is the one the write it guards sees. */
export type TrainingConflicts = (within: DbOrTx, question: ImpartialityQuestion) => Promise<ImpartialityAnswer>
