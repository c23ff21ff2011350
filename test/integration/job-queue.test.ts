// One job API on both databases (through pg-boss on PostgreSQL, in the process on SQLite): a job's
// row commits with its caller's work and runs after; an unexpected error is tried again from the
// last checkpoint, with backoff, then fails with the reason; a job's verdict (an AppError) fails at once.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../src/server/errors.js'
import { JOB_RETRIES } from '../../src/server/modules/jobs/jobs.service.js'
import { queueSchema } from '../../src/server/modules/jobs/job-queue.js'
import { startLocalSmtp, type LocalSmtp } from '../helpers/local-smtp.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

describe.each(databases)('the job API on %s', (kind) => {
  let t: TestApp
  let staffId: string
  const attempts = new Map<string, number[]>()
  beforeAll(async () => {
    t = await createTestApp(kind)
    staffId = (await t.app.services.users.createWithPassword({ email: `jobs-${kind}@example.com`, firstName: 'Job', lastName: 'Runner', roles: ['program_staff'] })).id
    const jobs = t.app.services.jobs
    // Fails twice, then finishes from where its checkpoint left it.
    jobs.register<{ n: number }>('test_flaky', {
      resumable: true,
      async run(job, input) {
        attempts.set(job.id, [...(attempts.get(job.id) ?? []), job.processed])
        if (job.processed === 0) await job.checkpoint({ processed: 1, total: input.n })
        if ((attempts.get(job.id) ?? []).length <= 2) throw new Error('connection reset by peer')
        return { status: 'done', report: { attempts: attempts.get(job.id)!.length } }
      },
    })
    jobs.register('test_broken', {
      resumable: true,
      async run(job) {
        attempts.set(job.id, [...(attempts.get(job.id) ?? []), job.processed])
        throw new Error('always broken')
      },
    })
    jobs.register('test_refused', {
      resumable: true,
      async run(job) {
        attempts.set(job.id, [...(attempts.get(job.id) ?? []), job.processed])
        throw new AppError('VALIDATION', 'The file names a session that does not exist.')
      },
    })
    jobs.register('test_once', {
      resumable: false,
      async run(job) {
        attempts.set(job.id, [...(attempts.get(job.id) ?? []), job.processed])
        throw new Error('not safe to repeat')
      },
    })
  })
  afterAll(async () => t.close())

  const row = (id: string) => t.app.db.selectFrom('jobs').select(['status', 'error', 'report', 'processed']).where('id', '=', id).executeTakeFirstOrThrow()

  it('retries a failing handler from its checkpoint until it succeeds', async () => {
    const id = await t.app.services.jobs.start({ kind: 'test_flaky', createdBy: staffId, input: { n: 3 }, total: 3 })
    await t.idle()
    expect(await row(id)).toMatchObject({ status: 'done', report: JSON.stringify({ attempts: 3 }) })
    // Each retry started from the checkpoint the first attempt saved.
    expect(attempts.get(id)).toEqual([0, 1, 1])
  }, 60_000)

  it('fails with the reason after its retries, and at once on a verdict or a kind that cannot run again', async () => {
    const broken = await t.app.services.jobs.start({ kind: 'test_broken', createdBy: staffId, input: {}, total: 1 })
    const refused = await t.app.services.jobs.start({ kind: 'test_refused', createdBy: staffId, input: {}, total: 1 })
    const once = await t.app.services.jobs.start({ kind: 'test_once', createdBy: staffId, input: {}, total: 1 })
    await t.idle()
    expect(await row(broken)).toMatchObject({ status: 'failed', error: `The job stopped on an unexpected error (logged), ${JOB_RETRIES + 1} times: start it again.` })
    expect(attempts.get(broken)).toHaveLength(JOB_RETRIES + 1)
    expect(await row(refused)).toMatchObject({ status: 'failed', error: 'The file names a session that does not exist.' })
    expect(attempts.get(refused)).toHaveLength(1)
    expect(await row(once)).toMatchObject({ status: 'failed', error: 'The job stopped on an unexpected error (logged).' })
    expect(attempts.get(once)).toHaveLength(1)
  }, 60_000)

  it('creates a job atomically with its caller\'s work: a rolled-back job is never run', async () => {
    const before = attempts.size
    await expect(t.app.db.transaction().execute(async (trx) => {
      await t.app.services.jobs.create(trx, { kind: 'test_flaky', createdBy: staffId, input: { n: 1 }, total: 1 })
      throw new Error('the caller\'s work failed')
    })).rejects.toThrow('the caller')
    expect(await t.app.db.selectFrom('jobs').select('id').where('kind', '=', 'test_flaky').execute()).toHaveLength(1)
    await t.idle()
    expect(attempts.size).toBe(before)
  })
})

// Emails on the queue (PostgreSQL): a delivery the mail server refuses is tried again with backoff
// and sent once; the queued message keeps the recipient's text only until it is delivered.
describe.skipIf(!databases.includes('postgres'))('emails on the job queue on postgres', () => {
  let t: TestApp
  let smtp: LocalSmtp
  beforeAll(async () => {
    smtp = await startLocalSmtp(2)
    t = await createTestApp('postgres', { smtpUrl: smtp.url })
  })
  afterAll(async () => {
    await t.close()
    await smtp.close()
  })

  it('retries an email the SMTP server refused and sends it exactly once', async () => {
    const id = await t.app.services.notifications.send({ to: 'retry@example.com', subject: 'Your seat is confirmed', text: 'Set your password: http://mt1.test/reset?token=secret-token-1' })
    await t.flushEmails()
    expect(await t.app.db.selectFrom('emails').select(['status', 'error']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ status: 'sent', error: null })
    expect(smtp.refused()).toBe(2)
    expect(smtp.accepted).toHaveLength(1)
    expect(smtp.accepted[0]).toContain('secret-token-1')
    // Delivered: a second message for the same outbox row (a duplicate) sends nothing.
    const jobTable = sql.table(`${queueSchema(t.app.config.databaseSchema)}.job`)
    const duplicate = await t.app.services.jobs.queue!.send('mt1-email', { id, to: 'retry@example.com', subject: 'Your seat is confirmed', text: 'again' })
    for (let i = 0; i < 200; i++) {
      const { rows: [job] } = await sql<{ state: string }>`SELECT state FROM ${jobTable} WHERE id = ${duplicate}`.execute(t.app.db)
      if (job?.state === 'completed') break
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(smtp.accepted).toHaveLength(1)
    // The queue no longer keeps the message's text (its link).
    const { rows } = await sql<{ data: unknown }>`SELECT data FROM ${jobTable} WHERE singleton_key = ${id}`.execute(t.app.db)
    expect(rows.map((r) => r.data)).toEqual([{}])
  }, 60_000)
})
