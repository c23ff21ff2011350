// Bulk verification for employers: the pure parts. A CSV of certificate numbers (and, optionally,
// the name the applicant gave) comes in; each row gets a verdict; a CSV of verdicts goes out.
import { parse } from 'csv-parse/sync'
import { csvCell } from '../../csv.js'
import { AppError } from '../../errors.js'
import { BULK_LIMITS, type VerifyItem, type VerifyResultView } from '../../../common/schemas/registry.js'

const HEADER_WORDS = new Set(['certificatenumber', 'certificate', 'number', 'certificateno', 'certno'])

/** The rows of an uploaded CSV: number in the first column, name in the second; a header row is optional. */
export function parseVerifyCsv(text: string): VerifyItem[] {
  let records: string[][]
  try {
    records = parse(text, { skip_empty_lines: true, trim: true, relax_column_count: true, relax_quotes: true, bom: true, to_line: BULK_LIMITS.csvRows + 2 })
  } catch (err) {
    throw new AppError('VALIDATION', `The file is not a readable CSV: ${(err as Error).message}`)
  }
  const first = records[0]?.[0]?.toLowerCase().replace(/[^a-z]/g, '')
  if (first !== undefined && HEADER_WORDS.has(first)) records = records.slice(1)
  if (records.length === 0) throw new AppError('VALIDATION', 'The file has no rows to verify.')
  if (records.length > BULK_LIMITS.csvRows) throw new AppError('VALIDATION', `A file may have up to ${BULK_LIMITS.csvRows.toLocaleString('en-US')} rows.`)
  return records.map((r) => ({ certificateNumber: (r[0] ?? '').slice(0, BULK_LIMITS.inputLength), name: r[1]?.slice(0, BULK_LIMITS.inputLength) || undefined }))
}

/** Letters and digits only, lower case, accents removed: "José  O'Neil" and "jose oneil" compare equal. */
export const nameKey = (name: string): string =>
  name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')

/** Does the given name name this holder? "First Last", "Last First" and "Last, First" all do. */
export function nameMatches(given: string, holder: { first_name: string; last_name: string }): boolean {
  const typed = nameKey(given)
  if (!typed) return false
  return typed === nameKey(holder.first_name + holder.last_name) || typed === nameKey(holder.last_name + holder.first_name)
}

export const RESULT_CSV_HEADER = ['input', 'name', 'certificateNumber', 'result', 'type', 'holderName', 'issuedOn', 'nameMatches'] as const

/** The verdicts as CSV; every cell goes through csvCell, so a name like =HYPERLINK(...) stays text. */
export function resultsToCsv(results: readonly VerifyResultView[]): string {
  const lines = [RESULT_CSV_HEADER.join(',')]
  for (const r of results) {
    lines.push([r.input, r.name, r.certificateNumber, r.result, r.type, r.holderName, r.issuedOn, r.nameMatches === null ? '' : String(r.nameMatches)].map(csvCell).join(','))
  }
  return lines.join('\r\n') + '\r\n'
}
