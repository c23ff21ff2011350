// Hostile requests for one operation of the OpenAPI document. Each case changes one thing of an
// otherwise valid request (built from the schema with the world's real ids): one path or query
// parameter, one body field (missing, wrong type, boundary, oversized, unicode, injection,
// impossible timestamp), the body as a whole (malformed, wrong content type, oversized, deeply
// nested, prototype-polluting), the credentials (garbage tokens, a missing CSRF header) or the
// method. Cases are built lazily: a 10k-element array is only made for the requests that send it.
import { zipSync } from 'fflate'
import { entries, raw, serialize } from './json.js'
import { mainBranch, typesOf, type JsonSchema, type Method, type Operation, type Parameter } from './openapi.js'
import { randomBytes, seeded } from './prng.js'
import { baseline, HEADER_VALUES, hostileFor, PATH_VALUES, queryValues, type Known } from './values.js'

export type AuthMode = 'role' | 'csrf-missing' | 'csrf-wrong' | 'bearer-garbage' | 'bearer-huge' | 'cookie-garbage'

export interface RequestSpec {
  method: string
  url: string
  headers: Record<string, string>
  payload?: string | Buffer
  auth: AuthMode
}

export interface Case {
  op: Operation
  /** What was changed: "path.id", "query.limit", "body.email", "body", "auth", "method". */
  slot: string
  /** The category of hostile input ("leap-second", "array-10k", …), as in the allowlist. */
  kind: string
  /** A short, readable description of the input for reports. */
  input: string
  build(): RequestSpec
}

/**
 * Operations whose body is not JSON (the document does not describe it): their content types, the
 * body limit their route declares (src: sessions/registry/item-bank/accommodations routes), and a
 * small valid body used while another part of the request is made hostile.
 */
interface RawUpload { types: string[]; limit: number; valid: () => Buffer; hostile: () => { kind: string; type: string; body: () => Buffer }[] }

const CSV_HOSTILE = (type: string) => [
  { kind: 'csv-formula', type, body: () => Buffer.from('name,email,modules\n"=cmd|\' /C calc\'!A0",a@example.com,MM\n@SUM(1+1),b@example.com,MM\n') },
  { kind: 'csv-unbalanced-quote', type, body: () => Buffer.from('name,email,modules\n"unterminated,a@example.com,MM\n') },
  { kind: 'csv-bom-nul', type, body: () => Buffer.from('\uFEFFname,email,modules\nA\u0000B,a@example.com,MM\n') },
  { kind: 'csv-rtl', type, body: () => Buffer.from('name,email,modules\n\u202Egnp.exe,a@example.com,MM\n') },
  { kind: 'csv-10k-rows', type, body: () => Buffer.from(`name,email,modules\n${Array.from({ length: 10_000 }, (_, i) => `N${i},n${i}@x.test,MM`).join('\n')}\n`) },
  { kind: 'csv-100k-cell', type, body: () => Buffer.from(`name,email,modules\n${'x'.repeat(100_000)},a@example.com,MM\n`) },
  { kind: 'csv-proto-header', type, body: () => Buffer.from('__proto__,constructor,prototype\n1,2,3\n') },
  { kind: 'csv-1000-columns', type, body: () => Buffer.from(`${Array.from({ length: 1000 }, (_, i) => `c${i}`).join(',')}\n`) },
  { kind: 'csv-header-only', type, body: () => Buffer.from('name,email,modules\n') },
  { kind: 'csv-sql', type, body: () => Buffer.from("name,email,modules\n'; DROP TABLE users; --,x@example.com,MM\n") },
]

const GENERIC_BINARY = (type: string, limit: number) => [
  { kind: 'empty-body', type, body: () => Buffer.alloc(0) },
  { kind: 'random-bytes', type, body: () => randomBytes(65_536, seeded(7)) },
  { kind: 'nul-bytes', type, body: () => Buffer.alloc(4096) },
  { kind: 'json-instead', type, body: () => Buffer.from('{"__proto__":{"isAdmin":true}}') },
  { kind: 'over-body-limit', type, body: () => Buffer.alloc(limit + 1, 0x41) },
]

