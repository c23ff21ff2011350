// What the hostile suite sends: a baseline value for every schema (so that one field at a time can
// be made hostile while the rest of the request is valid and reaches the service), and catalogs of
// hostile values derived from each schema: wrong types, boundaries, oversized strings and arrays,
// unicode that breaks naive code, injection strings and timestamps no calendar has.
import { raw, entries, type Raw } from './json.js'
import { mainBranch, typesOf, type JsonSchema } from './openapi.js'

export interface Hostile {
  /** A short category used in reports and in the allowlist: "leap-second", "sql-injection", … */
  kind: string
  value: unknown
}

/** Values the world knows for a field or parameter name (real ids, codes, the clock). */
export interface Known {
  /** A real value for this name in this operation, if the world has one. */
  value(name: string, path: string): string | undefined
  now(): Date
}

const DAY = 86_400_000

/** Timestamps per field name that a real client would send (order between fields respected). */
function dateFor(name: string, now: Date): string {
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString()
  switch (name) {
    case 'startsAt': return at(3 * DAY)
    case 'endsAt': return at(3 * DAY + 4 * 3_600_000)
    case 'certifiedUntil': return at(300 * DAY)
    case 'trainingCompletedOn': case 'agreementSignedOn': case 'coiDeclaredOn': return at(-30 * DAY)
    case 'occurredAt': return at(-5 * 60_000)
    case 'preferredDate': return at(30 * DAY)
    case 'expiresAt': return at(30 * DAY)
    case 'from': return at(-DAY)
    case 'to': return at(60 * DAY)
    default: return at(DAY)
  }
}

const STRING_CANDIDATES = [
  'Hostile baseline text', 'MM', 'VA', '23219', 'device-hostile-0001', 'abcdefgh12345678',
  'a'.repeat(43), 'a'.repeat(64), '20240101-0123abcd', 'x',
]

function matches(schema: JsonSchema, s: string): boolean {
  const length = [...s].length
  if (schema.minLength !== undefined && length < schema.minLength) return false
  if (schema.maxLength !== undefined && length > schema.maxLength) return false
  if (schema.pattern && !new RegExp(schema.pattern, 'u').test(s)) return false
  if (schema.enum && !schema.enum.includes(s)) return false
  return true
}

function baselineString(schema: JsonSchema, name: string, path: string, known: Known): string {
  const fixture = known.value(name, path)
  if (fixture !== undefined && matches(schema, fixture)) return fixture
  if (schema.enum?.length) return String(schema.enum[0])
  if (schema.format === 'date-time') return dateFor(name, known.now())
  if (schema.format === 'email') return 'hostile.baseline@example.com'
  for (const c of STRING_CANDIDATES) {
    if (matches(schema, c)) return c
    const padded = c.padEnd(schema.minLength ?? 0, 'a')
    if (matches(schema, padded)) return padded
  }
  return 'x'.repeat(Math.max(1, schema.minLength ?? 1))
}

/** A valid value for the schema (required properties only), using the world's real values by name. */
export function baseline(schemaIn: JsonSchema, name: string, path: string, known: Known): unknown {
  const schema = mainBranch(schemaIn)
  if (schema.const !== undefined) return schema.const
  const type = typesOf(schema)[0]
  switch (type) {
    case 'string': return baselineString(schema, name, path, known)
    case 'integer':
    case 'number': {
      const fixture = known.value(name, path)
      if (fixture !== undefined && /^-?\d+$/.test(fixture)) return Number(fixture)
      if (schema.enum?.length) return schema.enum[0]
      const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1)
      const high = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : Number.MAX_SAFE_INTEGER)
      return Math.min(Math.max(1, low), high)
    }
    case 'boolean': return schema.default ?? (name === 'idVerified' ? true : false)
    case 'null': return null
    case 'array': {
      const fixture = known.value(name, path)
      const item = schema.items ?? {}
      const n = Math.max(1, schema.minItems ?? 0)
      if (fixture !== undefined) {
        const list = fixture.split(',').slice(0, Math.max(n, 1))
        if (list.every((x) => matches(mainBranch(item), x))) return list
      }
      const enumValues = mainBranch(item).enum
      if (enumValues?.length) return enumValues.slice(0, n)
      return Array.from({ length: n }, (_, i) => {
        const v = baseline(item, singular(name), path, known)
        return typeof v === 'string' && n > 1 ? `${v}${i}`.slice(0, mainBranch(item).maxLength ?? 1000) : v
      })
    }
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const key of schema.required ?? []) out[key] = baseline(schema.properties?.[key] ?? {}, key, path, known)
      const minProps = schema.minProperties ?? 0
      if (Object.keys(out).length < minProps && typeof schema.additionalProperties === 'object') {
        const key = known.value(`${name}.key`, path) ?? 'MM'
        out[key] = baseline(schema.additionalProperties, key, path, known)
      }
      return out
    }
    default:
      // An open schema ({}), such as a candidate's response: the world may know a real one.
      return known.value(name, path) !== undefined ? JSON.parse(known.value(name, path)!) : {}
  }
}

