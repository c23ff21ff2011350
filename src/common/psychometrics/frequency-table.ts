// Readers for the equating CLI's score files (forms fixed in API.md, "Psychometrics CLI"): a
// `score,count` frequency table (random groups) and a per-examinee `total,anchor` file (NEAT with an
// internal anchor). Both accept R's write.csv output as it is — a first column with an empty header
// holding row names is ignored — and refuse anything else with the line at fault.
import type { AnchorRecord, FrequencyTable } from './equating.js'
import { parseCsv } from './csv.js'

/** A malformed score file; `message` names the line. The CLI prints it and exits 2. */
export class ScoreFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ScoreFileError'
  }
}

// Raw scores on one form and counts of examinees: bounds far above any real test, so a hostile file
// cannot make the reader build a table of billions of rows.
const MAX_SCORE = 10_000
const MAX_COUNT = 100_000_000

function readColumns(text: string, wanted: readonly [string, string]) {
  const rows = parseCsv(text)
  const header = rows[0]
  const form = `a header row "${wanted.join(',')}"`
  if (!header) throw new ScoreFileError(`the file is empty: expected ${form}`)
  const names = header.fields.map((f) => f.trim())
  // R's write.csv puts row names in a first column whose header is empty; they carry no data.
  const skip = names[0] === '' ? 1 : 0
  const columns = names.slice(skip)
  if (columns.length !== 2 || !wanted.every((w) => columns.includes(w))) {
    throw new ScoreFileError(`line ${header.line}: expected ${form} (found ${names.map((n) => `"${n.slice(0, 40)}"`).join(',')})`)
  }
  const at = wanted.map((w) => columns.indexOf(w) + skip)
  return rows.slice(1).map(({ line, fields }) => {
    if (fields.length !== names.length) throw new ScoreFileError(`line ${line}: ${fields.length} cells where the header has ${names.length}`)
    const values = at.map((c, i) => wholeNumber(fields[c]!, wanted[i]!, line))
    return { line, first: values[0]!, second: values[1]! }
  })
}

function wholeNumber(cell: string, column: string, line: number): number {
  const text = cell.trim()
  const limit = column === 'count' ? MAX_COUNT : MAX_SCORE
  if (!/^\d{1,9}$/.test(text) || Number(text) > limit) {
    const shown = text.length > 20 ? `${text.slice(0, 20)}…` : text
    throw new ScoreFileError(`line ${line}, ${column}: "${shown}" is not a whole number from 0 to ${limit.toLocaleString('en-US')}`)
  }
  return Number(text)
}

/**
 * Reads a `score,count` table. Scores may come in any order; a score left out between the lowest and
 * the highest listed is a score nobody obtained (count 0), so the table returned is consecutive.
 */
export function readFrequencyTable(text: string): FrequencyTable {
  const rows = readColumns(text, ['score', 'count'])
  if (rows.length === 0) throw new ScoreFileError('the file has a header but no score rows')
  const counts = new Map<number, number>()
  for (const { line, first: score, second: count } of rows) {
    if (counts.has(score)) throw new ScoreFileError(`line ${line}: score ${score} is listed twice`)
    counts.set(score, count)
  }
  const low = Math.min(...counts.keys())
  const high = Math.max(...counts.keys())
  const scores = Array.from({ length: high - low + 1 }, (_, i) => low + i)
  const table = { scores, counts: scores.map((s) => counts.get(s) ?? 0) }
  if (table.counts.every((c) => c === 0)) throw new ScoreFileError('every count is 0: the table has no examinees')
  return table
}

/** Reads a per-examinee `total,anchor` file (an internal anchor: its score is part of the total). */
export function readAnchorRecords(text: string): AnchorRecord[] {
  const rows = readColumns(text, ['total', 'anchor'])
  if (rows.length === 0) throw new ScoreFileError('the file has a header but no examinee rows')
  return rows.map(({ line, first: total, second: anchor }) => {
    if (anchor > total) throw new ScoreFileError(`line ${line}: the anchor score ${anchor} exceeds the total ${total}, impossible for an internal anchor`)
    return { total, anchor }
  })
}
