import { describe, expect, it } from 'vitest'
import { groupByOffering, trainingFor, type TrainingOffering } from './skill-training.js'

const offerings: TrainingOffering[] = [
  { kind: 'learning_lab', title: 'Lab (MM)', description: 'Online.', skills: ['MEAS', 'ALG', 'MQ'] },
  { kind: 'course', title: 'Course (MM)', description: 'Instructor-led.', skills: ['MEAS', 'ALG', 'MQ'], url: 'https://example.org/course' },
  { kind: 'learning_lab', title: 'Lab (QBA)', description: 'Online.', skills: ['SPC'] },
]

describe('trainingFor', () => {
  it('names the offerings covering each skill below standard, in skill order then program order', () => {
    const skills = [
      { code: 'MEAS', belowStandard: false },
      { code: 'MQ', belowStandard: true },
      { code: 'ALG', belowStandard: true },
    ]
    expect(trainingFor(skills, offerings)).toEqual([
      { skill: 'MQ', kind: 'learning_lab', title: 'Lab (MM)', description: 'Online.' },
      { skill: 'MQ', kind: 'course', title: 'Course (MM)', description: 'Instructor-led.', url: 'https://example.org/course' },
      { skill: 'ALG', kind: 'learning_lab', title: 'Lab (MM)', description: 'Online.' },
      { skill: 'ALG', kind: 'course', title: 'Course (MM)', description: 'Instructor-led.', url: 'https://example.org/course' },
    ])
  })

  it('recommends nothing when every skill meets the standard or no offering covers it', () => {
    expect(trainingFor([{ code: 'MEAS', belowStandard: false }], offerings)).toEqual([])
    expect(trainingFor([{ code: 'ELEC', belowStandard: true }], offerings)).toEqual([])
    expect(trainingFor([{ code: 'MQ', belowStandard: true }], [])).toEqual([])
  })
})

describe('groupByOffering', () => {
  it('lists each offering once with the skills it was recommended for', () => {
    const recommended = trainingFor([{ code: 'MQ', belowStandard: true }, { code: 'ALG', belowStandard: true }, { code: 'SPC', belowStandard: true }], offerings)
    expect(groupByOffering(recommended)).toEqual([
      { kind: 'learning_lab', title: 'Lab (MM)', description: 'Online.', skills: ['MQ', 'ALG'] },
      { kind: 'course', title: 'Course (MM)', description: 'Instructor-led.', url: 'https://example.org/course', skills: ['MQ', 'ALG'] },
      { kind: 'learning_lab', title: 'Lab (QBA)', description: 'Online.', skills: ['SPC'] },
    ])
  })
})
