// Invitation links to a private (onsite) session: made by its organisers, read by the candidate who
// opens one. The token travels in request bodies, never in an API path, so it stays out of access logs.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Id, Strict } from '../../../common/schemas/common.js'
import { errorResponses, publicRateLimit, typed } from '../../http.js'

/** An invitation token: 256 random bits in base64url (43 characters). */
export const InviteToken = Type.String({ minLength: 43, maxLength: 43, pattern: '^[A-Za-z0-9_-]{43}$' })

const Invitation = Type.Object({ id: Type.String(), sessionId: Type.String(), token: Type.String(), url: Type.String(), expiresAt: Type.String() })
const InvitedSession = Type.Object({
  sessionId: Type.String(), centerId: Type.String(), centerName: Type.String(), city: Type.String(), state: Type.String(), startsAt: Type.String(), endsAt: Type.String(),
  seatsAvailable: Type.Integer(), modules: Type.Array(Type.String()), status: Type.String(), expiresAt: Type.String(),
})

export default async function invitationsRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Sessions']

  r.post('/api/v1/sessions/:id/invitations', {
    schema: {
      tags, summary: "An invitation link to an onsite company event (its employer, its center's administrators, program staff); the token is shown once",
      params: Type.Object({ id: Id }),
      body: Type.Object({ expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })) }, Strict),
      response: { 201: Invitation, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.invitations.create(request.actor, request.params.id, request.body)))

  r.post('/api/v1/invitations/lookup', {
    config: { rateLimit: publicRateLimit(app) },
    schema: {
      tags, summary: 'The session an invitation link opens (anyone holding the link); 404 when the link is unknown or expired',
      body: Type.Object({ token: InviteToken }, Strict),
      response: { 200: InvitedSession, ...errorResponses(400, 404, 429) },
    },
  }, async (request) => app.services.invitations.lookup(request.body.token))
}
