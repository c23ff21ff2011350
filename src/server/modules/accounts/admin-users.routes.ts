// Program staff manage accounts, roles and integration tokens.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import {
  ApiTokensPage, ApiTokensQuery, CreateApiTokenBody, CreatedApiTokenView, CreateUserBody, RevokedApiTokenView, UpdateUserBody, UserEnvelope, UsersPage, UsersQuery,
} from '../../../common/schemas/accounts.js'
import { Id } from '../../../common/schemas/common.js'
import { errorResponses, typed } from '../../http.js'
import { TOKEN_MAX_DAYS } from './token-scopes.js'

export default async function adminUsersRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Administration']

  r.get('/api/v1/admin/users', {
    schema: {
      tags, summary: 'Find users',
      querystring: UsersQuery,
      response: { 200: UsersPage, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => app.services.users.list(request.actor, { ...request.query, limit: request.query.limit ?? 50 }))

  r.post('/api/v1/admin/users', {
    schema: {
      tags, summary: 'Create an account; the person is emailed a link to choose a password',
      body: CreateUserBody,
      response: { 201: UserEnvelope, ...errorResponses(400, 401, 403, 409) },
    },
  }, async (request, reply) => reply.status(201).send({ user: await app.services.users.create(request.actor, request.body) }))

  r.get('/api/v1/admin/users/:id', {
    schema: { tags, summary: 'One user', params: Type.Object({ id: Id }), response: { 200: UserEnvelope, ...errorResponses(400, 401, 403, 404) } },
  }, async (request) => ({ user: await app.services.users.get(request.actor, request.params.id) }))

  r.patch('/api/v1/admin/users/:id', {
    schema: {
      tags, summary: "Change a user's roles or disable/enable the account",
      params: Type.Object({ id: Id }),
      body: UpdateUserBody,
      response: { 200: UserEnvelope, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request) => ({ user: await app.services.users.update(request.actor, request.params.id, request.body) }))

  r.get('/api/v1/admin/api-tokens', {
    schema: { tags, summary: 'Integration tokens', querystring: ApiTokensQuery, response: { 200: ApiTokensPage, ...errorResponses(400, 401, 403) } },
  }, async (request) => app.services.apiTokens.list(request.actor, { ...request.query, limit: request.query.limit ?? 50 }))

  r.post('/api/v1/admin/api-tokens', {
    schema: {
      tags, summary: 'Issue a token acting as the given user within its scopes until it expires (shown once)',
      description: `Scopes: registry:verify (bulk verification), registrations (sessions, registrations, cohorts, rosters), results (results, credentials, registry export), admin (everything the user may do). A token used outside its scopes gets 403; an expired one 401. It expires within ${TOKEN_MAX_DAYS} days.`,
      body: CreateApiTokenBody,
      response: {
        201: CreatedApiTokenView,
        ...errorResponses(400, 401, 403, 404, 422),
      },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.apiTokens.create(request.actor, request.body)))

  r.post('/api/v1/admin/api-tokens/:id/revoke', {
    schema: {
      tags, summary: 'Revoke a token', params: Type.Object({ id: Id }),
      response: { 200: RevokedApiTokenView, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => app.services.apiTokens.revoke(request.actor, request.params.id))
}
