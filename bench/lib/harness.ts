// Shared benchmark plumbing: start a server in its own process (so the load generator does not
// steal its CPU), load it with autocannon, and report medians over rounds as API.md prescribes.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import autocannon from 'autocannon'

export const projectRoot = path.resolve(import.meta.dirname, '..', '..')

export interface RunningServer {
  url: string
  stop(): Promise<void>
}

/** Starts `entry` (a TypeScript file) under node with tsx and waits for `readyPath` to answer. */
export async function startServer(entry: string, env: Record<string, string>, readyPath: string): Promise<RunningServer> {
  const port = 41000 + Math.floor(Math.random() * 20000)
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(projectRoot, entry)], {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  // A server that is not answering after this long fails the bench here, rather than being measured
  // as a stream of connection errors by whatever comes next.
  const timeoutMs = envNumber('BENCH_START_TIMEOUT_MS', 120_000)
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`)
    try {
      if ((await fetch(url + readyPath)).ok) break
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${entry} did not answer ${readyPath} within ${timeoutMs / 1000} s (BENCH_START_TIMEOUT_MS)`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

export interface LoadResult {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  errors: number
  non2xx: number
}

export async function load(url: string, seconds: number, connections: number): Promise<LoadResult> {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 })
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export function printTable(rows: Record<string, string | number>[]): void {
  console.table(rows)
}

/** The last line of every benchmark: one JSON object (API.md). */
export function printResult(result: { bench: string; value: number; unit: string; baseline: number; ratio: number }): void {
  console.log(JSON.stringify(result))
}

export const envNumber = (name: string, fallback: number): number => {
  const v = Number(process.env[name])
  return Number.isFinite(v) && v > 0 ? v : fallback
}
