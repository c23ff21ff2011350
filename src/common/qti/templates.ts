// The standard QTI response-processing templates as rule programs, recognised by their file name
// whatever host or path the URL uses (the samples spell it three ways).
import type { Rule } from './response-processing.js'

export type TemplateName = 'match_correct' | 'map_response' | 'map_response_point'

export function templateFromUrl(url: string): TemplateName | undefined {
  const file = url.trim().split(/[/\\]/).pop()?.toLowerCase().replace(/\.xml$/, '')
  return file === 'match_correct' || file === 'map_response' || file === 'map_response_point' ? file : undefined
}

const setScore = (value: number): Rule => ({ kind: 'setOutcome', id: 'SCORE', expr: { op: 'baseValue', baseType: 'float', value } })

export function templateRules(name: TemplateName): Rule[] {
  switch (name) {
    case 'match_correct':
      return [{
        kind: 'condition',
        branches: [
          { when: { op: 'match', args: [{ op: 'variable', id: 'RESPONSE' }, { op: 'correct', id: 'RESPONSE' }] }, rules: [setScore(1)] },
          { when: null, rules: [setScore(0)] },
        ],
      }]
    case 'map_response':
      return [{
        kind: 'condition',
        branches: [
          { when: { op: 'isNull', arg: { op: 'variable', id: 'RESPONSE' } }, rules: [setScore(0)] },
          { when: null, rules: [{ kind: 'setOutcome', id: 'SCORE', expr: { op: 'mapResponse', id: 'RESPONSE' } }] },
        ],
      }]
    case 'map_response_point':
      return [{
        kind: 'condition',
        branches: [
          { when: { op: 'isNull', arg: { op: 'variable', id: 'RESPONSE' } }, rules: [setScore(0)] },
          { when: null, rules: [{ kind: 'setOutcome', id: 'SCORE', expr: { op: 'mapResponsePoint', id: 'RESPONSE' } }] },
        ],
      }]
  }
}
