// What needs program staff's attention, counted through the module that owns each kind of item:
// accommodation requests to decide, handbook requests to fulfil, recent incidents, cases holding
// results and appeals to decide, certifications of
// centers, proctors and trainers ending before the program's first expiry reminder, and background jobs that failed.
import { requireRole, type Actor } from '../accounts/actor.js'
import type { AccommodationsService } from '../accommodations/accommodations.service.js'
import type { CentersService } from '../centers/centers.service.js'
import type { ProctorsService } from '../centers/proctors.service.js'
import type { AttemptRecordsService } from '../delivery/attempt-records.service.js'
import type { IntegrityService } from '../integrity/integrity.service.js'
import type { HandbookService } from '../handbook/handbook.service.js'
import type { JobsService } from '../jobs/jobs.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { ServerContext } from '../../context.js'

const DAY_MS = 86_400_000
const INCIDENT_WINDOW_DAYS = 30
const FAILED_JOB_WINDOW_DAYS = 7

export interface AttentionDeps {
  accommodations: Pick<AccommodationsService, 'countPending'>
  handbook: Pick<HandbookService, 'countOpen'>
  attempts: Pick<AttemptRecordsService, 'incidentsSince'>
  centers: Pick<CentersService, 'certificationsEndingBetween'>
  proctors: Pick<ProctorsService, 'certificationsEndingBetween'>
  /** How many trainers' certifications end in the period (the training module's). */
  trainers: { certificationsEndingBetween(from: string, to: string): Promise<number> }
  jobs: Pick<JobsService, 'failedSince'>
  integrity: Pick<IntegrityService, 'needingStaff'>
  program: ProgramService
}

export function createAttentionService(ctx: ServerContext, deps: AttentionDeps) {
  return {
    async counts(actor: Actor | null) {
      requireRole(actor, 'program_staff')
      const now = ctx.clock()
      const ago = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString()
      // Certifications ending this soon are listed: from the program's earliest expiry reminder on.
      const horizonDays = Math.max(0, ...deps.program.definition.policies.reminders.certificationExpiryDaysBefore)
      const horizon = new Date(now.getTime() + horizonDays * DAY_MS).toISOString()
      const [accommodationRequestsPending, handbookRequestsOpen, incidentsRecent, centersExpiring, proctorsExpiring, trainersExpiring, jobsFailed, cases] = await Promise.all([
        deps.accommodations.countPending(),
        deps.handbook.countOpen(actor),
        deps.attempts.incidentsSince(ago(INCIDENT_WINDOW_DAYS)),
        deps.centers.certificationsEndingBetween(now.toISOString(), horizon),
        deps.proctors.certificationsEndingBetween(now.toISOString(), horizon),
        deps.trainers.certificationsEndingBetween(now.toISOString(), horizon),
        deps.jobs.failedSince(ago(FAILED_JOB_WINDOW_DAYS)),
        deps.integrity.needingStaff(),
      ])
      return {
        accommodationRequestsPending, handbookRequestsOpen, incidentsRecent, centersExpiring, proctorsExpiring, trainersExpiring, jobsFailed,
        // Counted per case: one case may hold several modules' results.
        resultsHeld: cases.held, appealsOpen: cases.appealsPending,
        expiringWithinDays: horizonDays,
        asOf: now.toISOString(),
      }
    },
  }
}

export type AttentionService = ReturnType<typeof createAttentionService>
