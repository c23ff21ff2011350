// The operations of the app's own OpenAPI document (GET /api/openapi.json), in the shape the
// hostile-input generator needs: method, path template, parameters and the JSON body schema.

export interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  minLength?: number
  maxLength?: number
  pattern?: string
  format?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minItems?: number
  maxItems?: number
  uniqueItems?: boolean
  minProperties?: number
  maxProperties?: number
  default?: unknown
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  required: boolean
  schema: JsonSchema
}

export interface Operation {
  method: Method
  /** The path template as the document writes it: /api/v1/sessions/{id}. */
  path: string
  /** "POST /api/v1/sessions/{id}/cancel" */
  key: string
  parameters: Parameter[]
  /** The application/json body schema, when the operation takes one. */
  body: JsonSchema | undefined
  summary: string
}

interface OpenApiDocument {
  openapi: string
  paths: Record<string, Record<string, {
    summary?: string
    parameters?: { name: string; in: string; required?: boolean; schema: JsonSchema }[]
    requestBody?: { content?: Record<string, { schema: JsonSchema }> }
  }>>
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete'])

export function operationsOf(document: unknown): Operation[] {
  const doc = document as OpenApiDocument
  if (!doc || typeof doc.openapi !== 'string' || !doc.paths) throw new Error('not an OpenAPI document')
  const out: Operation[] = []
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(item)) {
      if (!METHODS.has(m)) continue
      const method = m.toUpperCase() as Method
      const parameters = (op.parameters ?? [])
        .filter((p) => p.in === 'path' || p.in === 'query' || p.in === 'header')
        .map((p) => ({ name: p.name, in: p.in as Parameter['in'], required: p.required === true || p.in === 'path', schema: p.schema ?? {} }))
      out.push({ method, path, key: `${method} ${path}`, parameters, body: op.requestBody?.content?.['application/json']?.schema, summary: op.summary ?? '' })
    }
  }
  return out
}

/** The types a schema allows (anyOf branches included). */
export function typesOf(schema: JsonSchema): string[] {
  if (schema.anyOf) return [...new Set(schema.anyOf.flatMap(typesOf))]
  if (schema.oneOf) return [...new Set(schema.oneOf.flatMap(typesOf))]
  if (Array.isArray(schema.type)) return schema.type
  if (schema.type) return [schema.type]
  if (schema.enum) return [...new Set(schema.enum.map((v) => (v === null ? 'null' : typeof v)))]
  return []
}

/** The first branch of an anyOf that is not null (the shape a real client sends). */
export function mainBranch(schema: JsonSchema): JsonSchema {
  const branches = schema.anyOf ?? schema.oneOf
  if (!branches) return schema
  return branches.find((b) => b.type !== 'null') ?? branches[0] ?? {}
}
