// The Learning Lab's lessons: the public catalogue and figures, and, for signed-in accounts, a
// lesson to read (recorded as `experienced`) and its completion (recorded once as `completed`).
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { LearningCatalogueView, LessonCompletionView, LessonFigureParams, LessonParams, LessonView } from '../../../common/schemas/learning.js'
import { notFound } from '../../errors.js'
import { Binary, errorResponses, typed } from '../../http.js'

/**
 * A figure is program content that changes only with a release: browsers and proxies keep it a week,
 * then revalidate by its ETag (not `immutable`: unlike item assets, its URL is its name, not its hash).
 */
const FIGURE_CACHE = 'public, max-age=604800'
/** An SVG opened on its own must not run anything or fetch anything; inline styles are its own. */
const FIGURE_CSP = "default-src 'none'; style-src 'unsafe-inline'"

export default async function lessonsRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Learning Lab']

  r.get('/api/v1/learning/skills', {
    config: { tokenScope: 'any' },
    schema: {
      tags, summary: 'The Learning Lab: the three modules, their skills and each skill\'s lessons (public)',
      description: 'For a signed-in caller every lesson also says whether they marked it finished (`completed`).',
      response: { 200: LearningCatalogueView, ...errorResponses(401, 403) },
    },
  }, async (request) => app.services.lessons.catalogue(request.actor))

  r.get('/api/v1/learning/lessons/:id', {
    schema: {
      tags, summary: 'A lesson to read, with its sections, read-aloud text and neighbours (signed-in accounts)',
      description: 'Each read is recorded as an xAPI `experienced` statement of the lesson (parent: its skill).',
      params: LessonParams,
      response: { 200: LessonView, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => app.services.lessons.read(request.actor, request.params.id, { record: request.method === 'GET' }))

  r.post('/api/v1/learning/lessons/:id/completion', {
    schema: {
      tags, summary: 'Mark a lesson finished (recorded once as an xAPI `completed` statement)',
      description: 'Answers 201 when the completion is recorded now, 200 with `alreadyCompleted: true` when it was recorded before (nothing new is stored).',
      params: LessonParams,
      response: { 200: LessonCompletionView, 201: LessonCompletionView, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const done = await app.services.lessons.complete(request.actor, request.params.id)
    return reply.status(done.alreadyCompleted ? 200 : 201).send(done)
  })

  r.get('/api/v1/learning/figures/:skill/:name', {
    config: { tokenScope: 'any' },
    schema: {
      tags, summary: 'A figure of a lesson (SVG, public)',
      description: 'Anything that is not a figure file of a lesson of that skill (another extension, a path) answers 404.',
      params: LessonFigureParams,
      produces: ['image/svg+xml'],
      response: { 200: Binary, 304: Type.Null({ description: 'Not modified: the copy named by If-None-Match is current.' }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const file = app.services.lessons.figureFile(request.params.skill, request.params.name)
    if (!file) throw notFound('The figure')
    const bytes = await fs.readFile(file)
    const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`
    reply.header('cache-control', FIGURE_CACHE)
    reply.header('etag', etag)
    if (request.headers['if-none-match'] === etag) return reply.status(304).send(null)
    reply.header('content-security-policy', FIGURE_CSP)
    reply.header('x-content-type-options', 'nosniff')
    return reply.type('image/svg+xml').send(bytes)
  })
}
