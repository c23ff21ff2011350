// CSV written for spreadsheets: RFC 4180 quoting, and cells that a spreadsheet could run as a
// formula neutralised with a leading apostrophe. A spreadsheet may split a cell on its own list
// separator (`;` in much of Europe, tab, `|`) or on a line break, so a cell is dangerous when ANY
// field it could split into starts (after spaces) with = + - @, a tab or a carriage return, not only
// when the whole cell does: `Bob;=1+1` becomes `"'Bob;=1+1"`. Cells holding any separator are quoted,
// so the spreadsheets that honour quotes keep them whole. Bidirectional control characters, which can
// make a cell display differently from what it holds (Trojan Source), are removed.

/** U+202A–U+202E (embeddings, overrides), U+2066–U+2069 (isolates), U+200E/U+200F (marks), U+061C (Arabic letter mark). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g
/** A field a spreadsheet could read out of the cell: at the start, or after a separator or line break. */
const FORMULA_FIELD = /(?:^|[,;|\t\n\r])[ \u00a0]*[=+\-@\t\r]/
const NEEDS_QUOTES = /[",;|\t\r\n]/

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value)
  text = text.replace(BIDI_CONTROLS, '')
  if (FORMULA_FIELD.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
