import { describe, expect, it } from 'vitest'
import { summarizeStatement } from './statement-summary.js'
import { buildStatement } from './xapi-statements.js'

const at = new Date('2026-03-10T14:05:09.000Z')
const build = (event: Parameters<typeof buildStatement>[0]) => buildStatement(event, { id: '6f1b5e2a-4c3d-4e5f-8a9b-0c1d2e3f4a5b', baseUrl: 'https://mt1.example', now: at })

describe('a statement as a learner reads it', () => {
  it('names the time in UTC, the verb, the kind and name of the activity and the score', () => {
    const s = build({ userId: 'u1', verb: 'answered', object: { kind: 'practice_item', ref: 'ITEM-1', name: 'Reading a caliper' }, result: { score: { raw: 1, min: 0, max: 1 }, success: true, response: 'B' } })
    expect(summarizeStatement(s, 'practice_item')).toEqual({
      when: 'Mar 10, 2026, 2:05 PM UTC', verb: 'answered', what: 'Practice question: Reading a caliper', result: '1 of 1 (100%), passed, answer: B',
    })
  })

  it('truncates a percent like every percent the program shows, and says when there is no result', () => {
    const s = build({ userId: 'u1', verb: 'completed', object: { kind: 'practice_test', ref: 't', name: 'MM practice test' }, result: { score: { raw: 17, min: 0, max: 24 }, completion: true } })
    expect(summarizeStatement(s, 'practice_test').result).toBe('17 of 24 (70.83%), completed')
    const read = build({ userId: 'u1', verb: 'experienced', object: { kind: 'lesson', ref: 'MEAS-1', name: 'Reading a rule' } })
    expect(summarizeStatement(read, 'lesson')).toMatchObject({ what: 'Lesson: Reading a rule', result: null })
  })
})
