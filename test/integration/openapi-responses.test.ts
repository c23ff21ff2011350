// The OpenAPI document describes what every route answers (issue 12, part 1): each operation has a
// success response whose schema says something (not `{}`, which is what Type.Unknown() becomes), a
// free-form value inside a response says what it holds, and the only non-JSON successes are file
// downloads described as strings. Integrations generate their clients from this document, so a
// route that answers "anything" is a hole in the published contract.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../helpers/http-client.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

type Schema = Record<string, unknown>
interface Operation { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }
interface Document { paths: Record<string, Record<string, Operation>> }

const METHODS = ['get', 'post', 'put', 'patch', 'delete']
/** Keys that only annotate a schema: a schema with nothing else accepts any value. */
const ANNOTATIONS = new Set(['description', 'title', '$id', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly'])

/** A schema that constrains nothing: `{}` or only annotations (Type.Unknown(), Type.Any()). */
function acceptsAnything(schema: Schema | undefined): boolean {
  return !schema || Object.keys(schema).every((key) => ANNOTATIONS.has(key))
}

/** Where inside a schema a value is free-form and not even described ("$.details"). */
function undescribedFreeForm(schema: unknown, at = '$'): string[] {
  if (!schema || typeof schema !== 'object') return []
  const s = schema as Schema
  if (acceptsAnything(s)) return typeof s.description === 'string' && s.description.trim() ? [] : [at]
  const found: string[] = []
  for (const [key, value] of Object.entries(s)) {
    if (key === 'properties' || key === 'patternProperties') {
      for (const [name, sub] of Object.entries(value as Record<string, unknown>)) found.push(...undescribedFreeForm(sub, `${at}.${name}`))
    } else if (key === 'items' || key === 'additionalProperties' || key === 'not') {
      found.push(...undescribedFreeForm(value, `${at}[${key}]`))
    } else if ((key === 'anyOf' || key === 'oneOf' || key === 'allOf' || key === 'prefixItems') && Array.isArray(value)) {
      value.forEach((sub, i) => found.push(...undescribedFreeForm(sub, `${at}<${key} ${i}>`)))
    }
  }
  return found
}

const isJson = (contentType: string) => /^application\/([\w.+-]+\+)?json$/.test(contentType)

function operationsOf(doc: Document) {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
  )
}

describe('the schema checks themselves', () => {
  it('call Type.Unknown() and {} free-form and a typed or described schema not', () => {
    expect(acceptsAnything({})).toBe(true)
    expect(acceptsAnything({ description: 'anything' })).toBe(true)
    expect(acceptsAnything({ type: 'object', properties: {} })).toBe(false)
    expect(acceptsAnything({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe(false)
    expect(undescribedFreeForm({ type: 'object', properties: { a: {}, b: { description: 'JSON-LD' }, c: { type: 'array', items: {} } } })).toEqual(['$.a', '$.c[items]'])
  })
})

describe.each(databases)('the OpenAPI document on %s', (kind) => {
  let t: TestApp
  let doc: Document

  beforeAll(async () => {
    t = await createTestApp(kind)
    doc = (await call(t.app, 'GET', '/api/openapi.json')).json() as Document
  })
  afterAll(async () => t?.close())

  it('lists the API, contract routes included', () => {
    const keys = operationsOf(doc).map((o) => o.key)
    expect(keys.length).toBeGreaterThan(100)
    for (const key of ['GET /api/v1/sessions', 'POST /api/v1/registrations', 'GET /api/v1/registry/{certificateNumber}', 'GET /api/v1/admin/items/{id}']) expect(keys).toContain(key)
  })

  it('gives every operation a success response', () => {
    const without = operationsOf(doc).filter(({ op }) => !Object.keys(op.responses ?? {}).some((code) => /^2\d\d$/.test(code)))
    expect(without.map((o) => o.key)).toEqual([])
  })

  it('describes every success body: JSON with a schema that is not {} or unknown, files as strings of their type', () => {
    const problems: string[] = []
    for (const { key, op } of operationsOf(doc)) {
      for (const [code, response] of Object.entries(op.responses ?? {})) {
        if (!/^2\d\d$/.test(code)) continue
        const content = Object.entries(response.content ?? {})
        // Only "No Content" may come without a body.
        if (content.length === 0) {
          if (code !== '204') problems.push(`${key} ${code}: no content described`)
          continue
        }
        for (const [type, { schema }] of content) {
          if (isJson(type)) {
            if (acceptsAnything(schema)) problems.push(`${key} ${code} ${type}: the schema accepts anything`)
            else for (const at of undescribedFreeForm(schema)) problems.push(`${key} ${code} ${type}: ${at} is free-form and undescribed`)
          } else if (schema?.type !== 'string') {
            // A download (CSV, PDF, zip): a string of its content type, which is all a client needs.
            problems.push(`${key} ${code} ${type}: a download should be described as a string, not ${JSON.stringify(schema)}`)
          }
        }
      }
    }
    expect(problems).toEqual([])
  })

  it('names the contract fields of a published response', () => {
    const sessions = doc.paths['/api/v1/sessions']!.get!.responses!['200']!.content!['application/json']!.schema as { properties: { items: { items: { properties: Record<string, unknown> } } } }
    expect(Object.keys(sessions.properties.items.items.properties)).toEqual(expect.arrayContaining(['id', 'centerId', 'startsAt', 'endsAt', 'seatsAvailable', 'modules']))
  })
})
