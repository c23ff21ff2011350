// The time to analyse a module's scored responses: classical item analysis, KR-20 and
// Mantel–Haenszel DIF over BENCH_ATTEMPTS attempts (default 100,000) of a 36-item module, generated
// from a Rasch model with a seeded PRNG (abilities N(0, 1), difficulties spread over −2..2, a group
// column with two groups and DIF planted on two items). The baseline, in the same run, reads the same
// responses without computing anything (the sum of each row). Each figure is the median of
// BENCH_ROUNDS rounds (default 5).
import { performance } from 'node:perf_hooks'
import { analyseItems } from '../src/common/psychometrics/classical.js'
import { mantelHaenszel } from '../src/common/psychometrics/dif.js'
import { reliabilityReport } from '../src/common/psychometrics/reliability.js'
import { envNumber, printResult, printTable } from './lib/harness.js'

const ITEMS = 36

/** mulberry32: a small, fast, seeded PRNG (uniform on [0, 1)). */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function synthetic(n: number, seed: number) {
  const random = prng(seed)
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  const difficulty = Float64Array.from({ length: ITEMS }, (_, j) => -2 + (4 * j) / (ITEMS - 1))
  const items = Array.from({ length: ITEMS }, (_, j) => `item${String(j + 1).padStart(2, '0')}`)
  const scores: Uint8Array[] = new Array(n)
  const groups = new Int8Array(n)
  for (let i = 0; i < n; i++) {
    const g = random() < 0.7 ? 0 : 1
    groups[i] = g
    const theta = normal()
    const row = new Uint8Array(ITEMS)
    for (let j = 0; j < ITEMS; j++) {
      // Items 5 and 20 are half a logit harder for the focal group: DIF for MH to find.
      const b = difficulty[j]! + (g === 1 && (j === 4 || j === 19) ? 0.5 : 0)
      row[j] = random() < 1 / (1 + Math.exp(-(theta - b))) ? 1 : 0
    }
    scores[i] = row
  }
  return { items, scores, groups }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export async function run(): Promise<void> {
  const attempts = envNumber('BENCH_ATTEMPTS', 100_000)
  const rounds = envNumber('BENCH_ROUNDS', 5)
  const g0 = performance.now()
  const { items, scores, groups } = synthetic(attempts, 15)
  console.log(`generated ${attempts} attempts of ${ITEMS} items in ${((performance.now() - g0) / 1000).toFixed(2)} s`)

  const baselines: number[] = []
  const analyses: number[] = []
  let checksum = 0
  let summary: Record<string, string | number> = {}
  for (let r = 0; r < rounds; r++) {
    // Baseline: read every response once, computing nothing but each row's sum.
    const b0 = performance.now()
    let total = 0
    for (let i = 0; i < scores.length; i++) {
      const row = scores[i]!
      for (let j = 0; j < row.length; j++) total += row[j]!
    }
    baselines.push((performance.now() - b0) / 1000)
    checksum += total

    const a0 = performance.now()
    const analysis = analyseItems(scores, items)
    const reliability = reliabilityReport(scores, Math.ceil(0.75 * ITEMS))
    const dif = mantelHaenszel(scores, items, groups, 100)
    analyses.push((performance.now() - a0) / 1000)
    summary = {
      'KR-20': +analysis.kr20!.toFixed(3),
      SEM: +analysis.sem!.toFixed(3),
      'CSEM at 27': +reliability.csemAtCut!.toFixed(3),
      'DIF B/C items': dif.items.filter((i) => i.category === 'B' || i.category === 'C').map((i) => `${i.id} ${i.category}`).join(', '),
    }
  }
  if (checksum === 0) throw new Error('no responses read')
  const value = median(analyses)
  const baseline = median(baselines)
  printTable([{
    attempts, items: ITEMS, rounds,
    'analysis s (median)': +value.toFixed(4),
    'read-only baseline s (median)': +baseline.toFixed(4),
    'attempts/s': Math.round(attempts / value),
    ...summary,
  }])
  printResult({ bench: 'psychometrics', value: +value.toFixed(4), unit: 's', baseline: +baseline.toFixed(4), ratio: +(value / baseline).toFixed(2) })
}
