// The PostgreSQL baseline for `delivery`: a bare Fastify route that upserts one response row with the
// same sequence guard as the app, one commit per request (synchronous_commit on, the server's
// default), with no authentication, attempt checks or batching. The bench runs two of these, as it
// runs two app processes, so both layouts are compared alike.
import Fastify from 'fastify'
import pg from 'pg'

const schema = process.env.DATABASE_SCHEMA!
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: `-c search_path=${schema}` })
const setup = new pg.Client({ connectionString: process.env.DATABASE_URL })
await setup.connect()
await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
await setup.query(`CREATE TABLE IF NOT EXISTS ${schema}.attempt_responses (attempt_id text NOT NULL, item_id text NOT NULL, response text NOT NULL, seq bigint NOT NULL, saved_at timestamptz NOT NULL, PRIMARY KEY (attempt_id, item_id))`)
await setup.end()
const upsert = `INSERT INTO attempt_responses (attempt_id, item_id, response, seq, saved_at) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (attempt_id, item_id) DO UPDATE SET response = excluded.response, seq = excluded.seq, saved_at = excluded.saved_at WHERE attempt_responses.seq <= excluded.seq`

const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'warn' } })
app.put<{ Params: { attempt: string; item: string }; Body: { response: unknown; seq: number } }>('/attempts/:attempt/responses/:item', async (request) => {
  const at = new Date().toISOString()
  const result = await pool.query({ name: 'upsert', text: upsert, values: [request.params.attempt, request.params.item, JSON.stringify(request.body.response), request.body.seq, at] })
  return { itemId: request.params.item, seq: request.body.seq, applied: result.rowCount === 1, savedAt: at }
})
app.get('/ready', async () => ({ ok: true }))
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
process.on('SIGTERM', () => void app.close().then(() => pool.end()).then(() => process.exit(0)))
