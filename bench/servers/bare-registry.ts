// The baseline for `registry`: a bare Fastify JSON route with the same logger settings as the app,
// the same path shape (one parameter) and a response of the same shape and size as a registry
// lookup, returned without any lookup, plugin or hook.
import Fastify from 'fastify'

const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'warn' } })
app.get('/registry/:certificateNumber', async (request) => ({
  certificateNumber: (request.params as { certificateNumber: string }).certificateNumber,
  type: 'MT1', holderName: 'Patricia Rodriguez', issuedOn: '2023-06-14', status: 'active', revokedOn: null,
}))
app.get('/ready', async () => ({ ok: true }))
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' })
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)))
