// Program staff manage accounts, roles and integration tokens.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Email, Id, PageOf, PageQuery, PageQueryWith, PersonName, RoleSchema, Strict, StringEnum, UserSchema } from '../../../common/schemas/common.js'
import { errorResponses, typed } from '../../http.js'
import { TOKEN_MAX_DAYS, TOKEN_SCOPES } from './token-scopes.js'

const Scope = StringEnum(TOKEN_SCOPES)
const ApiToken = Type.Object({
  id: Type.String(), name: Type.String(), userId: Type.String(), userEmail: Type.String(),
  createdAt: Type.String(), lastUsedAt: Type.Union([Type.String(), Type.Null()]), revokedAt: Type.Union([Type.String(), Type.Null()]),
  scopes: Type.Array(Scope), expiresAt: Type.Union([Type.String(), Type.Null()]),
})

export default async function adminUsersRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Administration']

  r.get('/api/v1/admin/users', {
    schema: {
      tags, summary: 'Find users',
      querystring: PageQueryWith({ q: Type.Optional(Type.String({ maxLength: 100 })), role: Type.Optional(RoleSchema) }),
      response: { 200: PageOf(UserSchema), ...errorResponses(400, 401, 403) },
    },
  }, async (request) => app.services.users.list(request.actor, { ...request.query, limit: request.query.limit ?? 50 }))

  r.post('/api/v1/admin/users', {
    schema: {
      tags, summary: 'Create an account; the person is emailed a link to choose a password',
      body: Type.Object({ email: Email, firstName: PersonName, lastName: PersonName, roles: Type.Array(RoleSchema, { minItems: 1, maxItems: 6 }) }, Strict),
      response: { 201: Type.Object({ user: UserSchema }), ...errorResponses(400, 401, 403, 409) },
    },
  }, async (request, reply) => reply.status(201).send({ user: await app.services.users.create(request.actor, request.body) }))

  r.get('/api/v1/admin/users/:id', {
    schema: { tags, summary: 'One user', params: Type.Object({ id: Id }), response: { 200: Type.Object({ user: UserSchema }), ...errorResponses(400, 401, 403, 404) } },
  }, async (request) => ({ user: await app.services.users.get(request.actor, request.params.id) }))

  r.patch('/api/v1/admin/users/:id', {
    schema: {
      tags, summary: "Change a user's roles or disable/enable the account",
      params: Type.Object({ id: Id }),
      body: Type.Object({
        roles: Type.Optional(Type.Array(RoleSchema, { maxItems: 6 })),
        status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
      }, { ...Strict, minProperties: 1 }),
      response: { 200: Type.Object({ user: UserSchema }), ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request) => ({ user: await app.services.users.update(request.actor, request.params.id, request.body) }))

  r.get('/api/v1/admin/api-tokens', {
    schema: { tags, summary: 'Integration tokens', querystring: PageQuery, response: { 200: PageOf(ApiToken), ...errorResponses(400, 401, 403) } },
  }, async (request) => app.services.apiTokens.list(request.actor, { ...request.query, limit: request.query.limit ?? 50 }))

  r.post('/api/v1/admin/api-tokens', {
    schema: {
      tags, summary: 'Issue a token acting as the given user within its scopes until it expires (shown once)',
      description: `Scopes: registry:verify (bulk verification), registrations (sessions, registrations, cohorts, rosters), results (results, credentials, registry export), admin (everything the user may do). A token used outside its scopes gets 403; an expired one 401. It expires within ${TOKEN_MAX_DAYS} days.`,
      body: Type.Object({
        name: Type.String({ minLength: 1, maxLength: 100 }), userId: Id,
        scopes: Type.Array(Scope, { minItems: 1, maxItems: TOKEN_SCOPES.length, uniqueItems: true }),
        expiresInDays: Type.Integer({ minimum: 1, maximum: TOKEN_MAX_DAYS }),
      }, Strict),
      response: {
        201: Type.Object({ id: Type.String(), name: Type.String(), userId: Type.String(), scopes: Type.Array(Scope), expiresAt: Type.String(), token: Type.String() }),
        ...errorResponses(400, 401, 403, 404, 422),
      },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.apiTokens.create(request.actor, request.body)))

  r.post('/api/v1/admin/api-tokens/:id/revoke', {
    schema: {
      tags, summary: 'Revoke a token', params: Type.Object({ id: Id }),
      response: { 200: Type.Object({ id: Type.String(), revokedAt: Type.String() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => app.services.apiTokens.revoke(request.actor, request.params.id))
}
