// Organisations (issue 14): staff create employers and colleges and invite their first owners; owners
// invite colleagues, list members and invitations, remove members and withdraw invitations; an
// invitee accepts by the emailed link; everyone lists their own organisations.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import {
  AdminOrganisationList, CreateOrganisationBody, InviteToOrganisationBody, MyOrganisationList, MyOrganisationView, OrganisationIdParams,
  OrganisationInvitationList, OrganisationInvitationOffer, OrganisationInvitationParams, OrganisationInvitationView, OrganisationMemberList,
  OrganisationMemberParams, OrganisationsQuery, OrganisationTokenBody, OrganisationView,
} from '../../../common/schemas/organisations.js'
import { errorResponses, typed } from '../../http.js'

export default async function organisationsRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Organisations']
  const o = () => app.services.organisations

  r.post('/api/v1/admin/organisations', {
    schema: {
      tags, summary: 'Create an employer or college organisation (staff), inviting its first owner by email when given',
      body: CreateOrganisationBody, response: { 201: OrganisationView, ...errorResponses(400, 401, 403, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await o().create(request.actor, request.body)))

  r.get('/api/v1/admin/organisations', {
    schema: {
      tags, summary: 'Every organisation (staff), of one kind when asked, with its members and waiting invitations',
      querystring: OrganisationsQuery, response: { 200: AdminOrganisationList, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => o().list(request.actor, request.query.kind))

  r.post('/api/v1/admin/organisations/:id/invitations', {
    schema: {
      tags, summary: "Invite someone to an organisation by email (staff): its first owner, or anyone with a role",
      params: OrganisationIdParams, body: InviteToOrganisationBody, response: { 201: OrganisationInvitationView, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await o().invitations.staffInvite(request.actor, request.params.id, request.body)))

  r.get('/api/v1/me/organisations', {
    schema: { tags, summary: 'The organisations I belong to, with my role in each', response: { 200: MyOrganisationList, ...errorResponses(401) } },
  }, async (request) => o().mine(request.actor))

  r.get('/api/v1/organisations/:id', {
    schema: { tags, summary: 'An organisation (its members, staff)', params: OrganisationIdParams, response: { 200: OrganisationView, ...errorResponses(400, 401, 404) } },
  }, async (request) => o().view(request.actor, request.params.id))

  r.get('/api/v1/organisations/:id/members', {
    schema: { tags, summary: "An organisation's members, owners first (its members, staff)", params: OrganisationIdParams, response: { 200: OrganisationMemberList, ...errorResponses(400, 401, 404) } },
  }, async (request) => o().members(request.actor, request.params.id))

  r.post('/api/v1/organisations/:id/members/:userId/remove', {
    schema: {
      tags, summary: 'Remove a member (owners, staff) or leave (a member): never the last owner',
      params: OrganisationMemberParams, response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request, reply) => {
    await o().removeMember(request.actor, request.params.id, request.params.userId)
    return reply.status(204).send(null)
  })

  r.post('/api/v1/organisations/:id/invitations', {
    schema: {
      tags, summary: 'Invite a colleague by email (owners, staff): a member unless the role says owner; the link works for 14 days',
      params: OrganisationIdParams, body: InviteToOrganisationBody, response: { 201: OrganisationInvitationView, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await o().invitations.invite(request.actor, request.params.id, request.body)))

  r.get('/api/v1/organisations/:id/invitations', {
    schema: {
      tags, summary: 'Invitations not yet accepted or withdrawn, expired ones marked (owners, staff)',
      params: OrganisationIdParams, response: { 200: OrganisationInvitationList, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => o().invitations.list(request.actor, request.params.id))

  r.post('/api/v1/organisations/:id/invitations/:invitationId/withdraw', {
    schema: {
      tags, summary: 'Withdraw an invitation not yet accepted (owners, staff): its link stops working',
      params: OrganisationInvitationParams, response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    await o().invitations.withdraw(request.actor, request.params.id, request.params.invitationId)
    return reply.status(204).send(null)
  })

  r.post('/api/v1/organisations/invitations/lookup', {
    schema: {
      tags, summary: "What an organisation's invitation offers, to the account of the address it was sent to",
      body: OrganisationTokenBody, response: { 200: OrganisationInvitationOffer, ...errorResponses(400, 401, 422) },
    },
  }, async (request) => o().invitations.lookup(request.actor, request.body.token))

  r.post('/api/v1/organisations/invitations/accept', {
    schema: {
      tags, summary: 'Accept an invitation (logged in with the address it was sent to): you become a member with the role of the organisation\'s kind',
      body: OrganisationTokenBody, response: { 200: MyOrganisationView, ...errorResponses(400, 401, 409, 422) },
    },
  }, async (request) => o().invitations.accept(request.actor, request.body.token))
}
