// QTI values as plain JSON: what a response or outcome holds, with its cardinality and base type,
// so matching follows QTI's rules (sets for multiple, sequences for ordered, unordered pairs).

export type BaseType = 'identifier' | 'string' | 'float' | 'integer' | 'boolean' | 'pair' | 'directedPair' | 'point' | 'file' | 'uri' | 'duration'
export type Cardinality = 'single' | 'multiple' | 'ordered' | 'record'

/** One base-type value: pairs are two identifiers, points two numbers. */
export type Scalar = string | number | boolean | [string, string] | [number, number]

export interface QtiValue {
  cardinality: Cardinality
  baseType: BaseType
  /** A scalar for single; an array of scalars for multiple/ordered; null is QTI's NULL. */
  value: Scalar | Scalar[] | null
}

export const NULL_VALUE: QtiValue = { cardinality: 'single', baseType: 'identifier', value: null }

export function isNull(v: QtiValue | undefined): boolean {
  if (!v || v.value === null) return true
  if (Array.isArray(v.value) && v.cardinality !== 'single') return v.value.length === 0
  return v.value === ''
}

export function scalarKey(baseType: BaseType, s: Scalar): string {
  if (Array.isArray(s)) {
    if (baseType === 'pair') return [...(s as string[])].sort().join(' ')
    return s.join(' ')
  }
  return String(s)
}

export function scalarsEqual(baseType: BaseType, a: Scalar, b: Scalar): boolean {
  if ((baseType === 'float' || baseType === 'integer') && typeof a === 'number' && typeof b === 'number') return a === b
  return scalarKey(baseType, a) === scalarKey(baseType, b)
}

function asList(v: QtiValue): Scalar[] {
  if (v.value === null) return []
  return Array.isArray(v.value) && v.cardinality !== 'single' ? (v.value as Scalar[]) : [v.value as Scalar]
}

/** QTI match: single values equal; multiple as multisets; ordered as sequences. */
export function valuesMatch(a: QtiValue, b: QtiValue): boolean {
  if (isNull(a) || isNull(b)) return false
  const base = a.baseType === 'pair' || b.baseType === 'pair' ? 'pair' : a.baseType
  const left = asList(a)
  const right = asList(b)
  if (left.length !== right.length) return false
  if (a.cardinality === 'ordered' || b.cardinality === 'ordered') {
    return left.every((s, i) => scalarsEqual(base, s, right[i]!))
  }
  if (a.cardinality === 'single' && b.cardinality === 'single') return scalarsEqual(base, left[0]!, right[0]!)
  const counts = new Map<string, number>()
  for (const s of left) counts.set(scalarKey(base, s), (counts.get(scalarKey(base, s)) ?? 0) + 1)
  for (const s of right) {
    const k = scalarKey(base, s)
    const n = counts.get(k)
    if (!n) return false
    counts.set(k, n - 1)
  }
  return true
}

export const listOf = asList
