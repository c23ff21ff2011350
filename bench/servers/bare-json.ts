// The baseline: a bare Fastify JSON route with the same logger settings as the app, returning the
// same program definition object (serialized by Fastify on each request, no plugins, no hooks).
import fs from 'node:fs'
import path from 'node:path'
import Fastify from 'fastify'

const program: unknown = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../program/mt1/program.json'), 'utf8'))
const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'warn' } })
app.get('/json', async () => program)
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' })
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)))
