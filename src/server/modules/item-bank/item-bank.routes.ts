// Staff routes of the item bank (authoring, review, import/export, figures) and the figure route
// candidates' browsers load images from.
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { ITEM_POOLS, ITEM_STATUSES, ITEM_TYPES } from '../../../common/items/item-types.js'
import { Code, Id, Nullable, PageOf, PageQueryWith, Strict, StringEnum } from '../../../common/schemas/common.js'
import { errorResponses, typed, Binary } from '../../http.js'
import { AppError } from '../../errors.js'
import { readZipAsync, zipFiles } from './package.js'

const Assets = Type.Record(Type.String({ maxLength: 300 }), Type.String({ pattern: '^[a-f0-9]{64}$' }), { maxProperties: 50 })
const QtiXml = Type.String({ minLength: 20, maxLength: 512 * 1024 })

const ItemSummary = Type.Object({
  id: Type.String(), identifier: Type.String(), title: Type.String(), module: Nullable(Type.String()), skill: Nullable(Type.String()),
  pool: Type.String(), type: Type.String(), status: Type.String(), scoringMode: Type.String(), version: Type.Integer(),
  activeVersion: Type.Union([Type.Integer(), Type.Null()]), pendingReview: Type.Boolean(), origin: Type.String(),
  exposureCount: Type.Integer(), createdAt: Type.String(), updatedAt: Type.String(),
})
const ItemDetail = Type.Object({
  ...ItemSummary.properties,
  correctResponse: Type.Unknown({ description: 'A response in exactly the shape PUT .../responses/{itemId} takes, scoring full marks; null when none is declared.' }),
  maxScore: Type.Number(),
  presentation: Type.Unknown(),
  rationale: Type.Unknown(),
  assets: Type.Record(Type.String(), Type.String()),
  warnings: Type.Array(Type.String()),
  contentProblems: Type.Array(Type.String()),
  qtiXml: Type.String(),
  versions: Type.Array(Type.Object({ version: Type.Integer(), createdAt: Type.String(), createdBy: Nullable(Type.String()), note: Nullable(Type.String()) })),
})
const ImportReport = Type.Object({
  lines: Type.Array(Type.Object({
    path: Type.String(), identifier: Nullable(Type.String()), outcome: Type.String(), reason: Type.Optional(Type.String()),
    type: Type.Optional(Type.String()), manualScoring: Type.Optional(Type.Boolean()), warnings: Type.Optional(Type.Array(Type.String())),
  })),
  notes: Type.Array(Type.String()),
  summary: Type.Object({ imported: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer(), failed: Type.Integer() }),
})

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
      querystring: PageQueryWith({
        module: Type.Optional(Code), skill: Type.Optional(Code), status: Type.Optional(StringEnum(ITEM_STATUSES)),
        type: Type.Optional(StringEnum(ITEM_TYPES)), pool: Type.Optional(StringEnum(ITEM_POOLS)), q: Type.Optional(Type.String({ maxLength: 100 })),
      }),
      response: { 200: PageOf(ItemSummary), ...errorResponses(400, 401, 403) },
    },
  }, async (request) => app.services.itemBank.list(request.actor, { ...request.query, limit: request.query.limit ?? 50 }))

  r.get('/api/v1/admin/items/:id', {
    schema: {
      tags, summary: 'One item with its metadata, key and versions',
      description: 'With `attemptId`, `correctResponse` is the key of the version that attempt drew, in the identifiers its candidate sees (audited).',
      params: Type.Object({ id: Id }), querystring: Type.Object({ attemptId: Type.Optional(Id) }, { additionalProperties: false }),
      response: { 200: ItemDetail, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    const item = await app.services.itemBank.get(request.actor, request.params.id)
    if (!request.query.attemptId) return item
    return { ...item, correctResponse: await app.services.delivery.keyAsPresented(request.actor, request.query.attemptId, request.params.id) }
  })

  r.post('/api/v1/admin/items/preview', {
    schema: {
      tags, summary: 'Parse an item as it would be stored and show it as a candidate would see it',
      body: Type.Object({ qtiXml: QtiXml, assets: Type.Optional(Assets), skill: Type.Optional(Code) }, Strict),
      response: { 200: Type.Object({ contentProblems: Type.Array(Type.String()), identifier: Type.String(), title: Type.String(), type: Type.String(), scoringMode: Type.String(), presentation: Type.Unknown(), rationale: Type.Unknown(), warnings: Type.Array(Type.String()), correctResponse: Type.Unknown(), maxScore: Type.Number() }), ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request) => app.services.itemBank.preview(request.actor, request.body))

  r.post('/api/v1/admin/items', {
    schema: {
      tags, summary: 'Create a draft item from QTI 3.0 XML',
      body: Type.Object({ qtiXml: QtiXml, skill: Type.Optional(Code), pool: StringEnum(ITEM_POOLS), assets: Type.Optional(Assets) }, Strict),
      response: { 201: ItemDetail, ...errorResponses(400, 401, 403, 409, 422) },
    },
  }, async (request, reply) => reply.status(201).send(await app.services.itemBank.create(request.actor, request.body)))

  r.put('/api/v1/admin/items/:id', {
    schema: {
      tags, summary: 'Save a new version of an item',
      params: Type.Object({ id: Id }),
      body: Type.Object({ qtiXml: QtiXml, note: Type.Optional(Type.String({ maxLength: 500 })), skill: Type.Optional(Code), pool: Type.Optional(StringEnum(ITEM_POOLS)), assets: Type.Optional(Assets) }, Strict),
      response: { 200: ItemDetail, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request) => app.services.itemBank.update(request.actor, request.params.id, request.body))

  r.post('/api/v1/admin/items/:id/status', {
    schema: {
      tags, summary: 'Submit for review, approve, retire or return an item to draft',
      params: Type.Object({ id: Id }),
      body: Type.Object({ status: StringEnum(ITEM_STATUSES), reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })) }, Strict),
      response: { 200: ItemDetail, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request) => app.services.itemBank.changeStatus(request.actor, request.params.id, request.body))

  r.post('/api/v1/admin/items/import', {
    bodyLimit: MAX_PACKAGE_BYTES,
    schema: {
      tags, summary: 'Import a QTI 3.0 content package (.zip body); new items arrive as drafts',
      consumes: ['application/zip'],
      response: { 200: ImportReport, ...errorResponses(400, 401, 403, 413, 415) },
    },
  }, async (request) => {
    const body = request.body as Buffer | undefined
    if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('PACKAGE_INVALID', 'Send the package as the request body with Content-Type: application/zip.')
    let files
    try {
      files = await readZipAsync(body)
    } catch (err) {
      throw new AppError('PACKAGE_INVALID', (err as Error).message)
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
      querystring: Type.Object({ fileName: Type.String({ minLength: 1, maxLength: 200 }) }, Strict),
      consumes: ['image/svg+xml', 'image/png', 'image/jpeg', 'image/gif'],
      response: { 201: Type.Object({ sha256: Type.String(), contentType: Type.String(), size: Type.Integer() }), ...errorResponses(400, 401, 403, 413, 415) },
    },
  }, async (request, reply) => {
    const body = request.body as Buffer | undefined
    if (!Buffer.isBuffer(body)) throw new AppError('VALIDATION', 'Send the figure as the request body with its image content type.')
    return reply.status(201).send(await app.services.itemBank.uploadFigure(request.actor, body, request.query.fileName))
  })

  r.post('/api/v1/admin/forms/preview', {
    schema: {
      tags, summary: 'Assemble a form from the active pool by the blueprint, as a candidate would receive it',
      body: Type.Object({ module: Code, pool: Type.Optional(StringEnum(ITEM_POOLS)), seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295 })) }, Strict),
      response: { 200: Type.Object({ seed: Type.Integer(), form: Type.Array(Type.Object({ itemId: Type.String(), version: Type.Integer(), skill: Type.String() })), items: Type.Array(Type.Unknown()) }), ...errorResponses(400, 401, 403, 404, 422) },
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
