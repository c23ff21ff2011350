// The baseline for `delivery`: a bare Fastify route that upserts one response row into SQLite with
// the same durability settings as the app (WAL, synchronous=FULL) and the same sequence guard, one
// commit per request, with no authentication, attempt checks or batching.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import Fastify from 'fastify'

const dir = process.env.DATA_DIR!
fs.mkdirSync(dir, { recursive: true })
const db = new Database(path.join(dir, 'bare.sqlite'))
db.pragma('journal_mode = WAL')
db.pragma('synchronous = FULL')
db.exec('CREATE TABLE IF NOT EXISTS attempt_responses (attempt_id TEXT NOT NULL, item_id TEXT NOT NULL, response TEXT NOT NULL, seq INTEGER NOT NULL, saved_at TEXT NOT NULL, PRIMARY KEY (attempt_id, item_id))')
const upsert = db.prepare(`INSERT INTO attempt_responses (attempt_id, item_id, response, seq, saved_at) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (attempt_id, item_id) DO UPDATE SET response = excluded.response, seq = excluded.seq, saved_at = excluded.saved_at WHERE attempt_responses.seq <= excluded.seq`)

const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'warn' } })
app.put<{ Params: { attempt: string; item: string }; Body: { response: unknown; seq: number } }>('/attempts/:attempt/responses/:item', async (request) => {
  const at = new Date().toISOString()
  const result = upsert.run(request.params.attempt, request.params.item, JSON.stringify(request.body.response), request.body.seq, at)
  return { itemId: request.params.item, seq: request.body.seq, applied: result.changes === 1, savedAt: at }
})
app.get('/ready', async () => ({ ok: true }))
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
process.on('SIGTERM', () => void app.close().then(() => { db.close(); process.exit(0) }))
