// QTI declarations and response processing → the JSON rules the scoring interpreter runs.
import type { Element } from '@xmldom/xmldom'
import type { AreaMapping, Expr, Mapping, OutcomeDeclaration, ResponseDeclaration, Rule } from '../../../../common/qti/response-processing.js'
import { templateFromUrl, templateRules } from '../../../../common/qti/templates.js'
import type { BaseType, Cardinality, Scalar } from '../../../../common/qti/values.js'
import { attr, childElements, firstChild, localName } from './xml.js'

export class UnsupportedError extends Error {}

const BASE_TYPES: BaseType[] = ['identifier', 'string', 'float', 'integer', 'boolean', 'pair', 'directedPair', 'point', 'file', 'uri', 'duration']
const CARDINALITIES: Cardinality[] = ['single', 'multiple', 'ordered', 'record']

function baseTypeOf(el: Element): BaseType {
  const b = attr(el, 'base-type') ?? 'identifier'
  if (!BASE_TYPES.includes(b as BaseType)) throw new UnsupportedError(`base type "${b}" is not supported`)
  return b as BaseType
}

function cardinalityOf(el: Element): Cardinality {
  const c = attr(el, 'cardinality') ?? 'single'
  if (!CARDINALITIES.includes(c as Cardinality)) throw new UnsupportedError(`cardinality "${c}" is not supported`)
  if (c === 'record') throw new UnsupportedError('record cardinality is not supported')
  return c as Cardinality
}

export function parseScalar(baseType: BaseType, text: string): Scalar {
  const t = text.trim()
  switch (baseType) {
    case 'float':
    case 'integer': {
      const n = Number(t)
      if (!Number.isFinite(n)) throw new UnsupportedError(`"${t}" is not a number`)
      return n
    }
    case 'boolean':
      return t === 'true' || t === '1'
    case 'pair':
    case 'directedPair': {
      const parts = t.split(/\s+/)
      if (parts.length !== 2) throw new UnsupportedError(`"${t}" is not a pair`)
      return [parts[0]!, parts[1]!]
    }
    case 'point': {
      const parts = t.split(/\s+/).map(Number)
      if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) throw new UnsupportedError(`"${t}" is not a point`)
      return [parts[0]!, parts[1]!]
    }
    default:
      return t
  }
}

const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v))

export function parseResponseDeclaration(el: Element): ResponseDeclaration {
  const id = attr(el, 'identifier')
  if (!id) throw new UnsupportedError('a response declaration has no identifier')
  const baseType = baseTypeOf(el)
  const cardinality = cardinalityOf(el)
  const correctEl = firstChild(el, 'qti-correct-response')
  const correct = correctEl ? childElements(correctEl, 'qti-value').map((v) => parseScalar(baseType, v.textContent ?? '')) : null
  const mappingEl = firstChild(el, 'qti-mapping')
  const mapping: Mapping | undefined = mappingEl
    ? {
        defaultValue: num(attr(mappingEl, 'default-value')) ?? 0,
        lowerBound: num(attr(mappingEl, 'lower-bound')),
        upperBound: num(attr(mappingEl, 'upper-bound')),
        entries: childElements(mappingEl, 'qti-map-entry').map((e) => ({
          key: parseScalar(baseType, attr(e, 'map-key') ?? ''),
          value: Number(attr(e, 'mapped-value') ?? 0),
          caseSensitive: attr(e, 'case-sensitive') !== 'false',
        })),
      }
    : undefined
  const areaEl = firstChild(el, 'qti-area-mapping')
  const areaMapping: AreaMapping | undefined = areaEl
    ? {
        defaultValue: num(attr(areaEl, 'default-value')) ?? 0,
        lowerBound: num(attr(areaEl, 'lower-bound')),
        upperBound: num(attr(areaEl, 'upper-bound')),
        entries: childElements(areaEl, 'qti-area-map-entry').map((e) => ({
          shape: (attr(e, 'shape') ?? 'default') as AreaMapping['entries'][number]['shape'],
          coords: (attr(e, 'coords') ?? '').split(',').filter(Boolean).map(Number),
          value: Number(attr(e, 'mapped-value') ?? 0),
        })),
      }
    : undefined
  return { id, baseType, cardinality, correct: correct && correct.length > 0 ? correct : null, mapping, areaMapping }
}

export function parseOutcomeDeclaration(el: Element): OutcomeDeclaration {
  const id = attr(el, 'identifier')
  if (!id) throw new UnsupportedError('an outcome declaration has no identifier')
  const baseType = (attr(el, 'base-type') ?? 'float') as BaseType
  const cardinality = (attr(el, 'cardinality') ?? 'single') as Cardinality
  const defaultEl = firstChild(el, 'qti-default-value')
  const values = defaultEl ? childElements(defaultEl, 'qti-value').map((v) => parseScalar(baseType, v.textContent ?? '')) : []
  return {
    id,
    baseType,
    cardinality,
    defaultValue: values.length === 0 ? null : cardinality === 'single' ? values[0]! : values,
    normalMaximum: num(attr(el, 'normal-maximum')),
  }
}

const pairOps: Record<string, Expr['op']> = {
  'qti-match': 'match', 'qti-subtract': 'subtract', 'qti-divide': 'divide', 'qti-gt': 'gt', 'qti-gte': 'gte',
  'qti-lt': 'lt', 'qti-lte': 'lte', 'qti-member': 'member', 'qti-contains': 'contains',
}
const listOps: Record<string, Expr['op']> = {
  'qti-and': 'and', 'qti-or': 'or', 'qti-sum': 'sum', 'qti-product': 'product', 'qti-multiple': 'multiple', 'qti-ordered': 'ordered',
}

