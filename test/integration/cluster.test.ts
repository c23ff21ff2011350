// WEB_CONCURRENCY (src/server/cluster.ts) with real processes: on PostgreSQL two workers answer
// requests (told apart by the pid of their log lines), a worker that dies is replaced, and SIGTERM
// to the primary stops everything; on SQLite more than one process is refused at start.
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { exited, killServerProcesses, startServerProcess } from '../helpers/server-process.js'
import { removeTestStorage } from '../helpers/test-app.js'

const url = process.env.TEST_DATABASE_URL
afterAll(killServerProcesses)

/** A GET on a fresh connection (no keep-alive), so the primary hands each one to the next worker. */
const getOnce = (base: string, pathname: string) => new Promise<number>((resolve, reject) => {
  http.get(`${base}${pathname}`, { agent: false }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)) }).on('error', reject)
})

/** The pids of the JSON log lines matching `msg`. */
const pidsOf = (output: string, msg: string) => new Set(output.split('\n').flatMap((line) => {
  try {
    const entry = JSON.parse(line) as { pid?: number; msg?: string; worker?: number }
    return entry.msg === msg ? [msg === 'worker started' ? entry.worker! : entry.pid!] : []
  } catch {
    return []
  }
}))

const alive = (pid: number) => { try { process.kill(pid, 0); return true } catch { return false } }

describe.skipIf(!url)('WEB_CONCURRENCY on PostgreSQL', () => {
  it('serves from two worker processes, replaces a worker that dies, and stops on SIGTERM', async () => {
    const schema = `cl_${randomBytes(5).toString('hex')}`
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-cluster-'))
    try {
      const server = await startServerProcess({ WEB_CONCURRENCY: '2', DATABASE_URL: url!, DATABASE_SCHEMA: schema, DATA_DIR: dataDir, MT1_DEMO: '0', LOG_LEVEL: 'info' }, 240_000)
      // Both workers listen once each has logged that it serves.
      for (const until = Date.now() + 90_000; pidsOf(server.output(), 'request completed').size < 2 && Date.now() < until;) {
        expect(await getOnce(server.base, '/api/v1/health')).toBe(200)
        await new Promise((r) => setTimeout(r, 50))
      }
      const workers = pidsOf(server.output(), 'worker started')
      // The output names any worker that died at start and why (the primary logs it).
      expect(workers.size, server.output()).toBe(2)
      const served = pidsOf(server.output(), 'request completed')
      expect([...served].sort()).toEqual([...workers].sort())
      expect(served.has(server.child.pid!)).toBe(false)

      // A worker killed outright is replaced, and the platform answers throughout.
      const [victim] = workers
      process.kill(victim!, 'SIGKILL')
      for (const until = Date.now() + 90_000; pidsOf(server.output(), 'worker started').size < 3 && Date.now() < until;) {
        await new Promise((r) => setTimeout(r, 100))
      }
      expect(pidsOf(server.output(), 'worker started').size).toBe(3)
      expect(await getOnce(server.base, '/api/v1/health')).toBe(200)

      // SIGTERM to the primary stops every worker gracefully, then the primary.
      const everyWorker = [...pidsOf(server.output(), 'worker started')]
      const exit = exited(server.child)
      server.child.kill('SIGTERM')
      expect(await exit).toBe(0)
      expect(everyWorker.filter(alive)).toEqual([])
      expect(server.output()).toContain('all workers stopped')
    } finally {
      killServerProcesses()
      await removeTestStorage(dataDir, schema)
    }
  }, 600_000)
})

describe('WEB_CONCURRENCY on SQLite', () => {
  it('refuses more than one process with a message that says why', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-cluster-'))
    try {
      await expect(startServerProcess({ WEB_CONCURRENCY: '2', DATA_DIR: dataDir, MT1_DEMO: '0' }, 240_000)).rejects.toThrow(/WEB_CONCURRENCY=2 needs PostgreSQL \(DATABASE_URL\)/)
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }, 300_000)
})
