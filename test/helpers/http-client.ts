// A small client over app.inject that keeps the session cookie and CSRF token like a browser does.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import type { SessionView } from '../../src/common/schemas/accounts.js'

export interface Session {
  cookie: string
  csrfToken: string
  userId: string
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export async function call(
  app: FastifyInstance,
  method: Method,
  url: string,
  options: { body?: unknown; session?: Session | undefined; headers?: Record<string, string>; csrf?: boolean; payload?: string } = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) }
  if (options.session) {
    headers.cookie = options.session.cookie
    if (method !== 'GET' && options.csrf !== false) headers['x-csrf-token'] = options.session.csrfToken
  }
  const request: InjectOptions = { method, url, headers }
  if (options.payload !== undefined) {
    request.payload = options.payload
    headers['content-type'] ??= 'application/json'
  } else if (options.body !== undefined) {
    request.payload = options.body as InjectOptions['payload']
  }
  return app.inject(request)
}

function sessionFrom(res: LightMyRequestResponse): Session {
  const setCookie = res.headers['set-cookie']
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie
  if (!raw) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`)
  const body = res.json<SessionView>()
  return { cookie: raw.split(';')[0]!, csrfToken: body.csrfToken, userId: body.user.id }
}

export async function login(app: FastifyInstance, email: string, password: string): Promise<Session> {
  const res = await call(app, 'POST', '/api/v1/auth/login', { body: { email, password } })
  if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode}: ${res.body}`)
  return sessionFrom(res)
}

export async function register(
  app: FastifyInstance,
  person: { email: string; password?: string; firstName?: string; lastName?: string },
): Promise<Session> {
  const res = await call(app, 'POST', '/api/v1/auth/register', {
    body: { password: 'correct horse battery', firstName: 'Test', lastName: 'Person', ...person },
  })
  if (res.statusCode !== 201) throw new Error(`register failed ${res.statusCode}: ${res.body}`)
  return sessionFrom(res)
}

/** A program staff account, made the way a production install makes its first one. */
export async function staffSession(app: FastifyInstance, email = 'staff@mt1.test'): Promise<Session> {
  await app.services.users.createWithPassword({ email, password: 'staff password 1', firstName: 'Sam', lastName: 'Staff', roles: ['program_staff'] })
  return login(app, email, 'staff password 1')
}

export const errorCode = (res: LightMyRequestResponse): string | undefined =>
  (res.json() as { error?: { code?: string } }).error?.code