const singular = (name: string) => (name.endsWith('Ids') ? name.slice(0, -1) : name.endsWith('s') ? name.slice(0, -1) : name)

// ---------------------------------------------------------------------------------------------
// Hostile catalogs

export const TIMESTAMPS: Hostile[] = [
  { kind: 'leap-second', value: '2016-12-31T23:59:60Z' },
  { kind: 'leap-second', value: '2030-06-30T23:59:60.500+00:00' },
  { kind: 'timestamp-out-of-range', value: '+275760-09-13T00:00:00.001Z' },
  { kind: 'timestamp-out-of-range', value: '-271821-04-19T23:59:59Z' },
  { kind: 'timestamp-out-of-range', value: '0000-01-01T00:00:00Z' },
  { kind: 'timestamp-out-of-range', value: '9999-12-31T23:59:59.999Z' },
  { kind: 'timestamp-out-of-range', value: '1900-01-01T00:00:00Z' },
  { kind: 'timestamp-impossible', value: '2023-02-29T12:00:00Z' },
  { kind: 'timestamp-impossible', value: '2024-13-01T00:00:00Z' },
  { kind: 'timestamp-impossible', value: '2024-01-01T24:00:00Z' },
  { kind: 'timestamp-impossible', value: '2024-01-01T00:00:00+25:00' },
  { kind: 'timestamp-no-zone', value: '2024-01-01T00:00:00' },
  { kind: 'timestamp-date-only', value: '2024-01-01' },
  { kind: 'timestamp-precision', value: '2024-01-01T00:00:00.123456789Z' },
  { kind: 'timestamp-epoch', value: '1970-01-01T00:00:00Z' },
  { kind: 'nan-like', value: 'Invalid Date' },
]

const HUGE = 100_000

