// Employers as organisations (issue 14, item 2): members sponsor people by email (exam vouchers,
// course and Learning Lab seats) and see the sponsored candidates; a candidate sees who sponsors them
// and grants or withdraws consent to share their results.
import type { FastifyInstance } from 'fastify'
import {
  ConsentIdParams, ConsentView, GrantConsentBody, MySponsorList, OrganisationIdParams, SponsorVoucherBody, SponsoredCandidateList, SponsorshipView,
} from '../../../common/schemas/organisations.js'
import { SponsorBody, SponsorshipReceipt } from '../../../common/schemas/training.js'
import { errorResponses, typed } from '../../http.js'

export default async function sponsorshipsRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Organisations']
  const s = () => app.services.organisationSponsorships

  r.post('/api/v1/organisations/:id/sponsorships/seats', {
    schema: {
      tags, summary: "Sponsor seats in a course or a module's Learning Lab for people by email, as the employer organisation (its members)",
      params: OrganisationIdParams, body: SponsorBody, response: { 201: SponsorshipReceipt, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await s().sponsorSeats(request.actor, request.params.id, request.body)))

  r.post('/api/v1/organisations/:id/sponsorships/vouchers', {
    schema: {
      tags, summary: 'Assign an exam voucher (a code of a batch one of the members bought) to a person by email, who is sent the code (its members)',
      params: OrganisationIdParams, body: SponsorVoucherBody, response: { 201: SponsorshipView, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await s().sponsorVoucher(request.actor, request.params.id, request.body)))

  r.get('/api/v1/organisations/:id/sponsored-candidates', {
    schema: {
      tags, summary: "The people the organisation sponsored, with their sponsorships; their results and certificates only while their consent stands (its members, staff)",
      params: OrganisationIdParams, response: { 200: SponsoredCandidateList, ...errorResponses(400, 401, 404, 422) },
    },
  }, async (request) => s().sponsoredCandidates(request.actor, request.params.id))

  r.get('/api/v1/me/sponsors', {
    schema: { tags, summary: 'The organisations that sponsor me, what each sponsored, and whether I share my results with each', response: { 200: MySponsorList, ...errorResponses(401) } },
  }, async (request) => s().mySponsors(request.actor))

  r.post('/api/v1/me/consents', {
    schema: {
      tags, summary: 'Share my results and certificates with an organisation that sponsors me (recorded, revocable)',
      body: GrantConsentBody, response: { 201: ConsentView, ...errorResponses(400, 401, 404) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.consents.grant(request.actor, request.body)))

  r.post('/api/v1/me/consents/:id/withdraw', {
    schema: {
      tags, summary: 'Stop sharing my results with the organisation: it sees "not shared" from now on',
      params: ConsentIdParams, response: { 200: ConsentView, ...errorResponses(400, 401, 404, 409) },
    },
  }, async (request) => app.services.consents.withdraw(request.actor, request.params.id))
}
