// Small helpers shared by route files: the typed router and the error responses a route declares.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { ErrorBody } from '../common/schemas/common.js'

export const typed = (app: FastifyInstance) => app.withTypeProvider<TypeBoxTypeProvider>()

/** Response schemas for the listed error statuses, all of the contract's error shape. */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorBody> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorBody]))
}

/** The client address as seen by the server (behind TRUST_PROXY=1, the forwarded one). */
export const clientIp = (request: { ip: string }): string => request.ip || 'unknown'

/**
 * Route-level rate limit for public lookups and forms: RATE_LIMIT_PUBLIC_PER_MINUTE per client
 * address a minute (0 turns it off, for load tests).
 */
export function publicRateLimit(app: FastifyInstance): { max: number; timeWindow: string } | false {
  const max = app.config.rateLimitPublicPerMinute
  return max > 0 ? { max, timeWindow: '1 minute' } : false
}

/** A binary response (a file) in the OpenAPI document. */
export const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' })
