// What a crash leaves behind is picked up at the next start: emails recorded but not delivered go
// out, and jobs cut off midway are taken over (resumed, or failed with the reason) once their process is gone.
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
    await t.flushEmails()
    const rows = await t.app.db.selectFrom('emails').select(['id', 'status']).where('id', 'in', [old, fresh]).execute()
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [old]: 'sent', [fresh]: 'queued' })
  })

  it('takes over jobs left running by a process that is gone, failing with the reason one that cannot be resumed, and leaves a live process its jobs', async () => {
    const user = await t.app.services.users.createWithPassword({ email: `job-owner-${kind}@example.com`, firstName: 'Job', lastName: 'Owner', roles: ['program_staff'] })
    const orphan = newId()
    const held = newId()
    const at = t.clock().toISOString()
    // A job from before jobs kept their input, cut off by a crash: nothing to resume it from.
    await t.app.db.insertInto('jobs').values({ id: orphan, kind: 'cohort_registration', status: 'running', total: 10, processed: 3, report: null, created_by: user.id, created_at: at, finished_at: null }).execute()
    // A job another process holds and showed it was alive for a moment ago.
    await t.app.db.insertInto('jobs').values({ id: held, kind: 'rescore', status: 'running', total: 0, processed: 0, report: null, created_by: user.id, created_at: at, finished_at: null, owner: 'another-process', heartbeat_at: at, input: JSON.stringify({ itemId: 'none', version: 1, note: 'test' }) }).execute()
    const recovered = await t.app.services.jobs.recover()
    await t.idle()
    const rows = Object.fromEntries((await t.app.db.selectFrom('jobs').select(['id', 'status', 'error']).where('id', 'in', [orphan, held]).execute()).map((r) => [r.id, r]))
    expect(rows[orphan]).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Interrupted: .*start it again/) })
    if (kind === 'sqlite') {
      // Only the server process runs jobs on SQLite: a job still running at its start is an orphan, taken over and resumed.
      expect(recovered).toEqual({ resumed: 1, failed: 1 })
      expect(rows[held]!.status).toBe('done')
    } else {
      // On PostgreSQL another instance may be running it: its lease has not run out.
      expect(recovered).toEqual({ resumed: 0, failed: 1 })
      expect(rows[held]!.status).toBe('running')
    }
  })
})
