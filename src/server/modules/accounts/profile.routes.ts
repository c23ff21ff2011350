// The candidate's own profile: NCRC level and number, home state.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { errorResponses, typed } from '../../http.js'

const nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()])
const Profile = Type.Object({
  ncrcLevel: nullable(Type.String()), ncrcNumber: nullable(Type.String()), state: nullable(Type.String()),
  ncrcAdvice: nullable(Type.String()), ncrcLevels: Type.Array(Type.String()),
})

export default async function profileRoutes(app: FastifyInstance) {
  const r = typed(app)
  r.get('/api/v1/me/profile', {
    schema: { tags: ['Accounts'], summary: 'My profile and the NCRC advice', response: { 200: Profile, ...errorResponses(401) } },
  }, async (request) => app.services.profiles.get(request.actor))

  r.put('/api/v1/me/profile', {
    schema: {
      tags: ['Accounts'], summary: 'Record my NCRC and state',
      body: Type.Object({
        ncrcLevel: Type.Optional(nullable(Type.String({ maxLength: 20 }))),
        ncrcNumber: Type.Optional(nullable(Type.String({ maxLength: 40, pattern: '^[A-Za-z0-9-]+$' }))),
        state: Type.Optional(nullable(Type.String({ pattern: '^[A-Za-z]{2}$' }))),
      }, { additionalProperties: false }),
      response: { 200: Profile, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => app.services.profiles.update(request.actor, request.body))
}