/** Hostile strings for any string field (schema-aware boundaries first). */
export function hostileStrings(schema: JsonSchema): Hostile[] {
  const s = mainBranch(schema)
  const out: Hostile[] = [
    { kind: 'empty-string', value: '' },
    { kind: 'whitespace', value: ' \t\n ' },
    { kind: 'huge-string-100k', value: 'x'.repeat(HUGE) },
    { kind: 'rtl-override', value: '\u202Egnp.exe\u202C' },
    { kind: 'nul', value: 'a\u0000b' },
    { kind: 'control-chars', value: '\u0007\u001b[31m\r\nSet-Cookie: pwned=1' },
    { kind: 'emoji', value: '😀👩‍🔧🏳️‍🌈' },
    { kind: 'lone-surrogate', value: 'ab\uD800cd' },
    { kind: 'lone-surrogate', value: '\uDFFF' },
    { kind: 'zero-width', value: '\u200B\u200D\uFEFF' },
    { kind: 'combining', value: 'e\u0301'.repeat(500) },
    { kind: 'sql-injection', value: "' OR '1'='1' --" },
    { kind: 'sql-injection', value: "1; DROP TABLE users; --" },
    { kind: 'sql-injection', value: "%' UNION SELECT password_hash FROM users --" },
    { kind: 'nosql-string', value: '{"$gt": ""}' },
    { kind: 'path-traversal', value: '../../../../etc/passwd' },
    { kind: 'path-traversal', value: '..\\..\\..\\windows\\win.ini' },
    { kind: 'path-traversal', value: '/etc/passwd%00.png' },
    { kind: 'proto-key', value: '__proto__' },
    { kind: 'proto-key', value: 'constructor' },
    { kind: 'nan-like', value: 'NaN' },
    { kind: 'nan-like', value: 'Infinity' },
    { kind: 'nan-like', value: '-0' },
    { kind: 'nan-like', value: '1e309' },
    { kind: 'nan-like', value: 'undefined' },
    { kind: 'script', value: '<script>alert(1)</script>' },
    { kind: 'template', value: '{{7*7}}${7*7}#{7*7}' },
    { kind: 'csv-formula', value: '=HYPERLINK("http://evil.test")' },
    { kind: 'url', value: 'http://169.254.169.254/latest/meta-data/' },
    { kind: 'fullwidth', value: 'ＭＭ１２' },
    ...TIMESTAMPS,
  ]
  if (s.maxLength !== undefined) {
    out.push({ kind: 'max-length', value: 'a'.repeat(s.maxLength) })
    out.push({ kind: 'over-max-length', value: 'a'.repeat(s.maxLength + 1) })
    out.push({ kind: 'max-length-emoji', value: '😀'.repeat(s.maxLength) })
  }
  if (s.minLength !== undefined && s.minLength > 1) out.push({ kind: 'under-min-length', value: 'a'.repeat(s.minLength - 1) })
  if (s.enum?.length) {
    const first = String(s.enum[0])
    out.push({ kind: 'enum-case', value: first.toUpperCase() === first ? first.toLowerCase() : first.toUpperCase() })
    out.push({ kind: 'enum-padded', value: ` ${first} ` })
  }
  if (s.format === 'email') {
    out.push({ kind: 'email-odd', value: 'ADMIN@DEMO.TEST' }, { kind: 'email-odd', value: '"a b"@example.com' }, { kind: 'email-odd', value: 'a@[127.0.0.1]' },
      { kind: 'email-odd', value: `${'x'.repeat(300)}@example.com` }, { kind: 'email-odd', value: 'admin@demo.test\u0000' })
  }
  return out
}

/** Hostile numbers (JSON numbers beyond double precision are sent as raw literals). */
export function hostileNumbers(schema: JsonSchema): Hostile[] {
  const s = mainBranch(schema)
  const out: Hostile[] = [
    { kind: 'zero', value: 0 },
    { kind: 'negative', value: -1 },
    { kind: 'negative', value: -2147483649 },
    { kind: 'fraction', value: 1.5 },
    { kind: 'huge-integer', value: 2 ** 31 },
    { kind: 'huge-integer', value: raw('9007199254740993') },
    { kind: 'huge-integer', value: raw('99999999999999999999999999999') },
    { kind: 'huge-number', value: raw('1e309') },
    { kind: 'huge-number', value: raw('-1e309') },
    { kind: 'tiny-number', value: raw('1e-400') },
    { kind: 'negative-zero', value: raw('-0') },
    { kind: 'nan-like', value: 'NaN' },
    { kind: 'nan-like', value: 'Infinity' },
    { kind: 'numeric-string', value: '0x10' },
    { kind: 'numeric-string', value: ' 1 ' },
  ]
  const low = s.minimum ?? s.exclusiveMinimum
  const high = s.maximum ?? s.exclusiveMaximum
  if (low !== undefined) out.push({ kind: 'at-minimum', value: low }, { kind: 'below-minimum', value: low - 1 })
  if (high !== undefined) out.push({ kind: 'at-maximum', value: high }, { kind: 'above-maximum', value: high + 1 })
  return out
}

