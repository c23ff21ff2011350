// A QTI 3.0 response-processing interpreter over a JSON form of the rules (parsed from XML on the
// server), pure and isomorphic. The standard templates are expressed as rule programs, so template
// items and custom ones run through the same code.
import { isNull, listOf, NULL_VALUE, scalarKey, scalarsEqual, valuesMatch, type BaseType, type QtiValue, type Scalar } from './values.js'

export type Expr =
  | { op: 'variable'; id: string }
  | { op: 'correct'; id: string }
  | { op: 'default'; id: string }
  | { op: 'baseValue'; baseType: BaseType; value: Scalar }
  | { op: 'null' }
  | { op: 'mapResponse'; id: string }
  | { op: 'mapResponsePoint'; id: string }
  | { op: 'isNull'; arg: Expr }
  | { op: 'not'; arg: Expr }
  | { op: 'and' | 'or' | 'sum' | 'product' | 'multiple' | 'ordered'; args: Expr[] }
  | { op: 'match' | 'subtract' | 'divide' | 'gt' | 'gte' | 'lt' | 'lte' | 'member' | 'contains'; args: [Expr, Expr] }
  | { op: 'equal'; toleranceMode: 'exact' | 'absolute' | 'relative'; tolerance: [number, number]; includeLower: boolean; includeUpper: boolean; args: [Expr, Expr] }
  | { op: 'stringMatch'; caseSensitive: boolean; substring: boolean; args: [Expr, Expr] }
  | { op: 'round'; arg: Expr }
  | { op: 'substring'; caseSensitive: boolean; args: [Expr, Expr] }
  | { op: 'inside'; shape: AreaEntry['shape']; coords: number[]; arg: Expr }
  | { op: 'index'; n: number; arg: Expr }

export type Rule =
  | { kind: 'setOutcome'; id: string; expr: Expr }
  | { kind: 'condition'; branches: { when: Expr | null; rules: Rule[] }[] }
  | { kind: 'exit' }

export interface MapEntry { key: Scalar; value: number; caseSensitive: boolean }
export interface Mapping { entries: MapEntry[]; defaultValue: number; lowerBound?: number | undefined; upperBound?: number | undefined }
export interface AreaEntry { shape: 'circle' | 'rect' | 'poly' | 'ellipse' | 'default'; coords: number[]; value: number }
export interface AreaMapping { entries: AreaEntry[]; defaultValue: number; lowerBound?: number | undefined; upperBound?: number | undefined }

export interface ResponseDeclaration {
  id: string
  cardinality: QtiValue['cardinality']
  baseType: BaseType
  correct: Scalar[] | null
  mapping?: Mapping | undefined
  areaMapping?: AreaMapping | undefined
}

export interface OutcomeDeclaration {
  id: string
  cardinality: QtiValue['cardinality']
  baseType: BaseType
  /** A scalar for single cardinality; a list for multiple/ordered. */
  defaultValue: Scalar | Scalar[] | null
  normalMaximum?: number | undefined
}

export interface ProcessingInput {
  responses: ResponseDeclaration[]
  outcomes: OutcomeDeclaration[]
  rules: Rule[]
}

export class ProcessingError extends Error {}

const num = (v: QtiValue): number | null => {
  if (isNull(v)) return null
  const s = listOf(v)[0]
  return typeof s === 'number' ? s : typeof s === 'string' && s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : null
}
const bool = (v: QtiValue): boolean | null => (isNull(v) ? null : listOf(v)[0] === true)
const floatValue = (n: number | null): QtiValue => (n === null || !Number.isFinite(n) ? NULL_VALUE : { cardinality: 'single', baseType: 'float', value: n })
const boolValue = (b: boolean | null): QtiValue => (b === null ? NULL_VALUE : { cardinality: 'single', baseType: 'boolean', value: b })

function correctValue(d: ResponseDeclaration): QtiValue {
  if (!d.correct || d.correct.length === 0) return { ...NULL_VALUE, baseType: d.baseType }
  return { cardinality: d.cardinality, baseType: d.baseType, value: d.cardinality === 'single' ? d.correct[0]! : d.correct }
}

