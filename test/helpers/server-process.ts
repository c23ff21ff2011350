// Starts the real server (src/server/main.ts) as its own process for tests that need one: crash,
// shutdown and multi-process behaviour. Processes are killed when the test file's hook asks.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { projectRoot } from '../../src/server/config.js'

const children: ChildProcess[] = []

export interface ServerProcess {
  child: ChildProcess
  base: string
  output: () => string
}

/**
 * Starts the server on a random port with these settings and waits until its health check answers.
 * A random port can be taken by another process between choosing and listening: the start is tried
 * again on another port then (only for EADDRINUSE; any other early exit fails at once).
 */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnRandomPort(env, timeoutMs)
    } catch (err) {
      if (attempt >= 3 || !(err instanceof Error) || !err.message.includes('EADDRINUSE')) throw err
    }
  }
}

async function startOnRandomPort(env: Record<string, string>, timeoutMs: number): Promise<ServerProcess> {
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
  for (const until = Date.now() + timeoutMs; Date.now() < until;) {
    if (child.exitCode !== null) throw new Error(`server exited early: ${out}`)
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return { child, base, output: () => out }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`server did not start: ${out}`)
}

export const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

/** Kills every server a test started that is still running. */
export function killServerProcesses(): void {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL')
}
