// The program definition, public. Sent as the string serialized at start-up.
import type { FastifyInstance } from 'fastify'
import { ProgramView } from '../../../common/schemas/program.js'

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
}
