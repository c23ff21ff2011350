// Staff routes of the item bank (authoring, review, import/export, figures) and the figure route
// candidates' browsers load images from.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Id } from '../../../common/schemas/common.js'
import {
  ChangeItemStatusBody, CreateItemBody, FigureUploadQuery, FigureUploadView, FormPreviewBody, FormPreviewView, ImportReportView,
  ItemDetailQuery, ItemDetailView, ItemListQuery, ItemPreviewBody, ItemPreviewView, ItemSummaryPage, UpdateItemBody,
} from '../../../common/schemas/item-bank.js'
import { errorResponses, typed, Binary } from '../../http.js'
import { AppError } from '../../errors.js'
import { readZipAsync, zipFiles } from './package.js'

const MAX_PACKAGE_BYTES = 50 * 1024 * 1024
const MAX_FIGURE_BYTES = 2 * 1024 * 1024

export default async function itemBankRoutes(app: FastifyInstance) {
  const r = typed(app)
  const tags = ['Item bank']

  // Packages and figures arrive as raw bytes; the limits are per route.
  app.addContentTypeParser(['application/zip', 'application/x-zip-compressed'], { parseAs: 'buffer', bodyLimit: MAX_PACKAGE_BYTES }, (_req, body, done) => done(null, body))
  app.addContentTypeParser(['image/svg+xml', 'image/png', 'image/jpeg', 'image/gif'], { parseAs: 'buffer', bodyLimit: MAX_FIGURE_BYTES }, (_req, body, done) => done(null, body))

  r.get('/api/v1/admin/items', {
    schema: {
      tags, summary: 'Find items',
      querystring: ItemListQuery,
      response: { 200: ItemSummaryPage, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => app.services.itemBank.list(request.actor, { ...request.query, limit: request.query.limit ?? 50 }))

  r.get('/api/v1/admin/items/:id', {
    schema: {
      tags, summary: 'One item with its metadata, key and versions',
      description: 'With `attemptId`, `correctResponse` is the key of the version that attempt drew, in the identifiers its candidate sees (audited).',
      params: Type.Object({ id: Id }), querystring: ItemDetailQuery,
      response: { 200: ItemDetailView, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    const item = await app.services.itemBank.get(request.actor, request.params.id)
    if (!request.query.attemptId) return item
    // The same key, translated to the identifiers that attempt showed.
    const key = await app.services.delivery.keyAsPresented(request.actor, request.query.attemptId, request.params.id)
    return { ...item, correctResponse: key }
  })

  r.post('/api/v1/admin/items/preview', {
    schema: {
      tags, summary: 'Parse an item as it would be stored and show it as a candidate would see it',
      body: ItemPreviewBody,
      response: { 200: ItemPreviewView, ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request) => app.services.itemBank.preview(request.actor, request.body))

  r.post('/api/v1/admin/items', {
    schema: {
      tags, summary: 'Create a draft item from QTI 3.0 XML',
      body: CreateItemBody,
      response: { 201: ItemDetailView, ...errorResponses(400, 401, 403, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.itemBank.create(request.actor, request.body)))

  r.put('/api/v1/admin/items/:id', {
    schema: {
      tags, summary: 'Save a new version of an item',
      params: Type.Object({ id: Id }),
      body: UpdateItemBody,
      response: { 200: ItemDetailView, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request) => app.services.itemBank.update(request.actor, request.params.id, request.body))

  r.post('/api/v1/admin/items/:id/status', {
    schema: {
      tags, summary: 'Submit for review, approve, retire or return an item to draft',
      params: Type.Object({ id: Id }),
      body: ChangeItemStatusBody,
      response: { 200: ItemDetailView, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request) => app.services.itemBank.changeStatus(request.actor, request.params.id, request.body))

  r.post('/api/v1/admin/items/import', {
    bodyLimit: MAX_PACKAGE_BYTES,
    schema: {
      tags, summary: 'Import a QTI 3.0 content package (.zip body); new items arrive as drafts',
      consumes: ['application/zip'],
      response: { 200: ImportReportView, ...errorResponses(400, 401, 403, 413, 415) },
    },
  }, async (request) => {
    const body = request.body as Buffer | undefined
    if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('PACKAGE_INVALID', 'Send the package as the request body with Content-Type: application/zip.')
    let files
    try {
      files = await readZipAsync(body)
    } catch (err) {
      throw new AppError('PACKAGE_INVALID', `The package cannot be read: ${(err as Error).message}`)
    }
    return app.services.itemBank.importFiles(request.actor, files)
  })

  r.get('/api/v1/admin/items/export', {
    schema: { tags, summary: 'The whole bank as a QTI 3.0 content package (.zip)', produces: ['application/zip'], response: { 200: Binary, ...errorResponses(401, 403) } },
  }, async (request, reply) => {
    const files = await app.services.itemBank.exportFiles(request.actor)
    reply.header('content-disposition', `attachment; filename="mt1-item-bank-${new Date().toISOString().slice(0, 10)}.zip"`)
    return reply.type('application/zip').send(zipFiles(files))
  })

  r.post('/api/v1/admin/item-figures', {
    bodyLimit: MAX_FIGURE_BYTES,
    schema: {
      tags, summary: 'Upload a figure (SVG is sanitised; PNG, JPEG and GIF are checked by content)',
      querystring: FigureUploadQuery,
      consumes: ['image/svg+xml', 'image/png', 'image/jpeg', 'image/gif'],
      response: { 201: FigureUploadView, ...errorResponses(400, 401, 403, 413, 415) },
    },
  }, async (request, reply) => {
    const body = request.body as Buffer | undefined
    if (!Buffer.isBuffer(body)) throw new AppError('VALIDATION', 'Send the figure as the request body with its image content type.')
    return reply.status(201).send(await app.services.itemBank.uploadFigure(request.actor, body, request.query.fileName))
  })

  r.post('/api/v1/admin/forms/preview', {
    schema: {
      tags, summary: 'Assemble a form from the active pool by the blueprint, as a candidate would receive it',
      body: FormPreviewBody,
      response: { 200: FormPreviewView, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request) => app.services.itemBank.previewForm(request.actor, request.body.module, request.body.pool ?? 'operational', request.body.seed))

  r.get('/api/v1/item-assets/:sha256', {
    schema: { tags, summary: 'A figure of an item (logged-in users)', params: Type.Object({ sha256: Type.String({ pattern: '^[a-f0-9]{64}$' }) }), response: { 200: Binary, ...errorResponses(400, 401, 404) } },
  }, async (request, reply) => {
    const asset = await app.services.itemBank.asset(request.actor, request.params.sha256)
    // Content-addressed: the bytes behind a hash never change.
    reply.header('cache-control', 'private, max-age=31536000, immutable')
    reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
    return reply.type(asset.contentType).send(asset.bytes)
  })
}
