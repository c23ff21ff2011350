// The response-file reader for the psychometrics CLI (form fixed in API.md, "Psychometrics CLI"):
// CSV with a header row, a `person` column, every other column an item scored 0 or 1, except the
// group column when one is named. Anything else is refused with a message that names the line and
// column, so an operator can fix the file; nothing is guessed (an empty cell is missing data, and
// missing data is refused in this version rather than silently scored 0).

/** Scored responses: one row per examinee, one column per item, 0 or 1. */
export interface ResponseMatrix {
  /** Examinee ids, in file order. */
  persons: string[]
  /** Item ids (the header names), in file order, without `person` and the group column. */
  items: string[]
  /** One Uint8Array of length items.length per person (row-major), each cell 0 or 1. */
  scores: Uint8Array[]
  /** The group column's value per person, present only when a group column was asked for. */
  groups?: string[]
}

export interface ReadResponsesOptions {
  /** The name of a column that holds each examinee's group (for DIF); it is not an item. */
  group?: string
}

/** A malformed response file; `message` says what and where. The CLI prints it and exits 2. */
export class ResponseFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ResponseFileError'
  }
}

export const PERSON_COLUMN = 'person'

/**
 * Splits CSV text into rows of fields (RFC 4180: comma-separated, fields optionally in double quotes,
 * "" inside quotes is a quote, CRLF or LF line ends). Blank lines are skipped. Each row carries its
 * 1-based line number for messages.
 */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = []
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = 1
  let fields: string[] = []
  let field = ''
  let rowLine = 1
  let quoted = false
  let fieldStarted = false
  const endRow = () => {
    const blank = fields.length === 0 && field === '' && !fieldStarted
    if (!blank) {
      fields.push(field)
      rows.push({ line: rowLine, fields })
    }
    fields = []
    field = ''
    fieldStarted = false
  }
  while (i < text.length) {
    const c = text[i]!
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      if (c === '\n') line++
      field += c
      i++
      continue
    }
    if (c === '"') {
      if (field !== '') throw new ResponseFileError(`line ${line}: a quote in the middle of an unquoted field`)
      quoted = true
      fieldStarted = true
      i++
    } else if (c === ',') {
      fields.push(field)
      field = ''
      fieldStarted = true
      i++
    } else if (c === '\r' || c === '\n') {
      endRow()
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1
      line++
      rowLine = line
    } else {
      field += c
      i++
    }
  }
  if (quoted) throw new ResponseFileError(`line ${rowLine}: a quoted field is not closed before the end of the file`)
  endRow()
  return rows
}

/**
 * Reads a scored response file. Throws ResponseFileError for: no header, no `person` column, a
 * repeated column name, no item columns, the named group column absent, a row with more or fewer
 * cells than the header, an empty cell (missing: refused in this version), a cell other than 0 or 1,
 * an empty person id, and a file without examinees.
 */
export function readResponses(text: string, options: ReadResponsesOptions = {}): ResponseMatrix {
  const rows = parseCsv(text)
  const header = rows[0]
  if (!header) throw new ResponseFileError('the file is empty: expected a header row with a "person" column and item columns')
  const names = header.fields.map((f) => f.trim())
  const seen = new Set<string>()
  for (const name of names) {
    if (seen.has(name)) throw new ResponseFileError(`line ${header.line}: the column "${name}" appears twice in the header`)
    seen.add(name)
  }
  const personAt = names.indexOf(PERSON_COLUMN)
  if (personAt < 0) {
    throw new ResponseFileError(`line ${header.line}: no "${PERSON_COLUMN}" column in the header (found: ${names.slice(0, 10).map((n) => `"${n}"`).join(', ')}${names.length > 10 ? ', …' : ''})`)
  }
  let groupAt = -1
  if (options.group !== undefined) {
    groupAt = names.indexOf(options.group)
    if (groupAt < 0 || groupAt === personAt) throw new ResponseFileError(`line ${header.line}: the group column "${options.group}" is not in the header`)
  }
  const itemColumns: number[] = []
  for (let c = 0; c < names.length; c++) if (c !== personAt && c !== groupAt) itemColumns.push(c)
  if (itemColumns.length === 0) throw new ResponseFileError(`line ${header.line}: no item columns: every column other than "${PERSON_COLUMN}"${groupAt >= 0 ? ' and the group column' : ''} is an item`)
  for (const c of itemColumns) if (names[c] === '') throw new ResponseFileError(`line ${header.line}: column ${c + 1} has an empty name`)

  const persons: string[] = []
  const scores: Uint8Array[] = []
  const groups: string[] = []
  const width = names.length
  for (let r = 1; r < rows.length; r++) {
    const { line, fields } = rows[r]!
    if (fields.length !== width) throw new ResponseFileError(`line ${line}: ${fields.length} cells where the header has ${width}`)
    const person = fields[personAt]!.trim()
    if (person === '') throw new ResponseFileError(`line ${line}: the "${PERSON_COLUMN}" cell is empty`)
    const row = new Uint8Array(itemColumns.length)
    for (let j = 0; j < itemColumns.length; j++) {
      const c = itemColumns[j]!
      const cell = fields[c]!.trim()
      if (cell === '1') row[j] = 1
      else if (cell !== '0') {
        if (cell === '') throw new ResponseFileError(`line ${line}, item "${names[c]}": an empty cell is a missing response, refused in this version (score it 0 or 1)`)
        throw new ResponseFileError(`line ${line}, item "${names[c]}": "${cell.length > 20 ? `${cell.slice(0, 20)}…` : cell}" is not 0 or 1`)
      }
    }
    persons.push(person)
    scores.push(row)
    if (groupAt >= 0) groups.push(fields[groupAt]!.trim())
  }
  if (persons.length === 0) throw new ResponseFileError('the file has a header but no examinee rows')
  const items = itemColumns.map((c) => names[c]!)
  return groupAt >= 0 ? { persons, items, scores, groups } : { persons, items, scores }
}
