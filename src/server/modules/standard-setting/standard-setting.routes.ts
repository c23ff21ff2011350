// Modified-Angoff standard setting (issue 15, item 4): staff run studies; panelists rate in the open round.
import type { FastifyInstance } from 'fastify'
import {
  AddPanelistBody, CreateStudyBody, DecisionBody, MyStudyList, RatingBody, RatingParams, RatingView, RatingWorkspaceView, StudyIdParams, StudyList, StudyView,
} from '../../../common/schemas/standard-setting.js'
import { fieldError } from '../../field-errors.js'
import { errorResponses, typed } from '../../http.js'

export default async function standardSettingRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Standard setting']
  const s = () => app.services.standardSetting
  const base = '/api/v1/standard-setting/studies'

  r.get(base, {
    schema: { tags, summary: 'Standard-setting studies, latest meeting first (staff)', response: { 200: StudyList, ...errorResponses(401, 403) } },
  }, async (request) => s().list(request.actor))

  r.post(base, {
    schema: {
      tags, summary: "Create a modified-Angoff study of a module's active operational items (all, or one form drawn by the blueprint), with its training note",
      body: CreateStudyBody, response: { 201: StudyView, ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await s().create(request.actor, request.body)))

  r.get(`${base}/:id`, {
    schema: { tags, summary: 'A study: panelists and their progress, rounds with the recommended cut and SE, impact data of the last closed round, the decision', params: StudyIdParams, response: { 200: StudyView, ...errorResponses(401, 403, 404) } },
  }, async (request) => s().get(request.actor, request.params.id))

  r.post(`${base}/:id/panelists`, {
    schema: {
      tags, summary: 'Add a panelist by email before round 1 opens: an existing account, or a new one (named) invited to choose a password',
      params: StudyIdParams, body: AddPanelistBody, response: { 200: StudyView, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => s().addPanelist(request.actor, request.params.id, request.body))

  r.post(`${base}/:id/rounds/open`, {
    schema: { tags, summary: 'Open the next round (round 1 needs two panelists at least; round 2 opens after round 1 closed)', params: StudyIdParams, response: { 200: StudyView, ...errorResponses(401, 403, 404, 409, 422) } },
  }, async (request) => s().openRound(request.actor, request.params.id))

  r.post(`${base}/:id/rounds/close`, {
    schema: { tags, summary: 'Close the open round once every panelist rated every item; records the recommended cut and its SE', params: StudyIdParams, response: { 200: StudyView, ...errorResponses(401, 403, 404, 409, 422) } },
  }, async (request) => s().closeRound(request.actor, request.params.id))

  r.post(`${base}/:id/decision`, {
    schema: { tags, summary: "Record staff's decision after the last round (\"kept at 75%\"): the study is completed", params: StudyIdParams, body: DecisionBody, response: { 200: StudyView, ...errorResponses(400, 401, 403, 404, 409) } },
  }, async (request) => s().decide(request.actor, request.params.id, request.body.note))

  r.get('/api/v1/standard-setting/my-studies', {
    schema: { tags, summary: 'The studies I sit on as a panelist', response: { 200: MyStudyList, ...errorResponses(401) } },
  }, async (request) => s().mine(request.actor))

  r.get(`${base}/:id/workspace`, {
    schema: { tags, summary: "A panelist's workspace: training note, items with their keys, my ratings, impact data between rounds", params: StudyIdParams, response: { 200: RatingWorkspaceView, ...errorResponses(401, 404) } },
  }, async (request) => s().workspace(request.actor, request.params.id))

  r.put(`${base}/:id/rounds/:round/ratings/:itemId`, {
    schema: {
      tags, summary: 'Save my rating of an item in the open round: the probability (0–100) that a minimally competent candidate answers it correctly',
      params: RatingParams, body: RatingBody, response: { 200: RatingView, ...errorResponses(400, 401, 404, 409) },
    },
    // The validator coerces types (null → 0, "70" → 70): a missing or non-numeric rating must never be saved as one.
    preValidation: async (request) => {
      const rating = (request.body as { rating?: unknown } | null)?.rating
      if (typeof rating !== 'number') throw fieldError('rating', 'A rating is a whole number from 0 to 100.')
    },
  }, async (request) => s().rate(request.actor, request.params.id, request.params.round, request.params.itemId, request.body.rating))
}
