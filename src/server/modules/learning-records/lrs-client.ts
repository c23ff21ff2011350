// Sending statements to an external learning record store with @xapi/xapi (xAPI.js: maintained,
// typed, it builds the request the spec asks for: POST <endpoint>statements, the
// X-Experience-API-Version header, HTTP Basic authorization, a JSON body). Its transport is our own
// adapter over Node's fetch, so every request has a time limit and never follows a redirect (a
// redirect would carry the credentials elsewhere), and a non-2xx answer comes back as a status to
// judge (delivery-policy.ts) instead of an exception. The secret never leaves this file except in the
// Authorization header: an error text is stripped of it before anyone can log or show it.
import { XAPI_VERSION, type ClientStatement } from '../../../common/learning/xapi-statements.js'
import { lazyImport } from '../../lazy-import.js'
import { REQUEST_TIMEOUT_MS } from './delivery-policy.js'

// @xapi/xapi loads with the first statements sent, not at start: start-up time, issue 16.
// The package is CommonJS: Node hands its module.exports (the class) to the default import, and the
// class carries itself as the static `default`, which is what its types describe.
const loadXapi = lazyImport(async () => (await import('@xapi/xapi')).default.default)

export interface LrsTarget {
  url: string
  key: string
  secret: string
}

export type LrsAnswer =
  | { status: number; detail: string }
  /** No HTTP answer: refused, reset, unknown host, or the time limit ran out. */
  | { status: null; detail: string }

const ERROR_BODY_CHARS = 300

/** Removes the secret, and the Basic token made from it, from text an LRS or the network sent back. */
export function withoutSecret(text: string, target: Pick<LrsTarget, 'key' | 'secret'>): string {
  let out = text
  const token = Buffer.from(`${target.key}:${target.secret}`).toString('base64')
  for (const secret of [token, target.secret]) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]')
  }
  return out
}

function describeFailure(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } }
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `No answer within ${Math.round(timeoutMs / 1000)} s.`
  const code = e?.cause?.code
  if (code === 'ECONNREFUSED') return 'Connection refused: nothing is listening at this address.'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'The host name could not be found.'
  if (code) return `Network error (${code}).`
  return `Network error: ${e?.cause?.message ?? e?.message ?? 'unknown'}.`
}

/** Posts statements to `<url>statements` and reports what the LRS answered, or why nothing answered. */
export async function postStatements(target: LrsTarget, statements: readonly ClientStatement[], o: { timeoutMs?: number } = {}): Promise<LrsAnswer> {
  const timeoutMs = o.timeoutMs ?? REQUEST_TIMEOUT_MS
  const XAPI = await loadXapi()
  const client = new XAPI({
    endpoint: target.url,
    auth: XAPI.toBasicAuth(target.key, target.secret),
    version: XAPI_VERSION,
    adapter: async ({ url, method, headers, data }) => {
      const response = await fetch(url, {
        method,
        headers: { Accept: 'application/json', ...(headers as Record<string, string>) },
        body: data === undefined ? undefined : typeof data === 'string' ? data : JSON.stringify(data),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      })
      const text = await response.text()
      let body: unknown = text
      try { body = text ? JSON.parse(text) : null } catch { /* not JSON: keep the text */ }
      return { status: response.status, headers: Object.fromEntries(response.headers), data: body as never }
    },
  })
  try {
    const answer = await client.sendStatements({ statements: statements as never })
    const body = typeof answer.data === 'string' ? answer.data : JSON.stringify(answer.data ?? '')
    const detail = answer.status >= 200 && answer.status < 300
      ? `HTTP ${answer.status}`
      : answer.status >= 300 && answer.status < 400
        ? `HTTP ${answer.status}: the LRS redirected the request; redirects are not followed (enter the address it redirects to).`
        : `HTTP ${answer.status}: ${body.slice(0, ERROR_BODY_CHARS)}`
    return { status: answer.status, detail: withoutSecret(detail, target) }
  } catch (err) {
    return { status: null, detail: withoutSecret(describeFailure(err, timeoutMs), target) }
  }
}
