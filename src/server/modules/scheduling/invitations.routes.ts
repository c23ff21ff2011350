// Invitation links to a private (onsite) session: made by its organisers, read by the candidate who
// opens one. The token travels in request bodies, never in an API path, so it stays out of access logs.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Id } from '../../../common/schemas/common.js'
import { CreateInvitationBody, InvitationView, InvitedSessionView, InviteTokenBody } from '../../../common/schemas/scheduling.js'
import { errorResponses, publicRateLimit, typed } from '../../http.js'

export default async function invitationsRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Sessions']

  r.post('/api/v1/sessions/:id/invitations', {
    schema: {
      tags, summary: "An invitation link to an onsite company event (its employer, its center's administrators, program staff); the token is shown once",
      params: Type.Object({ id: Id }),
      body: CreateInvitationBody,
      response: { 201: InvitationView, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.invitations.create(request.actor, request.params.id, request.body)))

  r.post('/api/v1/invitations/lookup', {
    config: { rateLimit: publicRateLimit(app) },
    schema: {
      tags, summary: 'The session an invitation link opens (anyone holding the link); 404 when the link is unknown or expired',
      body: InviteTokenBody,
      response: { 200: InvitedSessionView, ...errorResponses(400, 404, 429) },
    },
  }, async (request) => app.services.invitations.lookup(request.body.token))
}
