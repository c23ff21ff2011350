// Liveness and readiness for operators and load balancers.
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { Type } from 'typebox'
import { errorResponses } from '../../http.js'

export default async function operationsRoutes(app: FastifyInstance) {
  app.get('/api/v1/health', {
    schema: {
      tags: ['Operations'], summary: 'Health: answers once the database answers',
      response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]) }), ...errorResponses(503) },
    },
  }, async () => {
    await sql`select 1`.execute(app.db)
    return { status: 'ok' as const, database: app.dialect }
  })
}
