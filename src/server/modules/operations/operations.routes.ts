// Liveness and readiness for operators and load balancers.
// - /api/v1/health (the published contract): {"status":"ok","database":…} while the database
//   answers; 503 {"status":"unavailable","database":"unavailable"} with Retry-After when it does not.
// - /api/v1/health/live: the process is up and serving; never touches the database (restart the
//   process only when this fails: a database outage is not cured by a restart).
// - /api/v1/health/ready: the database answers within a short time (send traffic elsewhere when
//   this fails).
import type { FastifyInstance, FastifyReply } from 'fastify'
import { HealthyView as Healthy, LiveView, UnavailableView as Unavailable } from '../../../common/schemas/operations.js'
import { pingDatabase } from '../../db/database.js'
import { DATABASE_RETRY_AFTER_SECONDS } from '../../db/database-errors.js'

const RetryAfter = { 'retry-after': { type: 'integer', description: 'Seconds to wait before asking again.' } }

export default async function operationsRoutes(app: FastifyInstance) {
  /** How long a health or readiness check waits for the database. */
  const checkMs = Math.min(2_000, app.config.databaseTimeouts.probeMs)

  async function databaseCheck(reply: FastifyReply) {
    if (await pingDatabase(app.db, checkMs)) return { status: 'ok' as const, database: app.dialect }
    reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
    return reply.status(503).send({ status: 'unavailable' as const, database: 'unavailable' as const })
  }

  app.get('/api/v1/health', {
    schema: {
      tags: ['Operations'], summary: 'Health: the database in use, or 503 while it does not answer',
      response: { 200: Healthy, 503: { ...Unavailable, headers: RetryAfter } },
    },
  }, async (_request, reply) => databaseCheck(reply))

  app.get('/api/v1/health/live', {
    schema: {
      tags: ['Operations'], summary: 'Liveness: the process is up (does not touch the database)',
      response: { 200: LiveView },
    },
  }, async () => ({ status: 'ok' as const }))

  app.get('/api/v1/health/ready', {
    schema: {
      tags: ['Operations'], summary: 'Readiness: the database answers within two seconds',
      response: { 200: Healthy, 503: { ...Unavailable, headers: RetryAfter } },
    },
  }, async (_request, reply) => databaseCheck(reply))
}
