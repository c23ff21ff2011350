// A tiny HTTP client for server processes (test/helpers/server-process.ts): the session cookie and
// CSRF token of one person, and the computer a candidate's attempt is bound to.
export interface Client { cookie: string; csrf: string; device?: string }

export async function send(base: string, who: Client | null, method: string, url: string, body?: unknown) {
  const headers: Record<string, string> = {}
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (who) Object.assign(headers, { cookie: who.cookie, 'x-csrf-token': who.csrf }, who.device ? { 'x-attempt-device': who.device } : {})
  const res = await fetch(`${base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  return { status: res.status, json: text ? (JSON.parse(text) as any) : undefined, setCookie: res.headers.get('set-cookie') }
}

/** Logs in (or registers, with `registerAs`) and returns the person's client. */
export async function signIn(base: string, email: string, password: string, registerAs?: { firstName: string; lastName: string }): Promise<Client> {
  const res = registerAs
    ? await send(base, null, 'POST', '/api/v1/auth/register', { email, password, ...registerAs })
    : await send(base, null, 'POST', '/api/v1/auth/login', { email, password })
  if (res.status >= 300) throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.json)}`)
  return { cookie: res.setCookie!.split(';')[0]!, csrf: res.json.csrfToken, device: `device-${email.replace(/[^A-Za-z0-9]/g, '-')}` }
}
