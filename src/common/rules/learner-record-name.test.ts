import { describe, expect, it } from 'vitest'
import { learnerRecordFileName } from './learner-record-name.js'

describe('learnerRecordFileName', () => {
  it('names the file after the program and the holder', () => {
    expect(learnerRecordFileName('MT1', 'Casey', 'Jordan')).toBe('MT1-learner-record-Casey-Jordan.json')
  })

  it('keeps to ASCII letters, digits and hyphens', () => {
    expect(learnerRecordFileName('MT1', 'Zoë', "O'Brien-Núñez")).toBe('MT1-learner-record-Zoe-OBrien-Nunez.json')
    expect(learnerRecordFileName('MT1', '  Ana  María ', 'de la Cruz / ../x')).toBe('MT1-learner-record-Ana-Maria-de-la-Cruz-x.json')
  })

  it('falls back to "holder" when nothing of the name is left, and stays short', () => {
    expect(learnerRecordFileName('MT1', '李', '王')).toBe('MT1-learner-record-holder.json')
    expect(learnerRecordFileName('MT1', 'A'.repeat(50), 'B'.repeat(50))).toBe(`MT1-learner-record-${'A'.repeat(50)}-${'B'.repeat(9)}.json`)
  })
})