function parseExpr(el: Element): Expr {
  const name = localName(el)
  const args = () => childElements(el).map(parseExpr)
  const two = (): [Expr, Expr] => {
    const a = args()
    if (a.length !== 2) throw new UnsupportedError(`${name} needs two operands`)
    return [a[0]!, a[1]!]
  }
  const one = (): Expr => {
    const a = args()
    if (a.length !== 1) throw new UnsupportedError(`${name} needs one operand`)
    return a[0]!
  }
  const id = () => {
    const v = attr(el, 'identifier')
    if (!v) throw new UnsupportedError(`${name} has no identifier`)
    return v
  }
  if (name in pairOps) return { op: pairOps[name], args: two() } as Expr
  if (name in listOps) return { op: listOps[name], args: args() } as Expr
  switch (name) {
    case 'qti-variable':
      return { op: 'variable', id: id() }
    case 'qti-correct':
      return { op: 'correct', id: id() }
    case 'qti-default':
      return { op: 'default', id: id() }
    case 'qti-base-value': {
      const baseType = baseTypeOf(el)
      return { op: 'baseValue', baseType, value: parseScalar(baseType, el.textContent ?? '') }
    }
    case 'qti-null':
      return { op: 'null' }
    case 'qti-map-response':
      return { op: 'mapResponse', id: id() }
    case 'qti-map-response-point':
      return { op: 'mapResponsePoint', id: id() }
    case 'qti-is-null':
      return { op: 'isNull', arg: one() }
    case 'qti-not':
      return { op: 'not', arg: one() }
    case 'qti-round':
      return { op: 'round', arg: one() }
    case 'qti-equal': {
      const mode = (attr(el, 'tolerance-mode') ?? 'exact') as 'exact' | 'absolute' | 'relative'
      const t = (attr(el, 'tolerance') ?? '0').trim().split(/\s+/).map(Number)
      if (t.some((n) => !Number.isFinite(n))) throw new UnsupportedError('qti-equal has a tolerance that refers to a variable')
      return {
        op: 'equal', toleranceMode: mode, tolerance: [t[0] ?? 0, t[1] ?? t[0] ?? 0],
        includeLower: attr(el, 'include-lower-bound') !== 'false', includeUpper: attr(el, 'include-upper-bound') !== 'false', args: two(),
      }
    }
    case 'qti-substring':
      return { op: 'substring', caseSensitive: attr(el, 'case-sensitive') !== 'false', args: two() }
    case 'qti-inside':
      return {
        op: 'inside', shape: (attr(el, 'shape') ?? 'default') as 'circle' | 'rect' | 'poly' | 'ellipse' | 'default',
        coords: (attr(el, 'coords') ?? '').split(',').filter(Boolean).map(Number), arg: one(),
      }
    case 'qti-index': {
      const n = Number(attr(el, 'n'))
      if (!Number.isInteger(n) || n < 1) throw new UnsupportedError('qti-index needs a whole-number n (variable references are not supported)')
      return { op: 'index', n, arg: one() }
    }
    case 'qti-string-match':
      return { op: 'stringMatch', caseSensitive: attr(el, 'case-sensitive') !== 'false', substring: attr(el, 'substring') === 'true', args: two() }
    default:
      throw new UnsupportedError(`the response-processing expression <${name}> is not supported`)
  }
}

function parseRuleList(elements: Element[]): Rule[] {
  return elements.map((el): Rule => {
    const name = localName(el)
    if (name === 'qti-set-outcome-value') {
      const id = attr(el, 'identifier')
      const expr = childElements(el)[0]
      if (!id || !expr) throw new UnsupportedError('qti-set-outcome-value needs an identifier and an expression')
      return { kind: 'setOutcome', id, expr: parseExpr(expr) }
    }
    if (name === 'qti-exit-response') return { kind: 'exit' }
    if (name === 'qti-response-condition') {
      const branches = childElements(el).map((branch) => {
        const kind = localName(branch)
        if (kind === 'qti-response-else') return { when: null, rules: parseRuleList(childElements(branch)) }
        if (kind !== 'qti-response-if' && kind !== 'qti-response-else-if') throw new UnsupportedError(`<${kind}> is not allowed in a response condition`)
        const [condition, ...rules] = childElements(branch)
        if (!condition) throw new UnsupportedError(`${kind} has no condition`)
        return { when: parseExpr(condition), rules: parseRuleList(rules) }
      })
      return { kind: 'condition', branches }
    }
    throw new UnsupportedError(`the response-processing rule <${name}> is not supported`)
  })
}

/** The rules of qti-response-processing: a recognised template, or the item's own rules. */
export function parseResponseProcessing(el: Element | undefined): { rules: Rule[]; template: string | undefined } {
  if (!el) return { rules: [], template: undefined }
  const url = attr(el, 'template') ?? attr(el, 'template-location')
  if (url && childElements(el).length === 0) {
    const name = templateFromUrl(url)
    if (!name) throw new UnsupportedError(`the response-processing template ${url} is not one of match_correct, map_response, map_response_point`)
    return { rules: templateRules(name), template: name }
  }
  return { rules: parseRuleList(childElements(el)), template: undefined }
}

