// Background work across real server processes on one PostgreSQL database: each tick of the delivery
// sweep and of the minute housekeeping runs in exactly one process, and a job whose process is killed
// (SIGKILL) is finished by the other with the whole report.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/server/app.js'
import { loadConfig } from '../../src/server/config.js'
import { seedDemo } from '../../src/server/db/seed/demo.js'
import { staffSession, type Session } from '../helpers/http-client.js'
import { exited, killServerProcesses, startServerProcess, type ServerProcess } from '../helpers/server-process.js'
import { removeTestStorage } from '../helpers/test-app.js'

const url = process.env.TEST_DATABASE_URL
if (!url) console.info('[job-queue-processes] TEST_DATABASE_URL is not set: the PostgreSQL job queue tests across processes are skipped.')

/** The ticks a process ran, from its debug log lines (`{"msg":"delivery sweep tick","tick":"<message id>"}`). */
function ticks(server: ServerProcess, msg: string): string[] {
  return server.output().split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return []
    try {
      const entry = JSON.parse(line) as { msg?: string; tick?: string }
      return entry.msg === msg && entry.tick ? [entry.tick] : []
    } catch {
      return []
    }
  })
}

const until = async (what: string, done: () => boolean | Promise<boolean>, timeoutMs: number) => {
  for (const end = Date.now() + timeoutMs; Date.now() < end;) {
    if (await done()) return
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe.skipIf(!url)('background work across two server processes on PostgreSQL', () => {
  const schema = `jq_${Date.now().toString(36)}`
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-jq-'))
  let app: FastifyInstance
  let staff: Session
  let a: ServerProcess
  let b: ServerProcess
  let started: number

  beforeAll(async () => {
    // Fixtures through the app itself: the demo program (a center, its sessions) and a staff login.
    app = await buildApp(loadConfig({ DATA_DIR: dataDir, MT1_DEMO: '0' }, { databaseUrl: url, databaseSchema: schema, logLevel: 'silent' }), { logger: false })
    await app.services.itemBank.seedShippedBank()
    await seedDemo(app)
    staff = await staffSession(app)
    const env = { DATABASE_URL: url!, DATABASE_SCHEMA: schema, DATA_DIR: dataDir, MT1_DEMO: '0', LOG_LEVEL: 'debug', RATE_LIMIT_PUBLIC_PER_MINUTE: '0' }
    // One after the other, as an operator would start them (the first start prepares the queue's schema).
    // Ticks are counted from the first process's start (it sweeps while the second starts).
    started = Date.now()
    a = await startServerProcess(env, 240_000)
    b = await startServerProcess(env, 240_000)
  }, 600_000)

  afterAll(async () => {
    killServerProcesses()
    await app?.close()
    await removeTestStorage(dataDir, schema)
  })

  it('runs each delivery sweep tick and each housekeeping tick in one process only', async () => {
    // The minute housekeeping is a cron schedule: wait for its first tick (and a few sweeps).
    await until('a housekeeping tick', () => [...ticks(a, 'housekeeping tick'), ...ticks(b, 'housekeeping tick')].length >= 1 && ticks(a, 'delivery sweep tick').length + ticks(b, 'delivery sweep tick').length >= 4, 180_000)
    const elapsed = Date.now() - started
    for (const msg of ['delivery sweep tick', 'housekeeping tick']) {
      const inA = ticks(a, msg)
      const inB = ticks(b, msg)
      // No tick ran twice, in one process or across both.
      expect(new Set([...inA, ...inB]).size).toBe(inA.length + inB.length)
      expect(inA.filter((id) => inB.includes(id))).toEqual([])
    }
    // One sweep per 5-second slot across both processes (each sends one per slot; the queue keeps one).
    const sweeps = ticks(a, 'delivery sweep tick').length + ticks(b, 'delivery sweep tick').length
    expect(sweeps).toBeLessThanOrEqual(Math.ceil(elapsed / 5_000) + 2)
    const housekeeping = ticks(a, 'housekeeping tick').length + ticks(b, 'housekeeping tick').length
    expect(housekeeping).toBeLessThanOrEqual(Math.ceil(elapsed / 60_000) + 1)
  }, 300_000)

  it('finishes a job whose process was killed in the other process, with the whole report', async () => {
    const session = await app.db.selectFrom('test_sessions').select('id').where('status', '=', 'scheduled').where('starts_at', '>', new Date(Date.now() + 5 * 86_400_000).toISOString()).orderBy('seats', 'desc').executeTakeFirstOrThrow()
    const rows = 1_500
    const csv = ['name,email,modules', ...Array.from({ length: rows }, (_, i) => `Cohort Person ${i},cohort-${i}@jq.example,MM`)].join('\n')
    const upload = await fetch(`${a.base}/api/v1/sessions/${session.id}/cohort`, {
      method: 'POST', headers: { 'content-type': 'text/csv', cookie: staff.cookie, 'x-csrf-token': staff.csrfToken }, body: csv,
    })
    expect(upload.status).toBe(202)
    const { jobId } = (await upload.json()) as { jobId: string }
    const job = () => app.db.selectFrom('jobs').select(['status', 'processed', 'owner', 'resumes', 'report']).where('id', '=', jobId).executeTakeFirstOrThrow()
    // Kill the process running it, mid-job (after its first checkpoint).
    const runner = async () => {
      const row = await job()
      return row.owner?.startsWith(`${a.child.pid}:`) ? a : row.owner?.startsWith(`${b.child.pid}:`) ? b : null
    }
    await until('the first checkpoint', async () => Number((await job()).processed) > 0, 120_000)
    const victim = (await runner())!
    expect(victim).not.toBeNull()
    const survivor = victim === a ? b : a
    const stopped = exited(victim.child)
    victim.child.kill('SIGKILL')
    await stopped
    expect((await job()).status).toBe('running')
    // The survivor takes it over once the lease runs out (a minute), resumes it and finishes it.
    await until('the job to finish', async () => (await job()).status !== 'running', 360_000)
    const done = await job()
    expect(done).toMatchObject({ status: 'done', processed: rows })
    expect(Number(done.resumes)).toBe(1)
    expect(done.owner?.startsWith(`${survivor.child.pid}:`)).toBe(true)
    const report = JSON.parse(done.report!) as { email: string; outcome: string }[]
    expect(report).toHaveLength(rows)
    // Seats run out: the rest are waitlisted, none fails.
    expect(report.filter((l) => l.outcome === 'failed').slice(0, 3)).toEqual([])
    // Every person was registered once, none twice (rows redone after the checkpoint are recognised).
    const users = await app.db.selectFrom('users').select('email').where('email', 'like', 'cohort-%@jq.example').execute()
    expect(users).toHaveLength(rows)
  }, 600_000)
})
