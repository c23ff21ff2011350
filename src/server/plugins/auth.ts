// Who is calling: a staff-issued API token (Authorization: Bearer) or a browser session cookie.
// Cookie-authenticated writes must echo the session's CSRF token in X-CSRF-Token. A token must be
// unexpired (401 otherwise) and its scopes must cover the route (403 otherwise; see token-scopes.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { AppError } from '../errors.js'
import type { Actor } from '../modules/accounts/actor.js'
import type { AuthenticatedActor } from '../modules/accounts/auth.service.js'
import { routeTokenScope, tokenMayCall } from '../modules/accounts/token-scopes.js'

export const SESSION_COOKIE = 'mt1_session'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** Writes that do not act on an existing session's authority (they create one, or need none). */
const CSRF_EXEMPT = new Set(['/api/v1/auth/login', '/api/v1/auth/register', '/api/v1/auth/password-reset', '/api/v1/auth/password-reset/confirm'])

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null
    /** The raw session token from the cookie, when the request came with one. */
    sessionToken: string | undefined
  }
}

export default fp(async function authPlugin(app: FastifyInstance) {
  app.decorateRequest('actor', null)
  app.decorateRequest('sessionToken', undefined)

  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/')) return
    const authorization = request.headers.authorization
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization)
      const actor = match ? await app.services.apiTokens.authenticate(match[1]!) : undefined
      if (actor === 'expired') throw new AppError('UNAUTHENTICATED', 'The API token has expired. Ask program staff for a new one.')
      if (!actor) throw new AppError('UNAUTHENTICATED', 'The API token is invalid or revoked.')
      // Checked before the body is read or the route runs, so a refused request does nothing.
      const needed = routeTokenScope(request.method, request.routeOptions.url, request.routeOptions.config.tokenScope)
      if (!tokenMayCall(actor.scopes ?? [], needed)) {
        throw new AppError('FORBIDDEN', `This API token's scopes do not cover this request; it needs the ${needed} scope.`, { requiredScope: needed })
      }
      request.actor = actor
      return
    }
    const token = request.cookies[SESSION_COOKIE]
    if (!token) return
    request.sessionToken = token
    const actor = await app.services.auth.authenticateSession(token)
    if (!actor) return
    request.actor = actor
    if (!SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(request.routeOptions.url ?? '')) {
      app.services.auth.checkCsrf(actor, headerValue(request.headers['x-csrf-token']))
    }
  })
})

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.config.secureCookies,
  })
}

export function clearSessionCookie(app: FastifyInstance, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: app.config.secureCookies })
}

export const csrfOf = (actor: Actor | null): string | undefined => (actor as AuthenticatedActor | null)?.csrfToken
