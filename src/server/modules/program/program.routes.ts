// The program definition, public. Sent as the string serialized at start-up.
import type { FastifyInstance } from 'fastify'
import { CtdlView, ProgramView } from '../../../common/schemas/program.js'
import { publicRateLimit, typed } from '../../http.js'

export default async function programRoutes(app: FastifyInstance) {
  app.get('/api/v1/program', {
    schema: {
      tags: ['Program'],
      summary: 'The MT1 program: modules, skills, pass mark, time limits, credentials, policies and fees',
      response: { 200: ProgramView },
    },
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300')
    reply.type('application/json; charset=utf-8')
    return reply.send(app.services.program.publicJson)
  })

  // Credential Engine's Credential Transparency Description Language: public, and cacheable (it
  // changes only with the program file or an agreement).
  typed(app).get('/api/v1/program/ctdl', {
    config: { rateLimit: publicRateLimit(app) },
    schema: {
      tags: ['Program'],
      summary: 'The MT1 program in CTDL (JSON-LD): the institute, MS and MT1, the module certificates and their assessments, requirements, the NCRC recommendation and advanced-standing agreements',
      response: { 200: CtdlView },
    },
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300')
    reply.type('application/ld+json; charset=utf-8')
    return app.services.ctdl.document()
  })
}
