// The candidate's own profile: NCRC level and number, home state, listing in the registry's name search.
import type { FastifyInstance } from 'fastify'
import { ProfileView, UpdateProfileBody } from '../../../common/schemas/accounts.js'
import { errorResponses, typed } from '../../http.js'

export default async function profileRoutes(app: FastifyInstance) {
  const r = typed(app)
  r.get('/api/v1/me/profile', {
    schema: { tags: ['Accounts'], summary: 'My profile and the NCRC advice', response: { 200: ProfileView, ...errorResponses(401) } },
  }, async (request) => app.services.profiles.get(request.actor))

  r.put('/api/v1/me/profile', {
    schema: {
      tags: ['Accounts'], summary: 'Record my NCRC, state and registry listing',
      body: UpdateProfileBody,
      response: { 200: ProfileView, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => app.services.profiles.update(request.actor, request.body))
}