/** Wrong types for any field, including operator objects and prototype-polluting objects. */
export function wrongTypes(schema: JsonSchema): Hostile[] {
  const types = new Set(typesOf(mainBranch(schema)).concat(typesOf(schema)))
  const out: Hostile[] = []
  if (!types.has('null')) out.push({ kind: 'wrong-type-null', value: null })
  if (!types.has('boolean')) out.push({ kind: 'wrong-type-boolean', value: true })
  if (!types.has('number') && !types.has('integer')) out.push({ kind: 'wrong-type-number', value: 42 })
  if (!types.has('string')) out.push({ kind: 'wrong-type-string', value: 'a string' })
  if (!types.has('array')) out.push({ kind: 'wrong-type-array', value: ['a', 1] })
  if (!types.has('object')) out.push({ kind: 'wrong-type-object', value: { a: 1 } })
  out.push({ kind: 'nosql-operator', value: { $gt: '' } })
  out.push({ kind: 'nosql-operator', value: { $where: 'sleep(1000)' } })
  out.push({ kind: 'prototype-pollution', value: entries(['__proto__', { isAdmin: true, roles: ['program_staff'] }]) })
  out.push({ kind: 'prototype-pollution', value: { constructor: { prototype: { isAdmin: true } } } })
  out.push({ kind: 'nested-array', value: [[[[['deep']]]]] })
  return out
}

/** Hostile arrays: empty, 10k elements, over maxItems, duplicates, wrong items. */
export function hostileArrays(schema: JsonSchema, item: unknown): Hostile[] {
  const s = mainBranch(schema)
  const out: Hostile[] = [
    { kind: 'empty-array', value: [] },
    { kind: 'array-10k', value: Array.from({ length: 10_000 }, () => item) },
    { kind: 'array-10k-distinct', value: Array.from({ length: 10_000 }, (_, i) => (typeof item === 'string' ? `${item}${i}` : i)) },
    { kind: 'array-null-item', value: [null] },
    { kind: 'array-wrong-item', value: [{ a: 1 }, [], 7] },
    { kind: 'array-duplicates', value: [item, item] },
  ]
  if (s.maxItems !== undefined) out.push({ kind: 'over-max-items', value: Array.from({ length: s.maxItems + 1 }, (_, i) => (typeof item === 'string' ? `${item}${i}` : item)) })
  return out
}