function applyBounds(sum: number, lower: number | undefined, upper: number | undefined): number {
  let out = sum
  if (lower !== undefined) out = Math.max(lower, out)
  if (upper !== undefined) out = Math.min(upper, out)
  return out
}

/** QTI mapResponse: each distinct response value counted once; default for unmapped values. */
export function mapResponse(d: ResponseDeclaration, response: QtiValue): number {
  const mapping = d.mapping
  if (!mapping) throw new ProcessingError(`response ${d.id} has no mapping`)
  if (isNull(response)) return applyBounds(0, mapping.lowerBound, mapping.upperBound)
  const seen = new Set<string>()
  let sum = 0
  for (const s of listOf(response)) {
    const key = scalarKey(d.baseType, s)
    if (seen.has(key)) continue
    seen.add(key)
    const entry = mapping.entries.find((e) =>
      typeof e.key === 'string' && typeof s === 'string' && !e.caseSensitive ? e.key.toLowerCase() === s.toLowerCase() : scalarsEqual(d.baseType, e.key, s),
    )
    sum += entry ? entry.value : mapping.defaultValue
  }
  return applyBounds(sum, mapping.lowerBound, mapping.upperBound)
}

function inArea(e: AreaEntry, [x, y]: [number, number]): boolean {
  const c = e.coords
  switch (e.shape) {
    case 'default':
      return true
    case 'circle':
      return (x - c[0]!) ** 2 + (y - c[1]!) ** 2 <= c[2]! ** 2
    case 'ellipse':
      return ((x - c[0]!) / c[2]!) ** 2 + ((y - c[1]!) / c[3]!) ** 2 <= 1
    case 'rect':
      return x >= Math.min(c[0]!, c[2]!) && x <= Math.max(c[0]!, c[2]!) && y >= Math.min(c[1]!, c[3]!) && y <= Math.max(c[1]!, c[3]!)
    case 'poly': {
      let inside = false
      const n = Math.floor(c.length / 2)
      for (let i = 0, j = n - 1; i < n; j = i++) {
        const [xi, yi, xj, yj] = [c[2 * i]!, c[2 * i + 1]!, c[2 * j]!, c[2 * j + 1]!]
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
      }
      return inside
    }
  }
}

/** QTI mapResponsePoint: each area counted once, whichever points fall in it. */
export function mapResponsePoint(d: ResponseDeclaration, response: QtiValue): number {
  const mapping = d.areaMapping
  if (!mapping) throw new ProcessingError(`response ${d.id} has no area mapping`)
  const points = listOf(response).filter((p): p is [number, number] => Array.isArray(p) && typeof p[0] === 'number')
  if (points.length === 0) return applyBounds(0, mapping.lowerBound, mapping.upperBound)
  const hit = new Set<number>()
  let sum = 0
  for (const p of points) {
    const index = mapping.entries.findIndex((e) => inArea(e, p))
    if (index < 0) sum += mapping.defaultValue
    else if (!hit.has(index)) {
      hit.add(index)
      sum += mapping.entries[index]!.value
    }
  }
  return applyBounds(sum, mapping.lowerBound, mapping.upperBound)
}

export interface ProcessingResult {
  outcomes: Record<string, QtiValue>
}

