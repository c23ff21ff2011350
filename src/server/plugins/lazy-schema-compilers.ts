// Route schemas compiled on a route's first use instead of at start-up.
//
// Fastify compiles every route's validators (Ajv) and response serializers (fast-json-stringify)
// when the app becomes ready: with a few hundred routes that was over a second of a start's CPU,
// spent on routes most processes never serve (issue 16: a restart should answer within a second).
// These factories wrap Fastify's own compilers, with the same options, so a validator or serializer
// behaves exactly as before; it is only built the first time a request needs it, then kept.
//
// Passing factories makes Fastify treat the validator as custom, and a custom validator's header
// schema is compiled as written instead of with its keys lowercased: header names in route schemas
// are therefore written in lowercase (as `DeviceHeaders` is), which is how Node delivers them.
import AjvCompiler from '@fastify/ajv-compiler'
import SerializerSelector from '@fastify/fast-json-stringify-compiler'
import type { FastifyServerOptions } from 'fastify'

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>
type ValidatorFactory = NonNullable<CompilersFactory['buildValidator']>
type SerializerFactory = NonNullable<CompilersFactory['buildSerializer']>

type Validate = ((data: unknown, dataCxt?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown }

/**
 * A validator that compiles on its first call. Fastify reads `errors` off the function it was given
 * after a failed call, and passes Ajv's parent-data context (so Ajv may coerce a root value) only to a
 * function with `schemaEnv`, so the wrapper carries both.
 */
function lazyValidator(compile: () => Validate): Validate {
  let compiled: Validate | undefined
  const validate: Validate = (data, dataCxt) => {
    compiled ??= compile()
    const ok = dataCxt === undefined ? compiled(data) : compiled(data, dataCxt)
    validate.errors = compiled.errors
    return ok
  }
  validate.schemaEnv = true
  return validate
}

function lazySerializer(compile: () => (data: unknown) => string): (data: unknown) => string {
  let compiled: ((data: unknown) => string) | undefined
  return (data) => (compiled ??= compile())(data)
}

export function lazySchemaCompilers(): CompilersFactory {
  const buildValidator = AjvCompiler() as unknown as ValidatorFactory
  const buildSerializer = SerializerSelector() as unknown as SerializerFactory
  return {
    buildValidator: (externalSchemas, options) => {
      const compiler = buildValidator(externalSchemas, options)
      return (route) => lazyValidator(() => compiler(route) as unknown as Validate)
    },
    buildSerializer: (externalSchemas, options) => {
      const compiler = buildSerializer(externalSchemas, options)
      return (route) => lazySerializer(() => compiler(route) as (data: unknown) => string)
    },
  } as CompilersFactory
}
