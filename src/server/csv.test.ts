import { describe, expect, it } from 'vitest'
import { csvCell, toCsv } from './csv.js'

describe('CSV for spreadsheets', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=cmd|\' /C calc\'!A0')).toBe("'=cmd|' /C calc'!A0")
    expect(csvCell('+1+1')).toBe("'+1+1")
    expect(csvCell('-2')).toBe("'-2")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('Plain name')).toBe('Plain name')
  })
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('Smith, Jo')).toBe('"Smith, Jo"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(toCsv(['a', 'b'], [[1, 'x\ny']])).toBe('a,b\r\n1,"x\ny"\r\n')
  })
})
