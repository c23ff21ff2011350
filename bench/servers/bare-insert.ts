// The baseline for `register`: a bare Fastify route that inserts one row into SQLite with the same
// durability settings as the app (WAL, synchronous=FULL), with no checks, audit or email.
import fs from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
import Fastify from 'fastify'

const dir = process.env.DATA_DIR!
fs.mkdirSync(dir, { recursive: true })
const db = new Database(path.join(dir, 'bare.sqlite'))
db.pragma('journal_mode = WAL')
db.pragma('synchronous = FULL')
db.exec('CREATE TABLE IF NOT EXISTS registrations (id TEXT PRIMARY KEY, session_id TEXT NOT NULL, candidate_id TEXT NOT NULL, modules TEXT NOT NULL, created_at TEXT NOT NULL)')
const insert = db.prepare('INSERT INTO registrations (id, session_id, candidate_id, modules, created_at) VALUES (?, ?, ?, ?, ?)')

const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'warn' } })
app.post('/insert', async (request, reply) => {
  const body = request.body as { sessionId: string; modules: string[] }
  const id = randomUUID()
  insert.run(id, body.sessionId, randomUUID(), JSON.stringify(body.modules), new Date().toISOString())
  return reply.status(201).send({ id })
})
app.get('/ready', async () => ({ ok: true }))
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
process.on('SIGTERM', () => void app.close().then(() => { db.close(); process.exit(0) }))
