// GET /api/v1/program requests per second against a bare Fastify JSON route, same machine, same
// run, same logger settings; median over rounds that alternate the two servers.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { envNumber, load, median, printResult, printTable, startServer } from './lib/harness.js'

export async function run(): Promise<void> {
  const rounds = envNumber('BENCH_ROUNDS', 3)
  const seconds = envNumber('BENCH_SECONDS', 8)
  const connections = envNumber('BENCH_CONNECTIONS', 50)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-bench-'))

  const bare = await startServer('bench/servers/bare-json.ts', {}, '/json')
  const app = await startServer('src/server/main.ts', { DATA_DIR: dataDir, MT1_DEMO: '0', DATABASE_URL: '' }, '/api/v1/health')
  const rows: Record<string, string | number>[] = []
  const appRps: number[] = []
  const bareRps: number[] = []
  try {
    // Warm both up (JIT, connection pools) before measuring.
    await load(`${bare.url}/json`, 4, connections)
    await load(`${app.url}/api/v1/program`, 4, connections)
    for (let round = 1; round <= rounds; round++) {
      const b = await load(`${bare.url}/json`, seconds, connections)
      const a = await load(`${app.url}/api/v1/program`, seconds, connections)
      if (a.errors || a.non2xx) throw new Error(`GET /api/v1/program had ${a.errors} errors and ${a.non2xx} non-2xx answers`)
      bareRps.push(b.requestsPerSecond)
      appRps.push(a.requestsPerSecond)
      rows.push({ round, 'bare req/s': Math.round(b.requestsPerSecond), 'program req/s': Math.round(a.requestsPerSecond), 'program p99 ms': a.p99Ms, ratio: +(a.requestsPerSecond / b.requestsPerSecond).toFixed(3) })
    }
  } finally {
    await app.stop()
    await bare.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  printTable(rows)
  const value = median(appRps)
  const baseline = median(bareRps)
  console.log(`${rounds} rounds of ${seconds}s with ${connections} connections; medians below.`)
  printResult({ bench: 'program', value: Math.round(value), unit: 'requests/s', baseline: Math.round(baseline), ratio: +(value / baseline).toFixed(3) })
}