export function runResponseProcessing(input: ProcessingInput, responses: Record<string, QtiValue>): ProcessingResult {
  const outcomes: Record<string, QtiValue> = {}
  for (const o of input.outcomes) {
    outcomes[o.id] = o.defaultValue === null
      ? { cardinality: o.cardinality, baseType: o.baseType, value: o.baseType === 'float' || o.baseType === 'integer' ? 0 : null }
      : { cardinality: o.cardinality, baseType: o.baseType, value: o.defaultValue }
  }
  const declaration = (id: string) => input.responses.find((r) => r.id === id)

  const variable = (id: string): QtiValue => {
    if (id in outcomes) return outcomes[id]!
    const d = declaration(id)
    if (d) return responses[id] ?? { ...NULL_VALUE, cardinality: d.cardinality, baseType: d.baseType }
    throw new ProcessingError(`unknown variable ${id}`)
  }

  const evaluate = (e: Expr): QtiValue => {
    switch (e.op) {
      case 'variable':
        return variable(e.id)
      case 'correct': {
        const d = declaration(e.id)
        if (!d) throw new ProcessingError(`unknown response ${e.id}`)
        return correctValue(d)
      }
      case 'default': {
        const o = input.outcomes.find((x) => x.id === e.id)
        return o?.defaultValue == null ? NULL_VALUE : { cardinality: o.cardinality, baseType: o.baseType, value: o.defaultValue }
      }
      case 'baseValue':
        return { cardinality: 'single', baseType: e.baseType, value: e.value }
      case 'null':
        return NULL_VALUE
      case 'mapResponse': {
        const d = declaration(e.id)
        if (!d) throw new ProcessingError(`unknown response ${e.id}`)
        return floatValue(mapResponse(d, variable(e.id)))
      }
      case 'mapResponsePoint': {
        const d = declaration(e.id)
        if (!d) throw new ProcessingError(`unknown response ${e.id}`)
        return floatValue(mapResponsePoint(d, variable(e.id)))
      }
      case 'isNull':
        return boolValue(isNull(evaluate(e.arg)))
      case 'not': {
        const b = bool(evaluate(e.arg))
        return boolValue(b === null ? null : !b)
      }
      case 'and': {
        const values = e.args.map((a) => bool(evaluate(a)))
        if (values.some((v) => v === false)) return boolValue(false)
        return boolValue(values.some((v) => v === null) ? null : true)
      }
      case 'or': {
        const values = e.args.map((a) => bool(evaluate(a)))
        if (values.some((v) => v === true)) return boolValue(true)
        return boolValue(values.some((v) => v === null) ? null : false)
      }
      case 'sum':
      case 'product': {
        const ns = e.args.map((a) => num(evaluate(a)))
        if (ns.some((n) => n === null)) return NULL_VALUE
        return floatValue((ns as number[]).reduce((acc, n) => (e.op === 'sum' ? acc + n : acc * n), e.op === 'sum' ? 0 : 1))
      }
      case 'subtract':
      case 'divide':
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte': {
        const [a, b] = e.args.map((x) => num(evaluate(x)))
        if (a == null || b == null) return NULL_VALUE
        if (e.op === 'subtract') return floatValue(a - b)
        if (e.op === 'divide') return floatValue(b === 0 ? null : a / b)
        return boolValue(e.op === 'gt' ? a > b : e.op === 'gte' ? a >= b : e.op === 'lt' ? a < b : a <= b)
      }
      case 'round': {
        const n = num(evaluate(e.arg))
        return n === null ? NULL_VALUE : { cardinality: 'single', baseType: 'integer', value: Math.round(n) }
      }
      case 'match': {
        const [a, b] = [evaluate(e.args[0]), evaluate(e.args[1])]
        if (isNull(a) || isNull(b)) return NULL_VALUE
        return boolValue(valuesMatch(a, b))
      }
      case 'equal': {
        const [a, b] = e.args.map((x) => num(evaluate(x)))
        if (a == null || b == null) return NULL_VALUE
        if (e.toleranceMode === 'exact') return boolValue(a === b)
        const [t0, t1] = e.tolerance
        const low = e.toleranceMode === 'absolute' ? a - t0 : a * (1 - t0 / 100)
        const high = e.toleranceMode === 'absolute' ? a + t1 : a * (1 + t1 / 100)
        // Tolerances compare decimal inputs; a hair of slack absorbs binary rounding (0.375 - 0.001).
        const eps = 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
        const aboveLow = e.includeLower ? b >= low - eps : b > low + eps
        const belowHigh = e.includeUpper ? b <= high + eps : b < high - eps
        return boolValue(aboveLow && belowHigh)
      }
      case 'stringMatch': {
        const [a, b] = e.args.map((x) => evaluate(x))
        if (isNull(a!) || isNull(b!)) return NULL_VALUE
        let [x, y] = [String(listOf(a!)[0]), String(listOf(b!)[0])]
        if (!e.caseSensitive) [x, y] = [x.toLowerCase(), y.toLowerCase()]
        return boolValue(e.substring ? x.includes(y) : x === y)
      }
      case 'substring': {
        const [a, b] = e.args.map((x) => evaluate(x))
        if (isNull(a!) || isNull(b!)) return NULL_VALUE
        let [needle, hay] = [String(listOf(a!)[0]), String(listOf(b!)[0])]
        if (!e.caseSensitive) [needle, hay] = [needle.toLowerCase(), hay.toLowerCase()]
        return boolValue(hay.includes(needle))
      }
      case 'inside': {
        const v = evaluate(e.arg)
        if (isNull(v)) return NULL_VALUE
        const points = listOf(v).filter((p): p is [number, number] => Array.isArray(p) && typeof p[0] === 'number')
        return boolValue(points.some((p) => inArea({ shape: e.shape, coords: e.coords, value: 0 }, p)))
      }
      case 'index': {
        const v = evaluate(e.arg)
        const list = listOf(v)
        const item = list[e.n - 1]
        return item === undefined ? NULL_VALUE : { cardinality: 'single', baseType: v.baseType, value: item }
      }
      case 'member':
      case 'contains': {
        const [a, b] = [evaluate(e.args[0]), evaluate(e.args[1])]
        if (isNull(a) || isNull(b)) return NULL_VALUE
        const container = listOf(e.op === 'member' ? b : a)
        const wanted = listOf(e.op === 'member' ? a : b)
        const base = b.baseType
        return boolValue(wanted.every((w) => container.some((c) => scalarsEqual(base, c, w))))
      }
      case 'multiple':
      case 'ordered': {
        const parts = e.args.map(evaluate).filter((v) => !isNull(v))
        const base = parts[0]?.baseType ?? 'identifier'
        return { cardinality: e.op, baseType: base, value: parts.flatMap((p) => listOf(p)) }
      }
    }
  }

  const run = (rules: Rule[]): boolean => {
    for (const rule of rules) {
      if (rule.kind === 'exit') return false
      if (rule.kind === 'setOutcome') {
        const decl = input.outcomes.find((o) => o.id === rule.id)
        const value = evaluate(rule.expr)
        outcomes[rule.id] = decl ? { ...value, cardinality: decl.cardinality, baseType: decl.baseType } : value
        continue
      }
      for (const branch of rule.branches) {
        if (branch.when === null || bool(evaluate(branch.when)) === true) {
          if (!run(branch.rules)) return false
          break
        }
      }
    }
    return true
  }
  run(input.rules)
  return { outcomes }
}

