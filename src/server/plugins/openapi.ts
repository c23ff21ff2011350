// The OpenAPI 3.1 document, generated from the route schemas, at /api/openapi.json, and browsable
// docs at /api/docs (Swagger UI, served from the package: no CDN).
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

export default fp(async function openapiPlugin(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'MT1 Certification API',
        version: '1.0.0',
        description:
          'The Manufacturing Technician Level 1 certification platform. Cookie sessions need the X-CSRF-Token header on writes; integrations use Authorization: Bearer <token>.',
      },
      servers: [{ url: app.config.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'mt1_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true })
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())
})
