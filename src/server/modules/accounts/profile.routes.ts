// The candidate's own profile: NCRC level and number, home state, listing in the registry's name search.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Nullable } from '../../../common/schemas/common.js'
import { errorResponses, typed } from '../../http.js'

const Profile = Type.Object({
  ncrcLevel: Nullable(Type.String()), ncrcNumber: Nullable(Type.String()), state: Nullable(Type.String()),
  registryListed: Type.Boolean({ description: 'Whether the public registry search may find me by name and state.' }),
  ncrcAdvice: Nullable(Type.String()), ncrcLevels: Type.Array(Type.String()),
})

export default async function profileRoutes(app: FastifyInstance) {
  const r = typed(app)
  r.get('/api/v1/me/profile', {
    schema: { tags: ['Accounts'], summary: 'My profile and the NCRC advice', response: { 200: Profile, ...errorResponses(401) } },
  }, async (request) => app.services.profiles.get(request.actor))

  r.put('/api/v1/me/profile', {
    schema: {
      tags: ['Accounts'], summary: 'Record my NCRC, state and registry listing',
      body: Type.Object({
        ncrcLevel: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
        ncrcNumber: Type.Optional(Nullable(Type.String({ maxLength: 40, pattern: '^[A-Za-z0-9-]+$' }))),
        state: Type.Optional(Nullable(Type.String({ pattern: '^[A-Za-z]{2}$' }))),
        registryListed: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false }),
      response: { 200: Profile, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => app.services.profiles.update(request.actor, request.body))
}