/**
 * An upper bound of what response processing can assign to SCORE, read from the rules: the largest
 * constant each outcome is ever set to, sums and mappings followed. Used when an item declares no
 * correct response (so its maximum cannot be found by scoring one).
 */
export function maxScoreFromRules(input: ProcessingInput): number {
  const best = new Map<string, number>()
  const bound = (e: Expr): number => {
    switch (e.op) {
      case 'baseValue':
        return typeof e.value === 'number' ? e.value : 0
      case 'variable':
        return best.get(e.id) ?? 0
      case 'sum':
        return e.args.reduce((acc, a) => acc + Math.max(0, bound(a)), 0)
      case 'product':
        return e.args.reduce((acc, a) => acc * Math.max(0, bound(a)), 1)
      case 'mapResponse':
      case 'mapResponsePoint': {
        const d = input.responses.find((r) => r.id === e.id)
        const m = e.op === 'mapResponse' ? d?.mapping : d?.areaMapping
        if (!m) return 0
        const positive = m.entries.map((x) => x.value).filter((v) => v > 0)
        const total = d?.cardinality === 'single' ? Math.max(0, ...positive) : positive.reduce((a, b) => a + b, 0)
        return Math.min(total, m.upperBound ?? Number.POSITIVE_INFINITY)
      }
      default:
        return 0
    }
  }
  const visit = (rules: Rule[]) => {
    for (const r of rules) {
      if (r.kind === 'setOutcome') best.set(r.id, Math.max(best.get(r.id) ?? 0, bound(r.expr)))
      else if (r.kind === 'condition') r.branches.forEach((b) => visit(b.rules))
    }
  }
  // Outcomes can feed one another (SCORE = SCORE1 + SCORE2): a few passes settle the bounds.
  for (let pass = 0; pass < 4; pass++) visit(input.rules)
  return best.get('SCORE') ?? 0
}
