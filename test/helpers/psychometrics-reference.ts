// Readers over the published psychometrics datasets for the IRT and equating tests, beside
// psychometrics-datasets.ts (where the folder is, whether it is present, LSAT as a response file).
import fs from 'node:fs'
import path from 'node:path'
import { parseCsv } from '../../src/common/psychometrics/csv.js'
import type { CollapsedResponses } from '../../src/common/psychometrics/irt.js'
import { psychometricsDir } from './psychometrics-datasets.js'

export const referencePath = (name: string): string => path.join(psychometricsDir, name)

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
