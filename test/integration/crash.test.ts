// The crash test of test delivery: while simulated candidates answer, the server process is killed
// with SIGKILL and started again on the same database. Every response the server answered 200 for
// must be there with its latest value, deadlines must be unchanged, and candidates carry on.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { send, signIn } from '../helpers/process-client.js'
import { responseFor } from '../helpers/responses.js'
import { exited, killServerProcesses, startServerProcess } from '../helpers/server-process.js'
import { databases } from '../helpers/test-app.js'

afterEach(killServerProcesses)

const CANDIDATES = 8

describe.each(databases)('a SIGKILL during testing on %s', (kind) => {
  it('loses no acknowledged response, keeps deadlines, and lets candidates resume', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-crash-'))
    const env: Record<string, string> = { DATA_DIR: dataDir, ...(kind === 'postgres' ? { DATABASE_URL: process.env.TEST_DATABASE_URL!, DATABASE_SCHEMA: `crash_${Date.now().toString(36)}` } : {}) }
    let server = await startServerProcess(env)
    const base = () => server.base

    const staff = await signIn(base(), 'admin@demo.test', 'mt1-demo')
    const proctor = await signIn(base(), 'proctor@demo.test', 'mt1-demo')
    const sessionId = (await send(base(), null, 'GET', '/api/v1/sessions')).json.items.find((s: { status: string }) => s.status === 'in_progress').id as string
    expect((await send(base(), proctor, 'POST', `/api/v1/sessions/${sessionId}/presence`)).status).toBe(200)

    const sitters = await Promise.all(Array.from({ length: CANDIDATES }, async (_, i) => {
      const who = await signIn(base(), `crash-${i}@example.com`, 'correct horse battery', { firstName: 'Crash', lastName: `Tester ${i}` })
      const me = (await send(base(), who, 'GET', '/api/v1/me')).json.user.id as string
      const reg = await send(base(), staff, 'POST', '/api/v1/admin/registrations', { candidateId: me, sessionId, modules: ['QBA'], overrideReason: 'Crash test walk-in' })
      expect(reg.status, JSON.stringify(reg.json)).toBe(201)
      expect((await send(base(), proctor, 'POST', `/api/v1/sessions/${sessionId}/checkins`, { registrationId: reg.json.id, idVerified: true })).status).toBe(201)
      const started = await send(base(), who, 'POST', '/api/v1/attempts', { registrationId: reg.json.id, module: 'QBA' })
      expect(started.status, JSON.stringify(started.json)).toBe(201)
      return { who, attempt: started.json as { id: string; deadline: string; items: { id: string; presentation: unknown }[] } }
    }))

    // Each candidate answers item after item (each save a different valid answer in the attempt's own
    // identifiers, with its sequence number), and we keep the latest save the server acknowledged per item.
    const acknowledged = new Map<string, { seq: number; value: unknown }>()
    let stop = false
    let sent = 0
    let acks = 0
    const answering = sitters.map(async ({ who, attempt }, c) => {
      for (let seq = 1; !stop; seq++) {
        const shown = attempt.items[seq % attempt.items.length]!
        const item = shown.id
        const value = responseFor(shown, seq + c)
        sent++
        try {
          const res = await send(base(), who, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${item}`, { response: value, seq })
          if (res.status === 200 && res.json.applied) {
            acknowledged.set(`${attempt.id}/${item}`, { seq, value })
            acks++
          }
        } catch {
          return // the connection died with the server
        }
      }
    })
    // Kill in the middle of steady saving: after several rounds over every candidate's items.
    while (acks < CANDIDATES * 60) await new Promise((r) => setTimeout(r, 20))
    const died = exited(server.child)
    server.child.kill('SIGKILL')
    await died
    stop = true
    await Promise.all(answering)
    expect(acknowledged.size).toBeGreaterThan(0)

    server = await startServerProcess(env)
    expect((await send(base(), proctor, 'POST', `/api/v1/sessions/${sessionId}/presence`)).status).toBe(200)
    for (const { who, attempt } of sitters) {
      const after = await send(base(), who, 'GET', `/api/v1/attempts/${attempt.id}`)
      expect(after.status).toBe(200)
      expect(after.json.deadline).toBe(attempt.deadline)
      expect(after.json.status).toBe('in_progress')
      for (const item of attempt.items) {
        const ack = acknowledged.get(`${attempt.id}/${item.id}`)
        if (!ack) continue
        const stored = after.json.responses[item.id]
        // A save in flight at the kill may have committed without its answer arriving: then the
        // stored one is newer still. It is never older than what was acknowledged.
        expect(stored.seq, `${attempt.id}/${item.id}`).toBeGreaterThanOrEqual(ack.seq)
        if (stored.seq === ack.seq) expect(stored.response).toEqual(ack.value)
      }
      // The candidate carries on where they were.
      const next = await send(base(), who, 'PUT', `/api/v1/attempts/${attempt.id}/responses/${attempt.items[0]!.id}`, { response: responseFor(attempt.items[0]!, 1), seq: 1_000_000 })
      expect(next.status).toBe(200)
    }
    console.info(`[crash ${kind}] ${sent} saves sent, ${acks} acknowledged; ${acknowledged.size} items with an acknowledged save checked after SIGKILL`)
  }, 180_000)
})
