import { describe, expect, it } from 'vitest'
import { ScoreFileError, readAnchorRecords, readFrequencyTable } from './frequency-table.js'

describe('readFrequencyTable (score,count)', () => {
  it('reads a plain table and R write.csv output with its row-name column, in any order and with gaps', () => {
    expect(readFrequencyTable('score,count\n0,3\n1,5\n2,0\n')).toEqual({ scores: [0, 1, 2], counts: [3, 5, 0] })
    expect(readFrequencyTable('"","count","score"\r\n"1",4,3\r\n"2",2,1\r\n')).toEqual({ scores: [1, 2, 3], counts: [2, 0, 4] })
  })
  it('refuses a wrong header, extra columns, bad cells, repeats and an empty table', () => {
    expect(() => readFrequencyTable('')).toThrow(/empty/)
    expect(() => readFrequencyTable('scale,xcount\n0,1\n')).toThrow(/expected a header row "score,count"/)
    expect(() => readFrequencyTable('score,count,extra\n0,1,2\n')).toThrow(ScoreFileError)
    expect(() => readFrequencyTable('score,count\n0,1,2\n')).toThrow(/line 2: 3 cells/)
    expect(() => readFrequencyTable('score,count\n-1,1\n')).toThrow(/line 2, score: "-1" is not a whole number/)
    expect(() => readFrequencyTable('score,count\n1.5,1\n')).toThrow(/not a whole number/)
    expect(() => readFrequencyTable('score,count\n0,\n')).toThrow(/count: "" is not/)
    expect(() => readFrequencyTable('score,count\n99999999,1\n')).toThrow(/from 0 to 10,000/)
    expect(() => readFrequencyTable('score,count\n1,1\n1,2\n')).toThrow(/line 3: score 1 is listed twice/)
    expect(() => readFrequencyTable('score,count\n')).toThrow(/no score rows/)
    expect(() => readFrequencyTable('score,count\n0,0\n1,0\n')).toThrow(/no examinees/)
  })
})

describe('readAnchorRecords (total,anchor)', () => {
  it('reads one examinee per row, with or without the R row-name column', () => {
    expect(readAnchorRecords('total,anchor\n12,4\n30,9\n')).toEqual([{ total: 12, anchor: 4 }, { total: 30, anchor: 9 }])
    expect(readAnchorRecords('"","total","anchor"\n"1",20,7\n')).toEqual([{ total: 20, anchor: 7 }])
  })
  it('refuses an anchor above its total, text cells and a file without rows', () => {
    expect(() => readAnchorRecords('total,anchor\n3,4\n')).toThrow(/line 2: the anchor score 4 exceeds the total 3/)
    expect(() => readAnchorRecords('total,anchor\nten,4\n')).toThrow(/total: "ten"/)
    expect(() => readAnchorRecords('total,anchor\n')).toThrow(/no examinee rows/)
    expect(() => readAnchorRecords('anchor,score\n1,2\n')).toThrow(/"total,anchor"/)
  })
})
