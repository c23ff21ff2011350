import { describe, expect, it } from 'vitest'
import type { ProcessingInput, ResponseDeclaration, Rule } from './response-processing.js'
import { computeMaxScore, correctResponseOf, scoreItem, type ScoringModel } from './scoring.js'
import { templateFromUrl, templateRules } from './templates.js'

const SCORE = [{ id: 'SCORE', cardinality: 'single' as const, baseType: 'float' as const, defaultValue: 0 }]

function model(response: ResponseDeclaration, rules: Rule[] = templateRules('match_correct')): ScoringModel {
  const input: ProcessingInput = { responses: [response], outcomes: SCORE, rules }
  return { ...input, manual: false, maxScore: computeMaxScore(input) }
}

describe('template URLs', () => {
  it('are recognised however the host and path are spelled', () => {
    expect(templateFromUrl('https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml')).toBe('match_correct')
    expect(templateFromUrl('https://www.imsglobal.org/question/qti_v3p0/rptemplates/map_response.xml')).toBe('map_response')
    expect(templateFromUrl('http://www.imsglobal.org/question/qti_v2p2/rptemplates/map_response_point')).toBe('map_response_point')
    expect(templateFromUrl('https://example.com/custom.xml')).toBeUndefined()
  })
})

describe('single choice (match_correct)', () => {
  const m = model({ id: 'RESPONSE', cardinality: 'single', baseType: 'identifier', correct: ['C'] })
  it('scores the key 1 and anything else 0', () => {
    expect(scoreItem(m, { RESPONSE: 'C' })).toMatchObject({ score: 1, fraction: 1 })
    expect(scoreItem(m, { RESPONSE: 'A' }).score).toBe(0)
    expect(scoreItem(m, {}).score).toBe(0)
    expect(scoreItem(m, null).score).toBe(0)
  })
  it('scores a wrong-shaped response zero and says why', () => {
    expect(scoreItem(m, { RESPONSE: ['C'] })).toMatchObject({ score: 0, malformed: expect.stringContaining('expected text') })
    expect(scoreItem(m, { RESPONSE: 3 }).malformed).toBeDefined()
    expect(scoreItem(m, { OTHER: 'C' }).malformed).toMatch(/unknown response identifier/)
    expect(scoreItem(m, 'C' as never).malformed).toMatch(/object/)
    expect(scoreItem(m, ['C'] as never).malformed).toMatch(/object/)
  })
  it('gives the correct response in the candidate shape', () => {
    expect(correctResponseOf(m)).toEqual({ RESPONSE: 'C' })
  })
})

describe('multiple response (match_correct, all or nothing)', () => {
  const m = model({ id: 'RESPONSE', cardinality: 'multiple', baseType: 'identifier', correct: ['A', 'D'] })
  it('needs exactly the keyed set, in any order', () => {
    expect(scoreItem(m, { RESPONSE: ['D', 'A'] }).score).toBe(1)
    expect(scoreItem(m, { RESPONSE: ['A'] }).score).toBe(0)
    expect(scoreItem(m, { RESPONSE: ['A', 'D', 'B'] }).score).toBe(0)
    expect(scoreItem(m, { RESPONSE: [] }).score).toBe(0)
    expect(scoreItem(m, { RESPONSE: 'A' }).malformed).toMatch(/list/)
    expect(scoreItem(m, { RESPONSE: Array(500).fill('A') }).malformed).toMatch(/too many/)
  })
})

describe('partial credit with a mapping (map_response)', () => {
  const m = model(
    {
      id: 'RESPONSE', cardinality: 'multiple', baseType: 'identifier', correct: ['A', 'B'],
      mapping: { defaultValue: 0, lowerBound: 0, upperBound: 2, entries: [{ key: 'A', value: 1, caseSensitive: true }, { key: 'B', value: 1, caseSensitive: true }, { key: 'C', value: -1, caseSensitive: true }] },
    },
    templateRules('map_response'),
  )
  it('adds mapped values once each, within the bounds', () => {
    expect(m.maxScore).toBe(2)
    expect(scoreItem(m, { RESPONSE: ['A', 'B'] })).toMatchObject({ score: 2, fraction: 1 })
    expect(scoreItem(m, { RESPONSE: ['A'] })).toMatchObject({ score: 1, fraction: 0.5 })
    expect(scoreItem(m, { RESPONSE: ['A', 'A', 'A'] }).score).toBe(1)
    expect(scoreItem(m, { RESPONSE: ['C'] }).score).toBe(0)
  })
})

describe('numeric entry (tolerance)', () => {
  const rules: Rule[] = [{
    kind: 'condition',
    branches: [
      {
        when: { op: 'equal', toleranceMode: 'absolute', tolerance: [0.001, 0.001], includeLower: true, includeUpper: true, args: [{ op: 'variable', id: 'RESPONSE' }, { op: 'correct', id: 'RESPONSE' }] },
        rules: [{ kind: 'setOutcome', id: 'SCORE', expr: { op: 'baseValue', baseType: 'float', value: 1 } }],
      },
      { when: null, rules: [{ kind: 'setOutcome', id: 'SCORE', expr: { op: 'baseValue', baseType: 'float', value: 0 } }] },
    ],
  }]
  const m = model({ id: 'RESPONSE', cardinality: 'single', baseType: 'float', correct: [0.375] }, rules)
  it('accepts values within ±0.001, including the edges', () => {
    expect(m.maxScore).toBe(1)
    for (const v of [0.375, 0.374, 0.376, '0.3755', ' .375 ']) expect(scoreItem(m, { RESPONSE: v }).score, String(v)).toBe(1)
    for (const v of [0.3739, 0.3761, 3.75]) expect(scoreItem(m, { RESPONSE: v }).score, String(v)).toBe(0)
  })
  it('scores text that is not a number zero, with the reason', () => {
    expect(scoreItem(m, { RESPONSE: 'three eighths' })).toMatchObject({ score: 0, malformed: expect.stringContaining('number') })
    expect(scoreItem(m, { RESPONSE: Number.POSITIVE_INFINITY }).malformed).toBeDefined()
  })
})

