// Scoring one item: the candidate's response (JSON keyed by response identifier) is checked against
// the declared shapes, converted to QTI values and run through the item's response processing.
// A response of the wrong shape scores zero and says why; it never throws.
import { maxScoreFromRules, runResponseProcessing, ProcessingError, type ProcessingInput, type ResponseDeclaration } from './response-processing.js'
import { NULL_VALUE, type QtiValue, type Scalar } from './values.js'

/** What a candidate sends for an item: { RESPONSE: value } (one entry per interaction). */
export type CandidateResponse = Record<string, unknown>

export interface ScoringModel extends ProcessingInput {
  /** True when the item cannot be scored by machine (extended text): a person scores it. */
  manual: boolean
  /** The raw score of a fully correct response. */
  maxScore: number
}

export interface ItemScore {
  /** Raw score from response processing, clamped to [0, maxScore]. */
  score: number
  maxScore: number
  /** score / maxScore: what one item contributes to a module (every MT1 item is worth 1). */
  fraction: number
  /** Why the response could not be scored as sent, when it could not. */
  malformed?: string
}

const MAX_TEXT = 10_000
const MAX_LIST = 200

type Parsed = { ok: true; value: Scalar } | { ok: false; error: string }
const ok = (value: Scalar): Parsed => ({ ok: true, value })
const bad = (error: string): Parsed => ({ ok: false, error })

function scalarFrom(decl: ResponseDeclaration, raw: unknown): Parsed {
  switch (decl.baseType) {
    case 'identifier':
    case 'string':
    case 'uri':
      if (typeof raw !== 'string') return bad(`expected text for ${decl.id}`)
      if (raw.length > MAX_TEXT) return bad(`${decl.id} is too long`)
      // Spaces a candidate typed around a typed answer are not part of it.
      return ok(decl.baseType === 'string' ? raw.trim() : raw)
    case 'float':
    case 'integer': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim().replace(/,/g, '')) : Number.NaN
      if (!Number.isFinite(n)) return bad(`expected a number for ${decl.id}`)
      if (decl.baseType === 'integer' && !Number.isInteger(n)) return bad(`expected a whole number for ${decl.id}`)
      return ok(n)
    }
    case 'boolean':
      return typeof raw === 'boolean' ? ok(raw) : bad(`expected true or false for ${decl.id}`)
    case 'pair':
    case 'directedPair':
      return Array.isArray(raw) && raw.length === 2 && raw.every((x) => typeof x === 'string' && x.length <= 200)
        ? ok([raw[0] as string, raw[1] as string])
        : bad(`expected a pair of identifiers for ${decl.id}`)
    case 'point':
      return Array.isArray(raw) && raw.length === 2 && raw.every((x) => typeof x === 'number' && Number.isFinite(x))
        ? ok([raw[0] as number, raw[1] as number])
        : bad(`expected a point [x, y] for ${decl.id}`)
    default:
      return bad(`${decl.baseType} responses are not accepted`)
  }
}

/** Converts one raw response to a QTI value, or returns why it cannot be. */
export function toQtiValue(decl: ResponseDeclaration, raw: unknown): QtiValue | string {
  if (raw === null || raw === undefined || raw === '') return { ...NULL_VALUE, cardinality: decl.cardinality, baseType: decl.baseType }
  if (decl.cardinality === 'single') {
    const s = scalarFrom(decl, raw)
    return s.ok ? { cardinality: 'single', baseType: decl.baseType, value: s.value } : s.error
  }
  if (!Array.isArray(raw)) return `expected a list for ${decl.id}`
  if (raw.length > MAX_LIST) return `${decl.id} has too many entries`
  const values: Scalar[] = []
  for (const entry of raw) {
    const s = scalarFrom(decl, entry)
    if (!s.ok) return s.error
    values.push(s.value)
  }
  return { cardinality: decl.cardinality, baseType: decl.baseType, value: values }
}

export function scoreItem(model: ScoringModel, response: CandidateResponse | null | undefined): ItemScore {
  const zero = (malformed?: string): ItemScore => ({ score: 0, maxScore: model.maxScore, fraction: 0, ...(malformed ? { malformed } : {}) })
  if (model.manual) return zero()
  if (response === null || response === undefined) return zero()
  if (typeof response !== 'object' || Array.isArray(response)) return zero('expected an object keyed by response identifier')
  const values: Record<string, QtiValue> = {}
  for (const key of Object.keys(response)) {
    const decl = model.responses.find((d) => d.id === key)
    if (!decl) return zero(`unknown response identifier ${key}`)
    const value = toQtiValue(decl, response[key])
    if (typeof value === 'string') return zero(value)
    values[key] = value
  }
  try {
    const { outcomes } = runResponseProcessing(model, values)
    const raw = outcomes.SCORE?.value
    const score = typeof raw === 'number' && Number.isFinite(raw) ? Math.min(Math.max(raw, 0), model.maxScore) : 0
    return { score, maxScore: model.maxScore, fraction: model.maxScore > 0 ? score / model.maxScore : 0 }
  } catch (err) {
    if (err instanceof ProcessingError) return zero(err.message)
    throw err
  }
}

/** The declared correct response in the shape a candidate sends, or null where none is declared. */
export function correctResponseOf(model: Pick<ScoringModel, 'responses'>): CandidateResponse | null {
  const out: CandidateResponse = {}
  for (const d of model.responses) {
    if (!d.correct || d.correct.length === 0) return null
    out[d.id] = d.cardinality === 'single' ? d.correct[0] : d.correct
  }
  return out
}

/**
 * The raw score of a fully correct response: the outcome's normal-maximum when declared, else
 * what the declared correct response scores, else the best a mapping allows.
 */
export function computeMaxScore(input: ProcessingInput): number {
  const declared = input.outcomes.find((o) => o.id === 'SCORE')?.normalMaximum
  if (declared !== undefined && declared > 0) return declared
  const correct = correctResponseOf(input)
  if (correct) {
    const model: ScoringModel = { ...input, manual: false, maxScore: Number.POSITIVE_INFINITY }
    const s = scoreItem(model, correct).score
    if (s > 0) return s
  }
  const fromRules = maxScoreFromRules(input)
  if (fromRules > 0) return fromRules
  let best = 0
  for (const d of input.responses) {
    const mapping = d.mapping ?? d.areaMapping
    if (mapping) {
      const positive = mapping.entries.map((e) => e.value).filter((v) => v > 0).sort((a, b) => b - a)
      const take = d.cardinality === 'single' ? positive.slice(0, 1) : positive
      best += Math.min(take.reduce((a, b) => a + b, 0), mapping.upperBound ?? Number.POSITIVE_INFINITY)
    }
  }
  return best
}
