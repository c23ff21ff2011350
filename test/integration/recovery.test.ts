// What a crash leaves behind is picked up at the next start: emails recorded but not delivered go
// out, and (on SQLite, where jobs can only belong to this process) jobs cut off midway are failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '../../src/server/ids.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

describe.each(databases)('recovery at start-up on %s', (kind) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(kind)
  })
  afterAll(async () => t.close())

  it('delivers emails a crash left queued, but not ones queued a moment ago', async () => {
    const old = newId()
    const fresh = newId()
    const at = (ms: number) => new Date(t.clock().getTime() - ms).toISOString()
    await t.app.db.insertInto('emails').values([
      { id: old, to_address: 'stuck@example.com', subject: 'Your registration', text_body: 'Body', transport: 'outbox', status: 'queued', error: null, created_at: at(5 * 60_000), sent_at: null },
      { id: fresh, to_address: 'inflight@example.com', subject: 'Another', text_body: 'Body', transport: 'outbox', status: 'queued', error: null, created_at: at(1_000), sent_at: null },
    ]).execute()
    expect(await t.app.services.notifications.resendQueued()).toBe(1)
    await t.app.services.notifications.flush()
    const rows = await t.app.db.selectFrom('emails').select(['id', 'status']).where('id', 'in', [old, fresh]).execute()
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [old]: 'sent', [fresh]: 'queued' })
  })

  it('fails jobs left running only where they cannot belong to another process', async () => {
    const user = await t.app.services.users.createWithPassword({ email: `job-owner-${kind}@example.com`, firstName: 'Job', lastName: 'Owner', roles: ['program_staff'] })
    const id = newId()
    await t.app.db.insertInto('jobs').values({ id, kind: 'cohort_registration', status: 'running', total: 10, processed: 3, report: null, created_by: user.id, created_at: t.clock().toISOString(), finished_at: null }).execute()
    const failed = await t.app.services.cohorts.failInterruptedJobs()
    const job = await t.app.db.selectFrom('jobs').select('status').where('id', '=', id).executeTakeFirstOrThrow()
    if (kind === 'sqlite') {
      expect(failed).toBe(1)
      expect(job.status).toBe('failed')
    } else {
      expect(failed).toBe(0)
      expect(job.status).toBe('running')
    }
  })
})