describe('text entry (map_response, case-insensitive entries)', () => {
  const m = model(
    {
      id: 'RESPONSE', cardinality: 'single', baseType: 'string', correct: ['kaizen'],
      mapping: { defaultValue: 0, upperBound: 1, entries: [{ key: 'kaizen', value: 1, caseSensitive: false }, { key: 'kai zen', value: 1, caseSensitive: false }] },
    },
    templateRules('map_response'),
  )
  it('accepts listed spellings in any case', () => {
    expect(scoreItem(m, { RESPONSE: 'Kaizen' }).score).toBe(1)
    expect(scoreItem(m, { RESPONSE: 'KAI ZEN' }).score).toBe(1)
    expect(scoreItem(m, { RESPONSE: 'kanban' }).score).toBe(0)
    expect(scoreItem(m, { RESPONSE: 'x'.repeat(20_000) }).malformed).toMatch(/too long/)
  })
})

describe('ordering (ordered cardinality)', () => {
  const m = model({ id: 'RESPONSE', cardinality: 'ordered', baseType: 'identifier', correct: ['P', 'D', 'C', 'A'] })
  it('needs the exact sequence', () => {
    expect(scoreItem(m, { RESPONSE: ['P', 'D', 'C', 'A'] }).score).toBe(1)
    expect(scoreItem(m, { RESPONSE: ['D', 'P', 'C', 'A'] }).score).toBe(0)
    expect(scoreItem(m, { RESPONSE: ['P', 'D', 'C'] }).score).toBe(0)
  })
})

describe('matching (directed pairs) and associate (unordered pairs)', () => {
  it('matches directed pairs as a set, direction mattering', () => {
    const m = model({ id: 'RESPONSE', cardinality: 'multiple', baseType: 'directedPair', correct: [['L1', 'R2'], ['L2', 'R1']] })
    expect(scoreItem(m, { RESPONSE: [['L2', 'R1'], ['L1', 'R2']] }).score).toBe(1)
    expect(scoreItem(m, { RESPONSE: [['R2', 'L1'], ['L2', 'R1']] }).score).toBe(0)
    expect(scoreItem(m, { RESPONSE: [['L1', 'R2']] }).score).toBe(0)
    expect(scoreItem(m, { RESPONSE: [['L1', 'R2', 'x']] }).malformed).toMatch(/pair/)
    expect(correctResponseOf(m)).toEqual({ RESPONSE: [['L1', 'R2'], ['L2', 'R1']] })
  })
  it('matches unordered pairs either way round', () => {
    const m = model({ id: 'RESPONSE', cardinality: 'multiple', baseType: 'pair', correct: [['A', 'B']] })
    expect(scoreItem(m, { RESPONSE: [['B', 'A']] }).score).toBe(1)
  })
})

describe('hotspot and inline choice are identifiers; select point uses an area mapping', () => {
  it('scores a point inside the mapped circle', () => {
    const m = model(
      {
        id: 'RESPONSE', cardinality: 'single', baseType: 'point', correct: [[100, 100]],
        areaMapping: { defaultValue: 0, entries: [{ shape: 'circle', coords: [100, 100, 10], value: 1 }] },
      },
      templateRules('map_response_point'),
    )
    expect(scoreItem(m, { RESPONSE: [104, 97] }).score).toBe(1)
    expect(scoreItem(m, { RESPONSE: [120, 100] }).score).toBe(0)
    expect(scoreItem(m, { RESPONSE: ['a', 'b'] }).malformed).toMatch(/point/)
  })
  it('scores rectangles and polygons', () => {
    const rect = model({ id: 'RESPONSE', cardinality: 'single', baseType: 'point', correct: null, areaMapping: { defaultValue: 0, entries: [{ shape: 'rect', coords: [0, 0, 50, 20], value: 1 }] } }, templateRules('map_response_point'))
    expect(scoreItem(rect, { RESPONSE: [25, 10] }).score).toBe(1)
    const poly = model({ id: 'RESPONSE', cardinality: 'single', baseType: 'point', correct: null, areaMapping: { defaultValue: 0, entries: [{ shape: 'poly', coords: [0, 0, 10, 0, 0, 10], value: 1 }] } }, templateRules('map_response_point'))
    expect(scoreItem(poly, { RESPONSE: [2, 2] }).score).toBe(1)
    expect(scoreItem(poly, { RESPONSE: [9, 9] }).score).toBe(0)
  })
})

describe('manual items', () => {
  it('are never machine-scored', () => {
    const m: ScoringModel = { responses: [{ id: 'RESPONSE', cardinality: 'single', baseType: 'string', correct: null }], outcomes: SCORE, rules: [], manual: true, maxScore: 1 }
    expect(scoreItem(m, { RESPONSE: 'An essay' })).toEqual({ score: 0, maxScore: 1, fraction: 0 })
  })
})
