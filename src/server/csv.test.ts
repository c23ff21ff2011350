import { describe, expect, it } from 'vitest'
import { csvCell, toCsv } from './csv.js'

/** What a spreadsheet that splits on `sep` (and honours RFC 4180 quotes) reads from one CSV line. */
function spreadsheetFields(line: string, sep: string): string[] {
  const out: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++ } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === sep) { out.push(field); field = '' } else field += c
  }
  out.push(field)
  return out
}

/** What a spreadsheet that ignores quotes entirely reads: every piece between separators or lines. */
const naiveFields = (line: string) => line.split(/[,;|\t\r\n]/).map((f) => f.replace(/^[" ]+/, ''))

const runsAsFormula = (field: string) => /^[=+\-@\t\r]/.test(field.trimStart())

describe('CSV for spreadsheets', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('+1+1')).toBe("'+1+1")
    expect(csvCell('-2')).toBe("'-2")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell(' =1+1')).toBe("' =1+1")
    expect(csvCell('\t=1+1')).toBe(`"'\t=1+1"`)
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`)
    expect(csvCell('Plain name')).toBe('Plain name')
    expect(csvCell('Smith - Jones')).toBe('Smith - Jones')
    expect(csvCell('a+b=c')).toBe('a+b=c')
    expect(csvCell(42)).toBe('42')
    expect(csvCell(null)).toBe('')
  })

  it('neutralises a formula after any separator a spreadsheet may split on, and quotes the cell', () => {
    // Behaviour changed on purpose: `|` now quotes the cell, since some spreadsheets split on it.
    expect(csvCell('=cmd|\' /C calc\'!A0')).toBe(`"'=cmd|' /C calc'!A0"`)
    expect(csvCell('Bob;=1+1')).toBe(`"'Bob;=1+1"`)
    expect(csvCell('Bob,=1+1')).toBe(`"'Bob,=1+1"`)
    expect(csvCell('Bob, =1+1')).toBe(`"'Bob, =1+1"`)
    expect(csvCell('Bob|@SUM(A1)')).toBe(`"'Bob|@SUM(A1)"`)
    expect(csvCell('Bob\t+1')).toBe(`"'Bob\t+1"`)
    expect(csvCell('Bob\n-1')).toBe(`"'Bob\n-1"`)
    expect(csvCell('Bob\r\n=1')).toBe(`"'Bob\r\n=1"`)
    expect(csvCell('Read-aloud; Extended time')).toBe('"Read-aloud; Extended time"')
  })

  it('leaves no field that runs as a formula, however the line is split', () => {
    const nasty = ['Bob;=1+1', 'x|=cmd|"/C calc"!A0', 'a,b;c\t@d', '"=HYPERLINK(""http://e"",""x"")"', 'ok', 'q\n+1', ' ;-1', '\u202E=1+1']
    const line = toCsv(['a', 'b'], [nasty]).split('\r\n')[1]!
    for (const sep of [',', ';', '\t', '|']) {
      for (const field of spreadsheetFields(line, sep)) {
        // A field is safe when it starts with the apostrophe or is not a formula at all.
        expect(field.startsWith("'") || !runsAsFormula(field), `${sep}: ${JSON.stringify(field)}`).toBe(true)
      }
    }
    // A spreadsheet that ignores quotes still sees each neutralised cell start with the apostrophe;
    // the pieces after a separator inside a cell are what prefixing the whole cell cannot reach, so
    // the cell is quoted as well (RFC 4180), which every mainstream spreadsheet honours.
    expect(naiveFields(line)[0]).toBe("'Bob")
  })

  it('strips bidirectional control characters', () => {
    expect(csvCell('abc\u202Efed')).toBe('abcfed')
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C']) {
      expect(csvCell(`x${c}y`), c.codePointAt(0)!.toString(16)).toBe('xy')
    }
    // Hidden behind an override, a formula is still found.
    expect(csvCell('\u202E=1+1')).toBe("'=1+1")
    expect(csvCell('Ana\u2067;=1\u2069')).toBe(`"'Ana;=1"`)
  })

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('Smith, Jo')).toBe('"Smith, Jo"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(toCsv(['a', 'b'], [[1, 'x\ny']])).toBe('a,b\r\n1,"x\ny"\r\n')
  })
})
