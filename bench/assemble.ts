// Forms assembled per second for SRMT (36 items by the blueprint, from the full shipped bank held in
// memory, option orders and candidate payloads included) against a baseline of drawing 36 random ids
// from the same in-memory pool, in the same run. Medians over rounds; also the median time per form
// and, for scale, the same assembly with the pool read from SQLite each time.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomInt } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { candidateItem } from '../src/common/items/candidate-item.js'
import { assembleForm, optionSeed } from '../src/common/items/form-assembly.js'
import { buildApp } from '../src/server/app.js'
import { loadConfig } from '../src/server/config.js'
import { envNumber, median, printResult, printTable } from './lib/harness.js'

export async function run(): Promise<void> {
  const rounds = envNumber('BENCH_ROUNDS', 7)
  const perRound = envNumber('BENCH_FORMS', 2000)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-bench-assemble-'))
  const app = await buildApp(loadConfig({ DATA_DIR: dataDir, MT1_DEMO: '0' }), { logger: false })
  try {
    await app.services.itemBank.seedShippedBank()
    const mod = app.program.modules.find((m) => m.code === 'SRMT')!
    const items = await app.services.itemBank.activePool('SRMT', 'operational')
    const pool = items.map((i) => ({ id: i.id, version: i.active_version, skill: i.skill!, exposure: i.exposure_count }))
    const byId = new Map(items.map((i) => [i.id, i]))
    const ids = pool.map((p) => p.id)

    const assembleOne = (seed: number) => {
      const form = assembleForm(mod.blueprint, pool, seed)
      return form.map((f) => {
        const item = byId.get(f.itemId)!
        return candidateItem(f.itemId, item.model.type, item.model.presentation, optionSeed(seed, f.itemId))
      })
    }
    const drawRandom = () => {
      const picked = new Set<string>()
      while (picked.size < 36) picked.add(ids[randomInt(ids.length)]!)
      return [...picked]
    }

    // Warm up the JIT for both.
    for (let i = 0; i < 500; i++) {
      assembleOne(i)
      drawRandom()
    }

    const rows: Record<string, string | number>[] = []
    const formsPerSecond: number[] = []
    const baselinePerSecond: number[] = []
    const msPerForm: number[] = []
    for (let round = 1; round <= rounds; round++) {
      let t = performance.now()
      for (let i = 0; i < perRound; i++) assembleOne(round * 100_000 + i)
      const assembleMs = performance.now() - t
      t = performance.now()
      for (let i = 0; i < perRound; i++) drawRandom()
      const baseMs = performance.now() - t
      formsPerSecond.push((perRound * 1000) / assembleMs)
      baselinePerSecond.push((perRound * 1000) / baseMs)
      msPerForm.push(assembleMs / perRound)
      rows.push({ round, 'forms/s': Math.round((perRound * 1000) / assembleMs), 'ms/form': +(assembleMs / perRound).toFixed(4), 'random 36 ids/s': Math.round((perRound * 1000) / baseMs) })
    }

    const withDb: number[] = []
    for (let i = 0; i < 200; i++) {
      const t = performance.now()
      await app.services.itemBank.assemble('SRMT', 'operational', i)
      withDb.push(performance.now() - t)
    }
    printTable(rows)
    const value = median(formsPerSecond)
    const baseline = median(baselinePerSecond)
    console.log(`pool: ${pool.length} active SRMT items; ${rounds} rounds of ${perRound} forms.`)
    console.log(`median time per form (in memory): ${median(msPerForm).toFixed(4)} ms; with the pool read from SQLite each time: ${median(withDb).toFixed(2)} ms`)
    printResult({ bench: 'assemble', value: Math.round(value), unit: 'forms/s', baseline: Math.round(baseline), ratio: +(value / baseline).toFixed(4) })
  } finally {
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