/** The hostile values for one field, derived from its schema. */
export function hostileFor(schema: JsonSchema, baselineValue: unknown): Hostile[] {
  const s = mainBranch(schema)
  const types = typesOf(s)
  const out: Hostile[] = []
  if (types.includes('string') || types.length === 0) out.push(...hostileStrings(s))
  if (types.includes('integer') || types.includes('number') || types.length === 0) out.push(...hostileNumbers(s))
  if (types.includes('boolean')) out.push({ kind: 'boolean-string', value: 'yes' }, { kind: 'boolean-number', value: 2 })
  if (types.includes('array') || types.length === 0) {
    const item = Array.isArray(baselineValue) ? baselineValue[0] : baselineValue
    out.push(...hostileArrays(s, item))
    if (s.items) for (const h of hostileFor(s.items, item).filter((x) => !x.kind.startsWith('array'))) out.push({ kind: `item:${h.kind}`, value: [h.value] })
  }
  if (types.length === 0) {
    // An open schema (a candidate's response): deep and wide JSON.
    out.push({ kind: 'deep-nesting-10k', value: raw(`${'['.repeat(10_000)}${']'.repeat(10_000)}`) })
    out.push({ kind: 'deep-nesting-10k', value: raw(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`) })
    out.push({ kind: 'wide-object-10k', value: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])) })
  }
  out.push(...wrongTypes(s))
  return out
}

// ---------------------------------------------------------------------------------------------
// Path and query parameter values (already URL-encoded, or deliberately badly encoded)

export interface UrlValue {
  kind: string
  /** The text placed in the URL as is. */
  encoded: string
}

const enc = (kind: string, value: string): UrlValue => ({ kind, encoded: encodeURIComponent(value) })

export const PATH_VALUES: UrlValue[] = [
  enc('sql-injection', "' OR '1'='1"),
  enc('sql-injection', '1;DROP TABLE users--'),
  enc('path-traversal', '../../../../etc/passwd'),
  { kind: 'path-traversal-raw', encoded: '..%2F..%2F..%2Fetc%2Fpasswd' },
  { kind: 'path-traversal-raw', encoded: '%2e%2e%2f%2e%2e%2f' },
  { kind: 'bad-url-escape', encoded: '%FF' },
  { kind: 'bad-url-escape', encoded: '%E0%A4%A' },
  { kind: 'lone-surrogate', encoded: '%ED%A0%80' },
  { kind: 'nul', encoded: '%00' },
  enc('rtl-override', '\u202Eevil'),
  enc('emoji', '😀'),
  enc('proto-key', '__proto__'),
  enc('proto-key', 'constructor'),
  enc('nan-like', 'NaN'),
  enc('negative', '-1'),
  enc('huge-integer', '99999999999999999999999999'),
  enc('nosql-string', '{"$gt":""}'),
  enc('whitespace', ' '),
  enc('param-101-chars', 'a'.repeat(101)),
  enc('huge-string-100k', 'x'.repeat(HUGE)),
  enc('leap-second', '2016-12-31T23:59:60Z'),
  enc('unknown-uuid', '00000000-0000-4000-8000-000000000000'),
  enc('fullwidth', 'ＭＭ'),
  enc('script', '<script>'),
]

export function queryValues(schema: JsonSchema): UrlValue[] {
  const s = mainBranch(schema)
  const types = typesOf(s)
  const out: UrlValue[] = [
    enc('empty-string', ''),
    enc('sql-injection', "' OR '1'='1' --"),
    enc('sql-injection', '%'),
    enc('sql-injection', '_'),
    enc('nul', 'a\u0000b'),
    enc('rtl-override', '\u202Eevil'),
    enc('emoji', '😀😀'),
    { kind: 'lone-surrogate', encoded: '%ED%A0%80' },
    { kind: 'bad-url-escape', encoded: '%FF%FE' },
    enc('path-traversal', '../../etc/passwd'),
    enc('proto-key', '__proto__'),
    enc('huge-string-100k', 'x'.repeat(HUGE)),
    enc('nan-like', 'NaN'),
    enc('nan-like', 'Infinity'),
    enc('negative', '-1'),
    enc('huge-integer', '99999999999999999999999999'),
    enc('huge-number', '1e309'),
    enc('fraction', '1.5'),
    enc('numeric-string', '0x10'),
    ...TIMESTAMPS.map((t) => enc(t.kind, t.value as string)),
  ]
  if (s.maxLength !== undefined) out.push(enc('over-max-length', 'a'.repeat(s.maxLength + 1)))
  if (types.includes('integer') || types.includes('number')) {
    if (s.minimum !== undefined) out.push(enc('below-minimum', String(s.minimum - 1)), enc('at-minimum', String(s.minimum)))
    if (s.maximum !== undefined) out.push(enc('above-maximum', String(s.maximum + 1)), enc('at-maximum', String(s.maximum)))
  }
  if (s.enum?.length) out.push(enc('enum-case', String(s.enum[0]).toUpperCase()), enc('enum-case', String(s.enum[0]).toLowerCase()))
  return out
}

/** Values for a header parameter (header values must be Latin-1: no RTL or emoji here). */
export const HEADER_VALUES: Hostile[] = [
  { kind: 'empty-string', value: '' },
  { kind: 'too-short', value: 'abc' },
  { kind: 'over-max-length', value: 'a'.repeat(65) },
  { kind: 'huge-string-8k', value: 'x'.repeat(8_000) },
  { kind: 'sql-injection', value: "' OR '1'='1" },
  { kind: 'path-traversal', value: '../../etc/passwd' },
  { kind: 'latin1', value: 'ÿÿÿÿÿÿÿÿÿ' },
  { kind: 'proto-key', value: '__proto__' },
]

export type { Raw }
