// Runs the hostile cases of every operation for every role against a hostile world and records
// what the contract forbids: a 5xx, a 4xx without {"error": {"code", "message"}}, or a refused
// request that left rows behind.
import type { LightMyRequestResponse } from 'fastify'
import { knownFinding, type KnownFinding } from './allowlist.js'
import { casesFor, type Case, type RequestSpec } from './cases.js'
import { counter, storedOnRefusal, type Counts } from './ledger.js'
import { operationsOf, type Method, type Operation } from './openapi.js'
import { hashOf, seeded, shuffled } from './prng.js'
import { ROLES, type HostileWorld, type RoleName } from './world.js'

export interface Finding {
  problem: '5xx' | 'shape' | 'stored'
  op: string
  role: RoleName
  slot: string
  kind: string
  input: string
  status: number
  response: string
  detail?: string
}

export interface SuiteReport {
  operations: Operation[]
  requests: number
  byStatus: Map<number, number>
  /** Requests per "METHOD path" and role. */
  coverage: Map<string, number>
  findings: Finding[]
  /** Findings matched by the allowlist (reported, not failed). */
  tolerated: { finding: Finding; known: KnownFinding }[]
}

/** Operations that end or settle things are attacked last, so that earlier ones still find live fixtures. */
const SETTLING = /\/(cancel|close|void|pause-all|suspend|revoke|logout|submit|decision|approve|certify|waive|paid|fulfil|password)$/

const HOSTILE_ADDRESS = '203.0.113.9'

export interface RunOptions {
  /** Cases per operation per role. */
  perRole: number
  seed: number
  /** The roles to attack (all six by default). */
  roles?: readonly RoleName[]
}

function shapeProblem(res: LightMyRequestResponse): string | undefined {
  const type = String(res.headers['content-type'] ?? '')
  if (!type.startsWith('application/json')) return `content-type is "${type}"`
  let body: unknown
  try {
    body = JSON.parse(res.body)
  } catch {
    return 'the body is not JSON'
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'the body is not an object'
  const keys = Object.keys(body)
  if (keys.length !== 1 || keys[0] !== 'error') return `top-level keys are [${keys.join(', ')}]`
  const error = (body as { error: unknown }).error as Record<string, unknown> | null
  if (!error || typeof error !== 'object' || Array.isArray(error)) return 'error is not an object'
  if (typeof error.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(error.code)) return `error.code is ${JSON.stringify(error.code)}`
  if (typeof error.message !== 'string' || error.message.length === 0) return 'error.message is missing or empty'
  const extra = Object.keys(error).filter((k) => k !== 'code' && k !== 'message' && k !== 'details')
  if (extra.length) return `error has extra keys [${extra.join(', ')}]`
  return undefined
}

export async function runHostileSuite(world: HostileWorld, options: RunOptions): Promise<SuiteReport> {
  const { app } = world
  const operations = operationsOf(world.openapi)
  const ordered = [...operations.filter((o) => !SETTLING.test(o.path)), ...operations.filter((o) => SETTLING.test(o.path))]
  const methodsByPath = new Map<string, Method[]>()
  for (const o of operations) methodsByPath.set(o.path, [...(methodsByPath.get(o.path) ?? []), o.method])

  const ledger = await counter(app)
  let counts: Counts = await ledger.count()
  const report: SuiteReport = { operations, requests: 0, byStatus: new Map(), coverage: new Map(), findings: [], tolerated: [] }

  const record = (finding: Finding) => {
    const known = knownFinding({ op: finding.op, slot: finding.slot, kind: finding.kind, problem: finding.problem })
    if (known) report.tolerated.push({ finding, known })
    else report.findings.push(finding)
  }

  const send = async (role: RoleName, spec: RequestSpec): Promise<LightMyRequestResponse> => {
    const session = world.sessions.get(role)
    const headers: Record<string, string> = { ...spec.headers }
    if (session) {
      headers.cookie = session.cookie
      const write = spec.method !== 'GET'
      if (write && spec.auth === 'role') headers['x-csrf-token'] = session.csrfToken
      if (write && spec.auth === 'csrf-wrong') headers['x-csrf-token'] = "' OR 1=1"
    }
    if (spec.auth === 'bearer-garbage') headers.authorization = "Bearer ' OR 1=1 --"
    if (spec.auth === 'bearer-huge') headers.authorization = `Bearer ${'A'.repeat(8_000)}`
    if (spec.auth === 'cookie-garbage') headers.cookie = 'mt1_session=../../etc/passwd; mt1_session=%00'
    return app.inject({ method: spec.method as Method, url: spec.url, headers, ...(spec.payload !== undefined ? { payload: spec.payload } : {}), remoteAddress: HOSTILE_ADDRESS })
  }

  const settle = async () => {
    // Every app's background work (TEST_TWO_APPS: a request may have reached either).
    await world.t.idle()
    const flush = async () => {
      for (const a of world.t.apps) await a.services.notifications.flush()
    }
    await flush()
    await new Promise((resolve) => setImmediate(resolve))
    await flush()
  }

  const runCase = async (role: RoleName, c: Case) => {
    const spec = c.build()
    const res = await send(role, spec)
    report.requests++
    const key = `${c.op.key} ${role}`
    report.coverage.set(key, (report.coverage.get(key) ?? 0) + 1)
    const base = { op: c.op.key, role, slot: c.slot, kind: c.kind, input: `${spec.method} ${spec.url.length > 160 ? `${spec.url.slice(0, 160)}…` : spec.url} — ${c.input}` }
    report.byStatus.set(res.statusCode, (report.byStatus.get(res.statusCode) ?? 0) + 1)
    const response = res.body.length > 300 ? `${res.body.slice(0, 300)}…` : res.body
    if (res.statusCode >= 500) record({ ...base, problem: '5xx', status: res.statusCode, response })
    if (res.statusCode >= 400) {
      const problem = shapeProblem(res)
      if (problem) record({ ...base, problem: 'shape', status: res.statusCode, response, detail: problem })
      const after = await ledger.count()
      const stored = storedOnRefusal(counts, after)
      if (stored.length) record({ ...base, problem: 'stored', status: res.statusCode, response, detail: stored.join('; ') })
      counts = after
      return
    }
    // Accepted: whatever it wrote is legitimate; wait for its background work, count again, and
    // log the role in again if the request ended its own session (logout, …).
    await settle()
    counts = await ledger.count()
    const session = world.sessions.get(role)
    if (session) {
      const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } })
      if (me.statusCode === 401) {
        await world.relogin(role)
        counts = await ledger.count()
      }
    }
  }

  for (const op of ordered) {
    const all = casesFor(op, world.known, methodsByPath.get(op.path)!)
    const order = shuffled(all, seeded(options.seed ^ hashOf(op.key)))
    for (const [i, role] of ROLES.entries()) {
      if (options.roles && !options.roles.includes(role)) continue
      // The roles take consecutive slices of one shuffled list, so together they cover 6 × perRole
      // different cases of the operation (wrapping round when it has fewer).
      for (let k = 0; k < Math.min(options.perRole, order.length); k++) {
        const c = order[(i * options.perRole + k) % order.length]!
        await runCase(role, c)
      }
    }
  }
  return report
}
