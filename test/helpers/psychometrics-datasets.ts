// The public reference datasets of ../shared/psychometrics (third-party: read in place, never copied
// into the project), turned into response files of the CLI's form. MT1_SHARED_DIR points elsewhere
// when the checkout has no ../shared beside it (a git worktree).
import fs from 'node:fs'
import path from 'node:path'
import { projectRoot } from '../../src/server/config.js'

export const psychometricsDir = path.join(process.env.MT1_SHARED_DIR ?? path.resolve(projectRoot, '..', 'shared'), 'psychometrics')

/** True when the folder is there; otherwise prints why the tests that need it are skipped. */
export function datasetsPresent(label: string): boolean {
  const present = fs.existsSync(path.join(psychometricsDir, 'README.md'))
  if (!present) console.warn(`[${label}] ${psychometricsDir} is absent (set MT1_SHARED_DIR): the reference-dataset tests are skipped.`)
  return present
}

/**
 * LSAT-6 (`Ob6`) or LSAT-7 (`Ob7`) as a response CSV: each of the 32 patterns of Q1..Q5 repeated as
 * many times as its frequency, persons numbered in order.
 */
export function lsatCsv(form: 'Ob6' | 'Ob7'): string {
  const [header, ...rows] = fs.readFileSync(path.join(psychometricsDir, 'lsat-bock-table.csv'), 'utf8').trim().split('\n')
  const names = header!.split(',').map((h) => h.replace(/"/g, ''))
  const items = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5'].map((q) => names.indexOf(q))
  const count = names.indexOf(form)
  const lines = ['person,Q1,Q2,Q3,Q4,Q5']
  for (const row of rows) {
    const cells = row.split(',')
    const pattern = items.map((c) => cells[c]).join(',')
    for (let f = 0; f < Number(cells[count]); f++) lines.push(`p${lines.length},${pattern}`)
  }
  return `${lines.join('\n')}\n`
}

/**
 * The verbal-aggression data (tab-separated, CRLF) as a response CSV: the 24 items and `Gender`
 * (0 = women, 1 = men); the trait-anger score `Anger` is not an item and is left out.
 */
export function verbalAggressionCsv(): string {
  const [header, ...rows] = fs.readFileSync(path.join(psychometricsDir, 'verbal-aggression.tsv'), 'utf8').split(/\r?\n/).filter((l) => l !== '').map((l) => l.split('\t'))
  const anger = header!.indexOf('Anger')
  const keep = (cells: string[]) => cells.filter((_, i) => i !== anger)
  return `${[['person', ...keep(header!)].join(','), ...rows.map((r, i) => [`v${i + 1}`, ...keep(r)].join(','))].join('\n')}\n`
}
