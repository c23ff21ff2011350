// The real server process: starts from the environment, seeds demo data on a fresh data directory
// (not with MT1_DEMO=0), and stops gracefully on SIGTERM, finishing what it was doing.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src/server/config.js'
import { exited, killServerProcesses, startServerProcess } from '../helpers/server-process.js'
import { databases } from '../helpers/test-app.js'

afterEach(killServerProcesses)
// What these tests check is behaviour (seeding, SIGTERM, refusal), not start-up time: that is the
// startup benchmark's figure. A start on a busy 2-core machine can take well over 15 s.
const startServer = (env: Record<string, string>) => startServerProcess(env, 60_000)

describe('the server process', { timeout: 120_000 }, () => {
  it.each(databases)('seeds demo data on a fresh %s database and stops cleanly on SIGTERM', async (kind) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-proc-'))
    const pg: Record<string, string> = kind === 'postgres' ? { DATABASE_URL: process.env.TEST_DATABASE_URL!, DATABASE_SCHEMA: `p_${Date.now().toString(36)}` } : {}
    const { child, base } = await startServer({ DATA_DIR: dataDir, ...pg })
    const health = (await (await fetch(`${base}/api/v1/health`)).json()) as { database: string }
    expect(health.database).toBe(kind)
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'candidate@demo.test', password: 'mt1-demo' }),
    })
    expect(login.status).toBe(200)
    const done = exited(child)
    child.kill('SIGTERM')
    expect(await done).toBe(0)
    if (kind === 'sqlite') expect(fs.existsSync(path.join(dataDir, 'mt1.sqlite'))).toBe(true)
  })

  it('finishes an in-flight request before stopping', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-proc-'))
    const { child, base, output } = await startServer({ DATA_DIR: dataDir, MT1_DEMO: '0' })
    // Registration hashes a password (tens of milliseconds): SIGTERM arrives while it runs. It is sent
    // once the server has logged the request as received (Fastify logs it past its closing check): a
    // request that had not arrived yet is rightly answered 503, and a fixed pause cannot tell the two
    // apart on a loaded machine.
    const pending = fetch(`${base}/api/v1/auth/register`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'late@example.com', password: 'long enough pw', firstName: 'Late', lastName: 'Comer' }),
    })
    const received = () => output().split('\n').some((line) => line.includes('incoming request') && line.includes('/api/v1/auth/register'))
    for (const until = Date.now() + 30_000; !received() && Date.now() < until;) await new Promise((r) => setTimeout(r, 1))
    expect(received(), 'the server logged the registration as received').toBe(true)
    const done = exited(child)
    child.kill('SIGTERM')
    const res = await pending
    expect(res.status).toBe(201)
    expect(await done).toBe(0)
  })

  it('never creates demo accounts with MT1_DEMO=0', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-proc-'))
    const { child, base } = await startServer({ DATA_DIR: dataDir, MT1_DEMO: '0' })
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.test', password: 'mt1-demo' }),
    })
    expect(login.status).toBe(401)
    child.kill('SIGTERM')
    await exited(child)
  })

  it('refuses to start with a broken program definition, naming the field', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-badprog-'))
    const program = JSON.parse(fs.readFileSync(path.join(projectRoot, 'program/mt1/program.json'), 'utf8'))
    program.modules[0].timeLimitMinutes = -5
    fs.writeFileSync(path.join(dir, 'program.json'), JSON.stringify(program))
    await expect(startServer({ DATA_DIR: dir, MT1_PROGRAM_DIR: dir })).rejects.toThrow(/\/modules\/0\/timeLimitMinutes/)
  })
})
