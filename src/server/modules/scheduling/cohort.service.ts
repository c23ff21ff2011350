// Bulk registration: a center administrator uploads a CSV cohort (name, email, modules) for a
// session. The file is checked whole first (size, rows, columns); then each row is handled on its
// own, as a background job whose progress the web shows, and reported: registered, waitlisted,
// invited, or not, with the reason. A new email gets a candidate account, registered at once, and a
// link to choose a password; an email that already has an account (of any kind) is only invited to
// accept (cohort-invitations.service.ts), and reported alike whatever the account is. A failed row
// leaves nothing behind. An onsite company event's employer uploads its roster too: that is how its
// employees reach a session the public cannot see.
import { setImmediate } from 'node:timers/promises'
import { parse } from 'csv-parse/sync'
import { PRINTABLE_TEXT_PATTERN } from '../../../common/schemas/common.js'
import type { CohortLineView as CohortLine, RescoreSummaryView } from '../../../common/schemas/scheduling.js'
import type { ServerContext } from '../../context.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import { INVITE_LINK_TTL_MS, normalizeEmail, type AuthService } from '../accounts/auth.service.js'
import type { UsersService } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { JobContext, JobsService } from '../jobs/jobs.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import type { RegistrationsService } from './registrations.service.js'
import { createCohortInvitations } from './cohort-invitations.service.js'
import { organisesSession } from './event-access.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import { findSessionWithCenter } from './session-centers.js'

export const COHORT_LIMITS = { bytes: 5 * 1024 * 1024, rows: 10_000 }
/** Rows between two saves of an upload's progress and report (where a resumed upload starts again). */
const CHECKPOINT_ROWS = 25

interface CohortInput { createdBy: string; sessionId: string; rows: Record<string, string>[] }
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/
// The same printable-text rule the API applies to a name typed into a form.
const PRINTABLE = new RegExp(PRINTABLE_TEXT_PATTERN)
const isName = (name: string) => name.length <= 100 && PRINTABLE.test(name)

export function parseCohort(text: string): { rows: Record<string, string>[] } {
  let records: Record<string, string>[]
  try {
    records = parse(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, relax_column_count: true, bom: true, to_line: COHORT_LIMITS.rows + 2 })
  } catch (err) {
    throw new AppError('VALIDATION', `The file is not a readable CSV: ${(err as Error).message}`)
  }
  if (records.length === 0) throw new AppError('VALIDATION', 'The file has no rows after its header.')
  const columns = Object.keys(records[0]!)
  for (const needed of ['name', 'email', 'modules']) {
    if (!columns.includes(needed)) throw new AppError('VALIDATION', `The header must name the columns name, email and modules; "${needed}" is missing.`)
  }
  if (records.length > COHORT_LIMITS.rows) throw new AppError('VALIDATION', `A cohort file may have up to ${COHORT_LIMITS.rows.toLocaleString('en-US')} rows.`)
  return { rows: records }
}

