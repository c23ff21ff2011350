// The real server process: starts from the environment, seeds demo data on a fresh data directory
// (not with MT1_DEMO=0), and stops gracefully on SIGTERM, finishing what it was doing.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src/server/config.js'
import { databases } from '../helpers/test-app.js'

const children: ChildProcess[] = []
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL')
})

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string; output: () => string }> {
  const port = 40000 + Math.floor(Math.random() * 20000)
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src/server/main.ts')], {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let out = ''
  child.stdout!.on('data', (d) => { out += d })
  child.stderr!.on('data', (d) => { out += d })
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`server exited early: ${out}`)
    try {
      const res = await fetch(`${base}/api/v1/health`)
      if (res.ok) return { child, base, output: () => out }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`server did not start: ${out}`)
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

describe('the server process', () => {
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
    const { child, base } = await startServer({ DATA_DIR: dataDir, MT1_DEMO: '0' })
    // Registration hashes a password (tens of milliseconds): SIGTERM arrives while it runs.
    const pending = fetch(`${base}/api/v1/auth/register`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'late@example.com', password: 'long enough pw', firstName: 'Late', lastName: 'Comer' }),
    })
    await new Promise((r) => setTimeout(r, 5))
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
