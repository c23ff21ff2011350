// A process killed mid-session with another one serving (issue 16, stateless stream): two server
// processes on one PostgreSQL schema; candidates are checked in and answer through A; A is killed
// with SIGKILL; the candidates carry on through B (resume, more saves, submit) and every answer A
// acknowledged is in what B scores.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { send, signIn } from '../helpers/process-client.js'
import { responseFor } from '../helpers/responses.js'
import { exited, killServerProcesses, startServerProcess } from '../helpers/server-process.js'
import { removeTestStorage, TEST_KEK } from '../helpers/test-app.js'

const url = process.env.TEST_DATABASE_URL
const CANDIDATES = 6
afterAll(killServerProcesses)

describe.skipIf(!url)('a SIGKILL of one of two processes on PostgreSQL', () => {
  it('carries the candidates on through the other with nothing acknowledged lost', async () => {
    const schema = `kill_${randomBytes(5).toString('hex')}`
    const dirA = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-kill-a-'))
    const dirB = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-kill-b-'))
    // Two installs (separate DATA_DIRs) on one database share the key-encryption key, as production must.
    const env = { DATABASE_URL: url!, DATABASE_SCHEMA: schema, LOG_LEVEL: 'warn', RATE_LIMIT_PUBLIC_PER_MINUTE: '0', MT1_KEY_ENCRYPTION_KEY: TEST_KEK }
    try {
      // A seeds the demo (a session in progress, its proctor); B finds the database seeded.
      const a = (await startServerProcess({ ...env, DATA_DIR: dirA }, 240_000))
      const b = (await startServerProcess({ ...env, DATA_DIR: dirB }, 240_000))
      const staff = await signIn(a.base, 'admin@demo.test', 'mt1-demo')
      const proctor = await signIn(a.base, 'proctor@demo.test', 'mt1-demo')
      const sessionId = (await send(a.base, null, 'GET', '/api/v1/sessions')).json.items.find((s: { status: string }) => s.status === 'in_progress').id as string
      expect((await send(a.base, proctor, 'POST', `/api/v1/sessions/${sessionId}/presence`)).status).toBe(200)

      // Checked in and started on A.
      const sitters = await Promise.all(Array.from({ length: CANDIDATES }, async (_, i) => {
        const who = await signIn(a.base, `kill-${i}@example.com`, 'correct horse battery', { firstName: 'Kill', lastName: `Tester ${i}` })
        const me = (await send(a.base, who, 'GET', '/api/v1/me')).json.user.id as string
        const reg = await send(a.base, staff, 'POST', '/api/v1/admin/registrations', { candidateId: me, sessionId, modules: ['QBA'], overrideReason: 'Kill test walk-in' })
        expect(reg.status, JSON.stringify(reg.json)).toBe(201)
        expect((await send(a.base, proctor, 'POST', `/api/v1/sessions/${sessionId}/checkins`, { registrationId: reg.json.id, idVerified: true })).status).toBe(201)
        const started = await send(a.base, who, 'POST', '/api/v1/attempts', { registrationId: reg.json.id, module: 'QBA' })
        expect(started.status, JSON.stringify(started.json)).toBe(201)
        return { who, attempt: started.json as { id: string; deadline: string; items: { id: string; presentation: unknown }[] } }
      }))

      // Saves through A until it is killed mid-stream; the latest acknowledged save per item is kept.
      const acknowledged = new Map<string, { seq: number; value: unknown }>()
      let acks = 0
      let stop = false
      const answering = sitters.map(async ({ who, attempt }, c) => {
        for (let seq = 1; !stop; seq++) {
          const shown = attempt.items[seq % attempt.items.length]!
          const value = responseFor(shown, seq + c)
          try {
            const res = await send(a.base, who, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${shown.id}`, { response: value, seq })
            if (res.status === 200 && res.json.applied) {
              acknowledged.set(`${attempt.id}/${shown.id}`, { seq, value })
              acks++
            }
          } catch {
            return // the connection died with A
          }
        }
      })
      while (acks < CANDIDATES * 20) await new Promise((r) => setTimeout(r, 20))
      const died = exited(a.child)
      a.child.kill('SIGKILL')
      await died
      stop = true
      await Promise.all(answering)

      // Through B: the proctor is present again, each candidate resumes, saves more and submits.
      expect((await send(b.base, proctor, 'POST', `/api/v1/sessions/${sessionId}/presence`)).status).toBe(200)
      let checked = 0
      for (const { who, attempt } of sitters) {
        const resumed = await send(b.base, who, 'GET', `/api/v1/attempts/${attempt.id}`)
        expect(resumed.status).toBe(200)
        expect(resumed.json.status).toBe('in_progress')
        expect(resumed.json.deadline).toBe(attempt.deadline)
        // One more answer through B, on an item A never saw answered last.
        const last = attempt.items[attempt.items.length - 1]!
        const extra = { seq: 1_000_000, value: responseFor(last, 7) }
        const saved = await send(b.base, who, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${last.id}`, { response: extra.value, seq: extra.seq })
        expect(saved.status, JSON.stringify(saved.json)).toBe(200)
        acknowledged.set(`${attempt.id}/${last.id}`, extra)
        const submitted = await send(b.base, who, 'POST', `/api/v1/attempts/${attempt.id}/submit`)
        expect(submitted.status, JSON.stringify(submitted.json)).toBe(200)

        // What was scored: the stored responses of the submitted attempt, every acknowledged one there.
        const scored = await send(b.base, who, 'GET', `/api/v1/attempts/${attempt.id}`)
        expect(scored.json.status).not.toBe('in_progress')
        for (const item of attempt.items) {
          const ack = acknowledged.get(`${attempt.id}/${item.id}`)
          if (!ack) continue
          const stored = scored.json.responses[item.id]
          // A save in flight at the kill may have committed unanswered: the stored one is then newer.
          expect(stored.seq, `${attempt.id}/${item.id}`).toBeGreaterThanOrEqual(ack.seq)
          if (stored.seq === ack.seq) expect(stored.response).toEqual(ack.value)
          checked++
        }
      }
      expect(checked).toBeGreaterThan(CANDIDATES)
      console.info(`[two-processes-kill] ${acks} saves acknowledged by A before its SIGKILL; ${checked} acknowledged answers checked in what B scored`)
    } finally {
      killServerProcesses()
      await removeTestStorage(dirA, schema)
      fs.rmSync(dirB, { recursive: true, force: true })
    }
  }, 600_000)
})
