// One error handler: AppError codes map to statuses; Fastify's own 4xx errors (bad JSON, schema
// validation, oversize bodies) get the contract's shape; a database that cannot serve now (gone,
// frozen, timed out, locked, disk full: see db/database-errors.ts) is a 503 DATABASE_UNAVAILABLE
// with Retry-After; anything else is a logged 500 that leaks nothing about the internals.
import type { FastifyError, FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { DATABASE_RETRY_AFTER_SECONDS, databaseFault } from '../db/database-errors.js'
import { AppError } from '../errors.js'

const codeForStatus: Record<number, string> = {
  400: 'MALFORMED_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  411: 'LENGTH_REQUIRED',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
}

function body(code: string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } }
}

function fieldOf(instancePath: string, keyword: string, params: { additionalProperty?: string; missingProperty?: string }) {
  if (keyword === 'additionalProperties' && params.additionalProperty) return { field: params.additionalProperty }
  if (keyword === 'required' && params.missingProperty) return { field: params.missingProperty.replace(/^\//, '') }
  const first = instancePath.split('/')[1]
  return first ? { field: first } : {}
}

export default fp(async function errorsPlugin(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      const retry = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds
      if (err.code === 'RATE_LIMITED' && retry) reply.header('retry-after', String(retry))
      if (err.code === 'DATABASE_UNAVAILABLE') reply.header('retry-after', String(retry ?? DATABASE_RETRY_AFTER_SECONDS))
      return reply.status(err.statusCode).send(body(err.code, err.message, err.details))
    }
    if (err.validation) {
      const details = err.validation.map((v) => ({
        path: `${err.validationContext ?? 'body'}${v.instancePath || ''}`,
        message: v.message ?? 'is invalid',
        // The field a form shows the message beside: the one named by the path, or the property that
        // is missing or not allowed (those errors point at the object that holds it).
        ...fieldOf(v.instancePath || '', v.keyword, v.params as { additionalProperty?: string; missingProperty?: string }),
      }))
      return reply.status(400).send(body('VALIDATION', 'The request is not valid. See details.', details))
    }
    const status = err.statusCode ?? 500
    if (status >= 400 && status < 500) {
      const code = codeForStatus[status] ?? 'MALFORMED_REQUEST'
      const message = status === 400 && err instanceof SyntaxError ? 'The request body is not valid JSON.' : err.message
      return reply.status(status).send(body(code, message))
    }
    const fault = databaseFault(err)
    if (fault) {
      // Not a bug: the request may succeed later. Logged without the stack; the pool guard logs the
      // outage itself once.
      request.log.warn({ fault, code: (err as { code?: unknown }).code, reason: err.message }, 'database unavailable')
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
      return reply.status(503).send(body('DATABASE_UNAVAILABLE', 'The database is unavailable at the moment. Try again shortly.', { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS }))
    }
    request.log.error({ err }, 'unhandled error')
    return reply.status(500).send(body('INTERNAL', 'Something went wrong on our side. It has been logged.'))
  })

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(body('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`))
  })
})
