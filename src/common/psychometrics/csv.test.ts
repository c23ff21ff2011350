import { describe, expect, it } from 'vitest'
import { parseCsv, readResponses, ResponseFileError } from './csv.js'

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF and skips blank lines', () => {
    const rows = parseCsv('\uFEFF"a","b,c"\r\n1,"say ""hi"""\r\n\r\n2,x\n')
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b,c'] },
      { line: 2, fields: ['1', 'say "hi"'] },
      { line: 4, fields: ['2', 'x'] },
    ])
  })
  it('keeps a trailing empty field', () => {
    expect(parseCsv('a,b,\n')).toEqual([{ line: 1, fields: ['a', 'b', ''] }])
  })
  it('refuses an unclosed quote', () => {
    expect(() => parseCsv('a,"b\n1,2')).toThrow(ResponseFileError)
  })
})

describe('readResponses', () => {
  it('reads persons, items and 0/1 scores, without the group column', () => {
    const m = readResponses('person,i1,g,i2\np1,1,F,0\np2,0,M,1\n', { group: 'g' })
    expect(m.persons).toEqual(['p1', 'p2'])
    expect(m.items).toEqual(['i1', 'i2'])
    expect(m.scores.map((r) => [...r])).toEqual([[1, 0], [0, 1]])
    expect(m.groups).toEqual(['F', 'M'])
  })
  it('treats every column but person as an item when no group is named', () => {
    const m = readResponses('"i1","person"\n1,a\n')
    expect(m.items).toEqual(['i1'])
    expect(m.groups).toBeUndefined()
  })
  it.each([
    ['', /empty/],
    ['a,b\n1,0\n', /no "person" column/],
    ['person,a,a\np,1,0\n', /appears twice/],
    ['person\np\n', /no item columns/],
    ['person,a\n', /no examinee rows/],
    ['person,a,b\np,1\n', /line 2: 2 cells where the header has 3/],
    ['person,a,b\np,1,0,1\n', /line 2: 4 cells/],
    ['person,a\np,\n', /refused in this version/],
    ['person,a\np,2\n', /line 2, item "a": "2" is not 0 or 1/],
    ['person,a\np,yes\n', /not 0 or 1/],
    ['person,a\n,1\n', /"person" cell is empty/],
  ])('refuses %j', (text, message) => {
    expect(() => readResponses(text)).toThrow(message)
  })
  it('refuses a group column that is not in the header', () => {
    expect(() => readResponses('person,a\np,1\n', { group: 'sex' })).toThrow(/group column "sex" is not in the header/)
    expect(() => readResponses('person,a\np,1\n', { group: 'person' })).toThrow(ResponseFileError)
  })
})
