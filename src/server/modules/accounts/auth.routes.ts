// Register, log in and out, password reset, and the caller's own account.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import {
  ChangePasswordBody, LoginBody, MeView, OkView, PasswordResetBody, PasswordResetConfirmBody, RegisterBody, SessionView, UpdateMeBody, UserEnvelope,
} from '../../../common/schemas/accounts.js'
import { clientIp, errorResponses, publicRateLimit, typed } from '../../http.js'
import { clearSessionCookie, csrfOf, setSessionCookie } from '../../plugins/auth.js'

export default async function authRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Accounts']

  r.post('/api/v1/auth/register', {
    // Per address, like the other public forms (RATE_LIMIT_PUBLIC_PER_MINUTE; 0 turns it off).
    config: { rateLimit: publicRateLimit(app) },
    schema: {
      tags, summary: 'Create a candidate account and log in',
      body: RegisterBody,
      response: { 201: SessionView, ...errorResponses(400, 409, 429) },
    },
  }, async (request, reply) => {
    const { user, sessionToken, csrfToken } = await app.services.auth.register(request.body)
    setSessionCookie(app, reply, sessionToken)
    return reply.status(201).send({ user, csrfToken })
  })

  r.post('/api/v1/auth/login', {
    schema: {
      tags, summary: 'Log in with email and password',
      body: LoginBody,
      response: { 200: SessionView, ...errorResponses(400, 401, 403, 429) },
    },
  }, async (request, reply) => {
    const { user, sessionToken, csrfToken } = await app.services.auth.login(request.body, clientIp(request))
    setSessionCookie(app, reply, sessionToken)
    return { user, csrfToken }
  })

  r.post('/api/v1/auth/logout', {
    schema: { tags, summary: 'End the browser session', response: { 204: Type.Null(), ...errorResponses(403) } },
  }, async (request, reply) => {
    await app.services.auth.logout(request.sessionToken)
    clearSessionCookie(app, reply)
    return reply.status(204).send(null)
  })

  r.post('/api/v1/auth/password-reset', {
    config: { rateLimit: publicRateLimit(app) },
    schema: {
      tags, summary: 'Email a single-use password reset link (answers 202 whether or not the account exists)',
      body: PasswordResetBody,
      response: { 202: OkView, ...errorResponses(400, 429) },
    },
  }, async (request, reply) => {
    await app.services.auth.requestPasswordReset(request.body.email)
    return reply.status(202).send({ ok: true })
  })

  r.post('/api/v1/auth/password-reset/confirm', {
    // Each try hashes a password: limited like the other public forms.
    config: { rateLimit: publicRateLimit(app) },
    schema: {
      tags, summary: 'Choose a new password with a reset link token',
      body: PasswordResetConfirmBody,
      response: { 200: OkView, ...errorResponses(400, 429) },
    },
  }, async (request) => {
    await app.services.auth.confirmPasswordReset(request.body.token, request.body.password)
    return { ok: true }
  })

  r.get('/api/v1/me', {
    schema: {
      tags, summary: 'The logged-in user',
      response: { 200: MeView, ...errorResponses(401) },
    },
  }, async (request) => {
    const user = await app.services.users.me(request.actor)
    const csrfToken = csrfOf(request.actor)
    return csrfToken ? { user, csrfToken } : { user }
  })

  r.patch('/api/v1/me', {
    schema: {
      tags, summary: 'Change my name',
      body: UpdateMeBody,
      response: { 200: UserEnvelope, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => ({ user: await app.services.users.updateProfile(request.actor, request.body) }))

  r.post('/api/v1/me/password', {
    schema: {
      tags, summary: 'Change my password (ends my other sessions and every open reset link; I am emailed)',
      body: ChangePasswordBody,
      response: { 200: OkView, ...errorResponses(400, 401, 403, 429) },
    },
  }, async (request) => {
    await app.services.auth.changePassword(request.actor, request.body, { sessionToken: request.sessionToken, ip: clientIp(request) })
    return { ok: true }
  })
}
