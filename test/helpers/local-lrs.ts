// A learning record store for tests: a real HTTP server on 127.0.0.1 that checks what the platform
// sends the way an LRS would (POST to <path>statements, the X-Experience-API-Version header, HTTP Basic
// credentials, a JSON array of valid xAPI statements), records every request, and answers each with
// the next status a test queued (then with the default). It can also hang (accept and never answer).
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { xapiStatementProblems } from './xapi-statement.js'

export interface LrsRequest {
  method: string
  path: string
  version: string | undefined
  authorization: string | undefined
  contentType: string | undefined
  body: unknown
  /** What the server found wrong with the request (empty when it is what the spec asks for). */
  problems: string[]
  status: number
}

export interface LocalLrs {
  url: string
  port: number
  requests: LrsRequest[]
  /** Statuses for the next requests, in order; afterwards `defaultStatus`. */
  answers: number[]
  defaultStatus: number
  /** A status for a batch of more than one statement (the 409-split case), when set. */
  batchStatus?: number
  /** Leaves requests unanswered (a store that accepts connections and never replies). */
  hang: boolean
  /** Text sent back with an error status. */
  errorBody: string
  /** Requests received and not answered yet (a hanging store's). */
  open(): number
  close(): Promise<void>
}

export async function startLocalLrs(o: { key: string; secret: string; basePath?: string }): Promise<LocalLrs> {
  const basePath = o.basePath ?? '/xapi/'
  const expectedAuth = `Basic ${Buffer.from(`${o.key}:${o.secret}`).toString('base64')}`
  const sockets = new Set<import('node:net').Socket>()
  let unanswered = 0
  const lrs: LocalLrs = {
    url: '', port: 0, requests: [], answers: [], defaultStatus: 200, hang: false, errorBody: '{"error":"store unavailable"}',
    open: () => unanswered,
    async close() {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (lrs.hang) {
        unanswered++
        return
      }
      const problems: string[] = []
      let body: unknown = null
      try { body = JSON.parse(Buffer.concat(chunks).toString('utf8')) } catch { problems.push('body is not JSON') }
      if (req.method !== 'POST') problems.push(`method ${req.method}`)
      if (req.url !== `${basePath}statements`) problems.push(`path ${req.url}`)
      if (req.headers['x-experience-api-version'] !== '1.0.3') problems.push(`version header ${String(req.headers['x-experience-api-version'])}`)
      if (!String(req.headers['content-type']).startsWith('application/json')) problems.push(`content type ${String(req.headers['content-type'])}`)
      const authorized = req.headers.authorization === expectedAuth
      if (!authorized) problems.push('credentials')
      const statements = Array.isArray(body) ? body : [body]
      for (const s of statements) {
        for (const p of xapiStatementProblems(s)) problems.push(`statement ${p.path} ${p.message}`)
        if (s && typeof s === 'object' && ('stored' in s || 'authority' in s)) problems.push('a client sent stored or authority')
      }
      const queued = lrs.answers.shift()
      const status = !authorized ? 401 : problems.length ? 400 : queued ?? (lrs.batchStatus !== undefined && statements.length > 1 ? lrs.batchStatus : lrs.defaultStatus)
      lrs.requests.push({ method: req.method ?? '', path: req.url ?? '', version: req.headers['x-experience-api-version'] as string | undefined, authorization: req.headers.authorization, contentType: req.headers['content-type'], body, problems, status })
      if (status === 200) {
        res.writeHead(200, { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3' })
        res.end(JSON.stringify(statements.map((s) => (s as { id?: string }).id)))
      } else if (status === 204) {
        res.writeHead(204, { 'x-experience-api-version': '1.0.3' })
        res.end()
      } else {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(status === 400 ? JSON.stringify({ problems }) : lrs.errorBody)
      }
    })
  })
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)) })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  lrs.port = (server.address() as AddressInfo).port
  lrs.url = `http://127.0.0.1:${lrs.port}${basePath}`
  return lrs
}

/** A port on 127.0.0.1 that nothing listens on (taken, then released). */
export async function closedPort(): Promise<number> {
  const probe = http.createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const port = (probe.address() as AddressInfo).port
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}