export function createCohortService(
  ctx: ServerContext,
  deps: { audit: AuditService; users: UsersService; auth: AuthService; notifications: NotificationsService; registrations: RegistrationsService; jobs: JobsService; centers: CenterDirectory },
) {
  const { db } = ctx

  const invitations = createCohortInvitations(ctx, deps)

  /** `earlier`: the emails of this file's rows already handled, with their row, so a repeat is reported, not re-invited. */
  async function handleRow(createdBy: string, sessionId: string, row: Record<string, string>, index: number, earlier: Map<string, CohortLine> = new Map()): Promise<CohortLine> {
    const email = normalizeEmail(row.email ?? '')
    const fail = (reason: string): CohortLine => ({ row: index, email, outcome: 'failed', reason })
    if (!EMAIL.test(email)) return fail('the email address is not valid')
    const first = earlier.get(email)
    if (first) return fail(`already ${first.outcome} by row ${first.row} of this file`)
    const name = (row.name ?? '').trim()
    if (!isName(name)) return fail('the name is missing or has characters that are not allowed')
    const modules = (row.modules ?? '').toUpperCase().split(/[\s;,+]+/).filter(Boolean)
    if (modules.length === 0) return fail('no modules are listed')
    try {
      // Everything the session decides is checked before an account is made for the row.
      await deps.registrations.checkRegistrable({ sessionId, modules })
      const invite = async (existing: { id: string; email: string; first_name: string }): Promise<CohortLine> => {
        // An existing account, whatever it is, is asked, never enrolled; the report says the same for every one.
        await invitations.invite({ createdBy, sessionId, user: existing, modules })
        return { row: index, email, outcome: 'invited' }
      }
      const existing = await deps.users.findByEmail(email)
      if (existing) return await invite(existing)
      const space = name.lastIndexOf(' ')
      let user
      try {
        user = await deps.users.createWithPassword({
          email, firstName: space > 0 ? name.slice(0, space) : name, lastName: space > 0 ? name.slice(space + 1) : '-', roles: ['candidate'],
        })
      } catch (err) {
        // Someone made the account between the look-up and here: it is an existing account after all.
        const raced = err instanceof AppError && err.code === 'EMAIL_TAKEN' ? await deps.users.findByEmail(email) : undefined
        if (raced) return await invite(raced)
        throw err
      }
      const link = await deps.auth.issueResetLink(user.id, INVITE_LINK_TTL_MS)
      await deps.notifications.send({
        to: email,
        subject: 'You are registered for MT1 assessment',
        text: `Hello ${user.firstName},\n\nYour assessment center registered you for MT1 assessment. Choose a password for your account with this link (valid for seven days, usable once):\n\n${link}\n`,
      })
      const registration = await deps.registrations.registerOnBehalf(createdBy, user.id, { sessionId, modules, waitlist: true })
      return { row: index, email, outcome: registration.status === 'waitlisted' ? 'waitlisted' : 'registered' }
    } catch (err) {
      if (err instanceof AppError) return fail(err.message)
      ctx.log.error({ err, row: index }, 'cohort row failed')
      return fail('an unexpected error; the row was not registered')
    }
  }

  /**
   * On a resumed run, a row the run cut off by a crash had already registered (this upload's live
   * registration of that candidate in this session) is reported as it stands, not handled twice.
   */
  async function doneBefore(job: JobContext, input: CohortInput, i: number): Promise<CohortLine | null> {
    const email = normalizeEmail(input.rows[i]!.email ?? '')
    const user = EMAIL.test(email) ? await deps.users.findByEmail(email) : undefined
    const live = user ? await deps.registrations.liveFor(input.sessionId, user.id) : undefined
    if (!live || live.created_by !== input.createdBy || live.created_at < job.createdAt) return null
    return { row: i + 2, email, outcome: live.status === 'waitlisted' ? 'waitlisted' : 'registered' }
  }

  // An upload is a job that resumes after a crash from its last checkpoint (the rows and the report
  // so far are stored with it); the rows after the checkpoint are handled again, see doneBefore.
  deps.jobs.register<CohortInput>('cohort_registration', {
    resumable: true,
    async run(job, input) {
      const report = (job.report as CohortLine[] | null) ?? []
      const earlier = new Map(report.filter((l) => l.outcome !== 'failed').map((l) => [l.email, l]))
      let saved = { rows: report.length, at: Date.now() }
      for (let i = report.length; i < input.rows.length; i++) {
        // On SQLite every query resolves at once, so a loop of them never lets requests in: yield.
        await setImmediate()
        if (job.stopping) {
          await job.checkpoint({ processed: i, report })
          return { status: 'stopped' }
        }
        const line = (job.resumes > 0 ? await doneBefore(job, input, i) : null) ?? (await handleRow(input.createdBy, input.sessionId, input.rows[i]!, i + 2, earlier))
        if (line.outcome !== 'failed') earlier.set(line.email, line)
        report.push(line)
        // The report is saved whole, so not after every row of a fast file: every CHECKPOINT_ROWS rows
        // that took at least a second, and at the end.
        const due = i === input.rows.length - 1 || (i + 1 - saved.rows >= CHECKPOINT_ROWS && Date.now() - saved.at >= 1000)
        if (!due) continue
        if (!(await job.checkpoint({ processed: i + 1, report }))) return { status: 'stopped' }
        saved = { rows: i + 1, at: Date.now() }
      }
      return { status: 'done', report }
    },
  })

  return {
    async start(actor: Actor | null, sessionId: string, body: Buffer) {
      const who = requireRole(actor, 'center_admin', 'program_staff', 'employer')
      const session = await findSessionWithCenter(db, deps.centers, sessionId)
      if (!session) throw notFound('The session')
      if (!(await organisesSession(db, deps.centers, who, session))) throw new AppError('FORBIDDEN', 'Only this center\'s administrators (and an onsite event\'s employer) upload its cohorts.')
      if (body.length > COHORT_LIMITS.bytes) throw new AppError('PAYLOAD_TOO_LARGE', 'A cohort file may be up to 5 MB.')
      const { rows } = parseCohort(body.toString('utf8'))
      const id = await inTransaction(db, async (trx) => {
        const jobId = await deps.jobs.create(trx, { kind: 'cohort_registration', createdBy: who.userId, input: { createdBy: who.userId, sessionId, rows } satisfies CohortInput, total: rows.length })
        await deps.audit.record(trx, { actorId: who.userId, action: 'cohort.uploaded', entityType: 'session', entityId: sessionId, details: { jobId, rows: rows.length } })
        return jobId
      })
      await deps.jobs.launch(id)
      return { jobId: id, total: rows.length }
    },

    async job(actor: Actor | null, id: string) {
      const job = await deps.jobs.find(actor, id)
      const base = { id: job.id, kind: job.kind, status: job.status, total: job.total, processed: job.processed, createdAt: job.created_at, finishedAt: job.finished_at, error: job.error }
      // Other kinds of job (rescoring) keep a summary object as their report.
      if (job.kind !== 'cohort_registration') return { ...base, summary: job.report ? (JSON.parse(job.report) as RescoreSummaryView) : null, report: null }
      const report = job.report ? (JSON.parse(job.report) as CohortLine[]) : null
      return {
        ...base,
        summary: report ? {
          registered: report.filter((l) => l.outcome === 'registered').length, waitlisted: report.filter((l) => l.outcome === 'waitlisted').length,
          invited: report.filter((l) => l.outcome === 'invited').length, failed: report.filter((l) => l.outcome === 'failed').length,
        } : null,
        report,
      }
    },

    /** Resolves when no job runs in this process (tests). */
    idle: () => deps.jobs.idle(),

    /** The invited person reads and accepts an invitation sent for an existing account. */
    invitation: { lookup: invitations.lookup, accept: invitations.accept },
  }
}

export type CohortService = ReturnType<typeof createCohortService>
