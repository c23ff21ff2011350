// The published psychometrics datasets (../shared/psychometrics, third-party data we may read but never
// copy into the project). Tests that reproduce published results skip, with a printed notice, where the
// folder is absent (a worktree has no ../shared: run them with MT1_SHARED_DIR=/work/shared).
import fs from 'node:fs'
import path from 'node:path'
import { parseCsv } from '../../src/common/psychometrics/csv.js'
import type { CollapsedResponses } from '../../src/common/psychometrics/irt.js'
import { projectRoot } from '../../src/server/config.js'

export const referenceDir = path.join(process.env.MT1_SHARED_DIR ?? path.resolve(projectRoot, '..', 'shared'), 'psychometrics')
export const haveReference = fs.existsSync(referenceDir)

/** Prints why the published-result tests of `what` are skipped, once per file that asks. */
export function noticeIfAbsent(what: string): void {
  if (!haveReference) console.warn(`notice: ${referenceDir} is absent, so the ${what} tests against published results are skipped (set MT1_SHARED_DIR)`)
}

export const referencePath = (name: string): string => path.join(referenceDir, name)

/** Rows of an R write.csv file as records keyed by header name (the row-name column is "" and kept). */
export function readReferenceCsv(name: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(fs.readFileSync(referencePath(name), 'utf8'))
  return rows.map(({ fields }) => Object.fromEntries(header!.fields.map((h, i) => [h, fields[i]!])))
}

/** LSAT-6 (`Ob6`) or LSAT-7 (`Ob7`) as Bock and Lieberman's 32 patterns with their frequencies. */
export function lsatPatterns(counts: 'Ob6' | 'Ob7'): CollapsedResponses {
  const rows = readReferenceCsv('lsat-bock-table.csv').filter((row) => Number(row[counts]) > 0)
  return {
    patterns: rows.map((row) => Uint8Array.from(['Q1', 'Q2', 'Q3', 'Q4', 'Q5'], (q) => Number(row[q]))),
    counts: rows.map((row) => Number(row[counts])),
  }
}

/** The LSAT table expanded to one row per examinee, as the CLI's response file (`person,Q1..Q5`). */
export function lsatResponseFile(counts: 'Ob6' | 'Ob7'): string {
  const { patterns, counts: f } = lsatPatterns(counts)
  const lines = ['person,Q1,Q2,Q3,Q4,Q5']
  let person = 0
  patterns.forEach((pattern, p) => {
    for (let i = 0; i < f[p]!; i++) lines.push(`p${++person},${pattern.join(',')}`)
  })
  return `${lines.join('\n')}\n`
}