const SVG_HOSTILE = (type: string) => [
  { kind: 'svg-script', type, body: () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect onload="alert(1)" width="1" height="1"/></svg>') },
  { kind: 'svg-external', type, body: () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="file:///etc/passwd"/><use href="http://evil.test/x.svg#a"/></svg>') },
  { kind: 'svg-entities', type, body: () => Buffer.from('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>') },
  { kind: 'svg-nested-200', type, body: () => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg">${'<g>'.repeat(200)}<rect width="1" height="1"/>${'</g>'.repeat(200)}</svg>`) },
  { kind: 'svg-not-xml', type, body: () => Buffer.from('<svg><g></svg>') },
  { kind: 'svg-rtl-nul', type, body: () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><text>\u202Eevil\u0000</text></svg>') },
]

const ZIP_HOSTILE = (type: string) => [
  { kind: 'zip-truncated', type, body: () => Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000garbage') },
  { kind: 'zip-path-traversal', type, body: () => Buffer.from(zipSync({ '../../../../tmp/evil.xml': Buffer.from('<x/>'), 'imsmanifest.xml': Buffer.from('<manifest/>') })) },
  { kind: 'zip-absolute-path', type, body: () => Buffer.from(zipSync({ '/etc/passwd': Buffer.from('root') })) },
  { kind: 'zip-junk-manifest', type, body: () => Buffer.from(zipSync({ 'imsmanifest.xml': randomBytes(1024, seeded(3)) })) },
  { kind: 'zip-1000-entries', type, body: () => Buffer.from(zipSync(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`item-${i}.xml`, Buffer.from('<x/>')])))) },
  { kind: 'zip-nested', type, body: () => Buffer.from(zipSync({ 'inner.zip': zipSync({ 'a.xml': Buffer.from('<x/>') }) })) },
  { kind: 'zip-empty', type, body: () => Buffer.from(zipSync({})) },
]

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
const MiB = 1024 * 1024

export const RAW_UPLOADS: Record<string, RawUpload> = {
  'POST /api/v1/sessions/{id}/cohort': {
    types: ['text/csv'], limit: 6 * MiB,
    valid: () => Buffer.from('name,email,modules\nHostile Row,hostile-row@example.com,MM\n'),
    hostile: () => [...CSV_HOSTILE('text/csv'), ...GENERIC_BINARY('text/csv', 6 * MiB)],
  },
  'POST /api/v1/registry/verify.csv': {
    types: ['text/csv'], limit: MiB,
    valid: () => Buffer.from('certificateNumber,name\nMT1-00000-00000-0,Nobody\n'),
    hostile: () => [...CSV_HOSTILE('text/csv'), ...GENERIC_BINARY('text/csv', MiB)],
  },
  'POST /api/v1/admin/items/import': {
    types: ['application/zip', 'application/x-zip-compressed'], limit: 50 * MiB,
    valid: () => Buffer.from(zipSync({})),
    hostile: () => [...ZIP_HOSTILE('application/zip'), ...GENERIC_BINARY('application/x-zip-compressed', 50 * MiB)],
  },
  'POST /api/v1/admin/item-figures': {
    types: ['image/svg+xml', 'image/png', 'image/jpeg', 'image/gif'], limit: 2 * MiB,
    valid: () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>'),
    hostile: () => [
      ...SVG_HOSTILE('image/svg+xml'), ...GENERIC_BINARY('image/png', 2 * MiB),
      { kind: 'magic-then-junk', type: 'image/png', body: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(512, seeded(5))]) },
      { kind: 'svg-as-jpeg', type: 'image/jpeg', body: () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>') },
    ],
  },
  'POST /api/v1/me/accommodation-requests/{id}/documents': {
    types: ['application/pdf', 'image/png', 'image/jpeg', 'application/octet-stream'], limit: 10 * MiB,
    valid: () => PDF,
    hostile: () => [
      ...GENERIC_BINARY('application/pdf', 10 * MiB), ...GENERIC_BINARY('application/octet-stream', 10 * MiB).slice(0, 2),
      { kind: 'pdf-javascript', type: 'application/pdf', body: () => Buffer.from('%PDF-1.7\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF\n') },
      { kind: 'html-as-pdf', type: 'application/pdf', body: () => Buffer.from('<html><script>alert(1)</script></html>') },
      { kind: 'svg-as-png', type: 'image/png', body: () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>') },
    ],
  },
}

// ---------------------------------------------------------------------------------------------

type PointerPart = string | number
interface Slot { pointer: PointerPart[]; schema: JsonSchema; required: boolean }

function slotsOf(schema: JsonSchema, value: unknown, pointer: PointerPart[] = [], depth = 0): Slot[] {
  const s = mainBranch(schema)
  const out: Slot[] = []
  if (s.properties && depth < 3) {
    for (const [name, prop] of Object.entries(s.properties)) {
      const at = [...pointer, name]
      out.push({ pointer: at, schema: prop, required: (s.required ?? []).includes(name) })
      const inner = value && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined
      if (inner !== undefined) out.push(...slotsOf(prop, inner, at, depth + 1))
    }
  } else if (s.items && Array.isArray(value) && value.length > 0 && typesOf(mainBranch(s.items)).includes('object') && depth < 3) {
    out.push(...slotsOf(s.items, value[0], [...pointer, 0], depth + 1))
  }
  return out
}

function withAt(base: unknown, pointer: PointerPart[], value: unknown, remove = false): unknown {
  const copy = structuredClone(base) as Record<PointerPart, unknown>
  let node: Record<PointerPart, unknown> = copy
  for (const part of pointer.slice(0, -1)) {
    if (node[part] === undefined || node[part] === null || typeof node[part] !== 'object') node[part] = {}
    node = node[part] as Record<PointerPart, unknown>
  }
  const last = pointer[pointer.length - 1]!
  if (remove) delete node[last]
  else node[last] = value
  return copy
}

const preview = (value: unknown): string => {
  const text = typeof value === 'string' ? JSON.stringify(value) : Buffer.isBuffer(value) ? `<${value.length} bytes>` : serialize(value)
  return text.length > 90 ? `${text.slice(0, 60)}… (${text.length} chars)` : text
}

const encodePath = (value: string): string => {
  try {
    return encodeURIComponent(value)
  } catch {
    return 'x'
  }
}

const ALL_METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
export const JSON_BODY_LIMIT = MiB

/** Every hostile case for one operation. `methodsOfPath` lists the methods the document has for its path. */
export function casesFor(op: Operation, known: Known, methodsOfPath: Method[]): Case[] {
  const cases: Case[] = []
  const upload = RAW_UPLOADS[op.key]
  const paramBaseline = (p: Parameter) => {
    const v = known.value(p.name, op.path) ?? baseline(p.schema, p.name, op.path, known)
    return String(v)
  }
  const pathParams = op.parameters.filter((p) => p.in === 'path')
  const queryParams = op.parameters.filter((p) => p.in === 'query')
  const headerParams = op.parameters.filter((p) => p.in === 'header')
  const basePath: Record<string, string> = Object.fromEntries(pathParams.map((p) => [p.name, encodePath(paramBaseline(p))]))
  const baseQuery: [string, string][] = queryParams.filter((p) => p.required).map((p) => [p.name, encodeURIComponent(paramBaseline(p))])
  const baseHeaders: Record<string, string> = Object.fromEntries(headerParams.map((p) => [p.name, paramBaseline(p)]))
  const baseBody = op.body ? baseline(op.body, 'body', op.path, known) : undefined

  const urlOf = (path: Record<string, string> = basePath, query: [string, string][] = baseQuery) => {
    const filled = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => path[name] ?? 'x')
    return query.length ? `${filled}?${query.map(([k, v]) => `${k}=${v}`).join('&')}` : filled
  }
  const baseRequest = (): RequestSpec => {
    const spec: RequestSpec = { method: op.method, url: urlOf(), headers: { ...baseHeaders }, auth: 'role' }
    if (upload) {
      spec.payload = upload.valid()
      spec.headers['content-type'] = upload.types[0]!
    } else if (baseBody !== undefined) {
      spec.payload = serialize(baseBody)
      spec.headers['content-type'] = 'application/json'
    }
    return spec
  }
  const add = (slot: string, kind: string, input: string, build: () => RequestSpec) => cases.push({ op, slot, kind, input, build })

  add('baseline', 'baseline', 'a valid request', baseRequest)

  // Path parameters, one at a time.
  for (const p of pathParams) {
    for (const v of PATH_VALUES) add(`path.${p.name}`, v.kind, preview(v.encoded), () => ({ ...baseRequest(), url: urlOf({ ...basePath, [p.name]: v.encoded }) }))
    // A real id of another kind of thing (a session id where an attempt id is expected, …).
    add(`path.${p.name}`, 'id-of-other-kind', 'another fixture id', () => ({ ...baseRequest(), url: urlOf({ ...basePath, [p.name]: encodePath(known.value('id', '/api/v1/admin/users/{id}') ?? 'x') }) }))
    add(`path.${p.name}`, 'case-changed', 'the real value in other case', () => ({ ...baseRequest(), url: urlOf({ ...basePath, [p.name]: swapCase(basePath[p.name]!) }) }))
  }

  // Query parameters, one at a time, then the query string as a whole.
  for (const p of queryParams) {
    const others = baseQuery.filter(([k]) => k !== p.name)
    for (const v of queryValues(p.schema)) add(`query.${p.name}`, v.kind, preview(v.encoded), () => ({ ...baseRequest(), url: urlOf(basePath, [...others, [p.name, v.encoded]]) }))
    add(`query.${p.name}`, 'repeated-param', 'given twice', () => ({ ...baseRequest(), url: urlOf(basePath, [...others, [p.name, encodeURIComponent(paramBaseline(p))], [p.name, '2']]) }))
    add(`query.${p.name}`, 'bracket-param', `${p.name}[$ne]=`, () => ({ ...baseRequest(), url: urlOf(basePath, [...others, [`${p.name}[$ne]`, '1'], [`${p.name}[]`, 'x']]) }))
  }
  add('query', 'unknown-param', '?hostile=1', () => ({ ...baseRequest(), url: urlOf(basePath, [...baseQuery, ['hostile', '1']]) }))
  add('query', 'proto-param', '?__proto__[isAdmin]=1&constructor[prototype][x]=1', () => ({ ...baseRequest(), url: urlOf(basePath, [...baseQuery, ['__proto__[isAdmin]', '1'], ['__proto__', '1'], ['constructor[prototype][x]', '1']]) }))
  add('query', 'param-flood-5000', '5000 parameters', () => ({ ...baseRequest(), url: urlOf(basePath, [...baseQuery, ...Array.from({ length: 5000 }, (_, i): [string, string] => [`p${i}`, '1'])]) }))
  add('query', 'malformed-query', '?&&==&%', () => ({ ...baseRequest(), url: `${urlOf()}${baseQuery.length ? '&' : '?'}&&==&%&a=%ZZ` }))

  // Header parameters (the attempt device id).
  for (const p of headerParams) {
    for (const v of HEADER_VALUES) add(`header.${p.name}`, v.kind, preview(v.value), () => ({ ...baseRequest(), headers: { ...baseRequest().headers, [p.name]: v.value as string } }))
    add(`header.${p.name}`, 'missing', 'absent', () => {
      const spec = baseRequest()
      delete spec.headers[p.name]
      return spec
    })
  }

  // Body fields, one at a time.
  if (op.body && baseBody !== undefined) {
    const jsonBody = (value: unknown): RequestSpec => ({ ...baseRequest(), payload: serialize(value), headers: { ...baseRequest().headers, 'content-type': 'application/json' } })
    for (const slot of slotsOf(op.body, baseBody)) {
      const name = `body.${slot.pointer.join('.')}`
      const current = slot.pointer.reduce<unknown>((node, part) => (node as Record<PointerPart, unknown> | undefined)?.[part], baseBody)
      if (slot.required) add(name, 'missing-required', 'absent', () => jsonBody(withAt(baseBody, slot.pointer, undefined, true)))
      for (const h of hostileFor(slot.schema, current ?? baseline(slot.schema, String(slot.pointer.at(-1)), op.path, known))) {
        add(name, h.kind, preview(h.value), () => jsonBody(withAt(baseBody, slot.pointer, h.value)))
      }
      // Duplicate key: the first copy valid, the second hostile (parsers disagree on which wins).
      if (slot.pointer.length === 1 && baseBody && typeof baseBody === 'object' && !Array.isArray(baseBody)) {
        const key = String(slot.pointer[0])
        add(name, 'duplicate-key', `${key} twice, second a NoSQL operator`, () => jsonBody(entries(...Object.entries(baseBody), [key, { $ne: null }])))
      }
    }
    // The body as a whole.
    const wholeBodies: [string, string, () => unknown][] = [
      ['missing-all', '{}', () => ({})],
      ['extra-field', '+ "extra": 1', () => ({ ...(baseBody as object), extra: 1 })],
      ['extra-field-role', '+ "roles": ["program_staff"], "userId"', () => ({ ...(baseBody as object), roles: ['program_staff'], isAdmin: true })],
      ['prototype-pollution', '+ "__proto__": {…}', () => entries(...Object.entries(baseBody as object), ['__proto__', { isAdmin: true, roles: ['program_staff'] }])],
      ['prototype-pollution', '+ "constructor": {"prototype": …}', () => entries(...Object.entries(baseBody as object), ['constructor', { prototype: { isAdmin: true } }])],
      ['wrong-type-null', 'null', () => null],
      ['wrong-type-array', '[baseline]', () => [baseBody]],
      ['wrong-type-string', '"string"', () => 'string'],
      ['wrong-type-number', '42', () => 42],
      ['wide-object-10k', '10k extra keys', () => ({ ...(baseBody as object), ...Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])) })],
    ]
    for (const [kind, input, make] of wholeBodies) add('body', kind, input, () => jsonBody(make()))
  }

  // Raw bodies: malformed JSON, wrong content types, oversized and deep, on every write.
  if (WRITES.has(op.method) && !upload) {
    const rawBody = (payload: string | Buffer, type: string | undefined): RequestSpec => {
      const spec = baseRequest()
      spec.payload = payload
      if (type === undefined) delete spec.headers['content-type']
      else spec.headers['content-type'] = type
      return spec
    }
    const raws: [string, string, () => RequestSpec][] = [
      ['malformed-json', '{"a":', () => rawBody('{"a":', 'application/json')],
      ['malformed-json', "{'single': 'quotes'}", () => rawBody("{'single': 'quotes'}", 'application/json')],
      ['malformed-json', 'NaN', () => rawBody('NaN', 'application/json')],
      ['empty-body', '(empty, JSON content type)', () => rawBody('', 'application/json')],
      ['invalid-utf8', '{"a":"\\xff\\xfe"}', () => rawBody(Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe, 0xc0]), Buffer.from('"}')]), 'application/json')],
      ['bom', 'UTF-8 BOM before the JSON', () => rawBody(`\uFEFF${serialize(baseBody ?? {})}`, 'application/json')],
      ['deep-nesting-10k', '{"a":{"a":… 10k deep', () => rawBody(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`, 'application/json')],
      ['deep-nesting-100k', '[[[… 100k deep', () => rawBody(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'application/json')],
      ['over-body-limit', `JSON of ${JSON_BODY_LIMIT + 1} bytes`, () => rawBody(`{"x":"${'x'.repeat(JSON_BODY_LIMIT)}"}`, 'application/json')],
      ['content-type-text', 'text/plain', () => rawBody(serialize(baseBody ?? {}), 'text/plain')],
      ['content-type-form', 'application/x-www-form-urlencoded', () => rawBody('a=1&__proto__[isAdmin]=1', 'application/x-www-form-urlencoded')],
      ['content-type-multipart', 'multipart/form-data', () => rawBody('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n', 'multipart/form-data; boundary=x')],
      ['content-type-charset', 'application/json; charset=utf-16', () => rawBody(serialize(baseBody ?? {}), 'application/json; charset=utf-16')],
      ['content-type-missing', 'no content type', () => rawBody(serialize(baseBody ?? {}), undefined)],
      ['content-type-xml', 'application/xml', () => rawBody('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>', 'application/xml')],
    ]
    if (!op.body) raws.push(['unexpected-body', '{"__proto__":…} where no body is expected', () => rawBody(serialize(entries(['__proto__', { isAdmin: true }], ['a', 1])), 'application/json')])
    for (const [kind, input, build] of raws) add('body', kind, input, build)
  }

  // Non-JSON uploads: hostile files of each accepted type.
  if (upload) {
    for (const h of upload.hostile()) {
      add('body', h.kind, `${h.type}: ${h.kind}`, () => ({ ...baseRequest(), payload: h.body(), headers: { ...baseRequest().headers, 'content-type': h.type } }))
    }
    add('body', 'content-type-json', 'application/json instead of a file', () => ({ ...baseRequest(), payload: '{"a":1}', headers: { ...baseRequest().headers, 'content-type': 'application/json' } }))
    add('body', 'content-type-spoofed', `${upload.types[0]} with charset and junk parameters`, () => ({ ...baseRequest(), headers: { ...baseRequest().headers, 'content-type': `${upload.types[0]}; charset=";\\"; boundary=${'x'.repeat(1000)}` } }))
  }

  // Credentials.
  add('auth', 'bearer-garbage', "Authorization: Bearer ' OR 1=1 --", () => ({ ...baseRequest(), auth: 'bearer-garbage' }))
  add('auth', 'bearer-huge', 'Authorization: Bearer <8k chars>', () => ({ ...baseRequest(), auth: 'bearer-huge' }))
  add('auth', 'cookie-garbage', 'mt1_session=../../etc/passwd', () => ({ ...baseRequest(), auth: 'cookie-garbage' }))
  if (WRITES.has(op.method)) {
    add('auth', 'csrf-missing', 'cookie session without X-CSRF-Token', () => ({ ...baseRequest(), auth: 'csrf-missing' }))
    add('auth', 'csrf-wrong', "X-CSRF-Token: ' OR 1=1", () => ({ ...baseRequest(), auth: 'csrf-wrong' }))
  }

  // A method the path does not have.
  const other = ALL_METHODS.find((m) => !methodsOfPath.includes(m))
  if (other) add('method', 'unsupported-method', other, () => ({ ...baseRequest(), method: other }))

  return cases
}

function swapCase(text: string): string {
  return text.replace(/[a-zA-Z]/g, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()))
}

export { raw }
