// Bulk registration: a center administrator uploads a CSV cohort (name, email, modules) for a
// session. The file is checked whole first (size, rows, columns); then each row is handled on its
// own, as a background job whose progress the web shows, and reported: registered, waitlisted, or
// not, with the reason. A failed row leaves nothing behind. An onsite company event's employer
// uploads its roster too: that is how its employees reach a session the public cannot see.
import { parse } from 'csv-parse/sync'
import { PRINTABLE_TEXT_PATTERN } from '../../../common/schemas/common.js'
import type { ServerContext } from '../../context.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { hasRole, requireActor, requireRole, type Actor } from '../accounts/actor.js'
import { INVITE_LINK_TTL_MS, normalizeEmail, type AuthService } from '../accounts/auth.service.js'
import { findUserByEmail } from '../accounts/users.repository.js'
import type { UsersService } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import type { RegistrationsService } from './registrations.service.js'
import { organisesSession } from './event-access.js'
import { findSessionWithCenter } from './sessions.repository.js'

export const COHORT_LIMITS = { bytes: 5 * 1024 * 1024, rows: 10_000 }
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/
// The same printable-text rule the API applies to a name typed into a form.
const PRINTABLE = new RegExp(PRINTABLE_TEXT_PATTERN)
const isName = (name: string) => name.length <= 100 && PRINTABLE.test(name)

export interface CohortLine {
  row: number
  email: string
  outcome: 'registered' | 'waitlisted' | 'failed'
  reason?: string
}

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
  deps: { audit: AuditService; users: UsersService; auth: AuthService; notifications: NotificationsService; registrations: RegistrationsService },
) {
  const { db } = ctx
  const now = () => ctx.clock().toISOString()

  async function handleRow(createdBy: string, sessionId: string, row: Record<string, string>, index: number): Promise<CohortLine> {
    const email = normalizeEmail(row.email ?? '')
    const fail = (reason: string): CohortLine => ({ row: index, email, outcome: 'failed', reason })
    if (!EMAIL.test(email)) return fail('the email address is not valid')
    const name = (row.name ?? '').trim()
    if (!isName(name)) return fail('the name is missing or has characters that are not allowed')
    const modules = (row.modules ?? '').toUpperCase().split(/[\s;,+]+/).filter(Boolean)
    if (modules.length === 0) return fail('no modules are listed')
    try {
      // Everything the session decides is checked before an account is made for the row.
      await deps.registrations.checkRegistrable({ sessionId, modules })
      let user = await findUserByEmail(db, email)
      if (!user) {
        const space = name.lastIndexOf(' ')
        const created = await deps.users.createWithPassword({
          email, firstName: space > 0 ? name.slice(0, space) : name, lastName: space > 0 ? name.slice(space + 1) : '-', roles: ['candidate'],
        })
        user = (await findUserByEmail(db, email))!
        const link = await deps.auth.issueResetLink(created.id, INVITE_LINK_TTL_MS)
        await deps.notifications.send({
          to: email,
          subject: 'You are registered for MT1 assessment',
          text: `Hello ${user.first_name},\n\nYour assessment center registered you for MT1 assessment. Choose a password for your account with this link (valid for seven days, usable once):\n\n${link}\n`,
        })
      } else if (!user.roles.includes('candidate')) {
        return fail('the account with this email is not a candidate account')
      }
      const registration = await deps.registrations.registerOnBehalf(createdBy, user.id, { sessionId, modules, waitlist: true })
      return { row: index, email, outcome: registration.status === 'waitlisted' ? 'waitlisted' : 'registered' }
    } catch (err) {
      if (err instanceof AppError) return fail(err.message)
      ctx.log.error({ err, row: index }, 'cohort row failed')
      return fail('an unexpected error; the row was not registered')
    }
  }

  async function run(jobId: string, createdBy: string, sessionId: string, rows: Record<string, string>[]) {
    const report: CohortLine[] = []
    try {
      for (let i = 0; i < rows.length; i++) {
        report.push(await handleRow(createdBy, sessionId, rows[i]!, i + 2))
        if ((i + 1) % 50 === 0 || i === rows.length - 1) await db.updateTable('jobs').set({ processed: i + 1 }).where('id', '=', jobId).execute()
      }
      await db.updateTable('jobs').set({ status: 'done', report: JSON.stringify(report), finished_at: now() }).where('id', '=', jobId).execute()
    } catch (err) {
      ctx.log.error({ err, jobId }, 'cohort import failed')
      await db.updateTable('jobs').set({ status: 'failed', report: JSON.stringify(report), finished_at: now() }).where('id', '=', jobId).execute()
    }
  }

  const running = new Set<Promise<void>>()

  return {
    async start(actor: Actor | null, sessionId: string, body: Buffer) {
      const who = requireRole(actor, 'center_admin', 'program_staff', 'employer')
      const session = await findSessionWithCenter(db, sessionId)
      if (!session) throw notFound('The session')
      if (!(await organisesSession(db, who, session))) throw new AppError('FORBIDDEN', 'Only this center\'s administrators (and an onsite event\'s employer) upload its cohorts.')
      if (body.length > COHORT_LIMITS.bytes) throw new AppError('PAYLOAD_TOO_LARGE', 'A cohort file may be up to 5 MB.')
      const { rows } = parseCohort(body.toString('utf8'))
      const id = newId()
      await db.insertInto('jobs').values({ id, kind: 'cohort_registration', status: 'running', total: rows.length, processed: 0, report: null, created_by: who.userId, created_at: now(), finished_at: null }).execute()
      await deps.audit.record(db, { actorId: who.userId, action: 'cohort.uploaded', entityType: 'session', entityId: sessionId, details: { jobId: id, rows: rows.length } })
      const job = run(id, who.userId, sessionId, rows).finally(() => running.delete(job))
      running.add(job)
      return { jobId: id, total: rows.length }
    },

    async job(actor: Actor | null, id: string) {
      const who = requireActor(actor)
      const job = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst()
      if (!job || (job.created_by !== who.userId && !hasRole(who, 'program_staff'))) throw notFound('The job')
      const base = { id: job.id, kind: job.kind, status: job.status, total: job.total, processed: job.processed, createdAt: job.created_at, finishedAt: job.finished_at }
      // Other kinds of job (rescoring) keep a summary object as their report.
      if (job.kind !== 'cohort_registration') return { ...base, summary: job.report ? (JSON.parse(job.report) as unknown) : null, report: null }
      const report = job.report ? (JSON.parse(job.report) as CohortLine[]) : null
      return {
        ...base,
        summary: report ? { registered: report.filter((l) => l.outcome === 'registered').length, waitlisted: report.filter((l) => l.outcome === 'waitlisted').length, failed: report.filter((l) => l.outcome === 'failed').length } : null,
        report,
      }
    },

    /**
     * Marks as failed the jobs a crash left running. Jobs run inside the process that started
     * them, so on SQLite (one process) any job still running at start-up was interrupted; with
     * PostgreSQL another instance may be running it, so nothing is touched there.
     */
    async failInterruptedJobs(): Promise<number> {
      if (ctx.dialect !== 'sqlite') return 0
      const result = await db.updateTable('jobs').set({ status: 'failed', finished_at: now() }).where('status', '=', 'running').executeTakeFirst()
      return Number(result.numUpdatedRows)
    },

    /** Resolves when every running job has finished (tests, graceful shutdown). */
    idle: () => Promise.all([...running]).then(() => undefined),
  }
}

export type CohortService = ReturnType<typeof createCohortService>
