// What an API token may be used for. A token acts as its user (the user's roles still decide every
// request) and, besides, only on the routes its scopes cover:
// - `registry:verify`: bulk certificate verification (employers, college partners);
// - `registrations`: scheduling sessions, registering candidates (one by one, cohorts, invitations,
//   vouchers) and reading rosters and jobs;
// - `results`: results, credentials and their documents, and staff's registry export and figures;
// - `admin`: everything the user may do (tokens issued before scopes existed were given this one).
// Every token may read the public routes and ask who it acts as (`GET /api/v1/me`). A route not in
// the table needs `admin`, so a new route is closed to scoped tokens until someone decides otherwise.
// A route may also name its scope itself with `config: { tokenScope }`.

import { TOKEN_MAX_DAYS, TOKEN_SCOPES, type TokenScope } from '../../../common/schemas/accounts.js'

// The scopes and the longest life are part of the API's contract, so they live with its schemas.
export { TOKEN_MAX_DAYS, TOKEN_SCOPES, type TokenScope }

/** What a route asks of a token: one scope, or `any` (public routes, who-am-I). */
export type RouteTokenScope = TokenScope | 'any'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope an API token needs to call this route (default: the table below, else `admin`). */
    tokenScope?: RouteTokenScope
  }
}

/** Routes open to scoped tokens, by `METHOD /path` as registered (HEAD follows GET). */
export const ROUTE_TOKEN_SCOPES: Readonly<Record<string, RouteTokenScope>> = {
  // Public reads and who the token acts as.
  'GET /api/v1/health': 'any',
  'GET /api/v1/program': 'any',
  'GET /api/v1/centers': 'any',
  'GET /api/v1/sessions': 'any',
  'GET /api/v1/sessions/:id': 'any',
  'GET /api/v1/fees': 'any',
  'GET /api/v1/registry': 'any',
  'GET /api/v1/registry/:certificateNumber': 'any',
  'GET /api/v1/credentials/status/:listId': 'any',
  'GET /api/v1/issuer': 'any',
  'GET /api/v1/issuer/keys/:keyId': 'any',
  'GET /api/v1/achievements/:code': 'any',
  'GET /api/v1/me': 'any',
  'GET /api/v1/program/ctdl': 'any',

  'POST /api/v1/registry/verify': 'registry:verify',
  'POST /api/v1/registry/verify.csv': 'registry:verify',

  'POST /api/v1/sessions': 'registrations',
  'PATCH /api/v1/sessions/:id': 'registrations',
  'POST /api/v1/sessions/:id/cancel': 'registrations',
  'POST /api/v1/sessions/:id/cohort': 'registrations',
  'POST /api/v1/sessions/:id/invitations': 'registrations',
  'GET /api/v1/sessions/:id/roster': 'registrations',
  'GET /api/v1/me/sessions': 'registrations',
  'GET /api/v1/jobs/:id': 'registrations',
  'POST /api/v1/registrations': 'registrations',
  'GET /api/v1/registrations/:id': 'registrations',
  'POST /api/v1/registrations/:id/cancel': 'registrations',
  'POST /api/v1/registrations/:id/reschedule': 'registrations',
  'POST /api/v1/registrations/:id/payment': 'registrations',
  'GET /api/v1/me/registrations': 'registrations',
  'GET /api/v1/me/eligibility': 'registrations',
  'POST /api/v1/admin/registrations': 'registrations',
  'POST /api/v1/cohort-invitations/lookup': 'registrations',
  'POST /api/v1/cohort-invitations/accept': 'registrations',
  'GET /api/v1/vouchers': 'registrations',
  'POST /api/v1/vouchers': 'registrations',

  'GET /api/v1/me/results': 'results',
  'GET /api/v1/me/results/:attemptId/report.pdf': 'results',
  'GET /api/v1/me/credentials': 'results',
  'GET /api/v1/me/credentials/:certificateNumber/ob3': 'results',
  'GET /api/v1/me/credentials/:certificateNumber/pdf': 'results',
  'GET /api/v1/me/pathway': 'results',
  'GET /api/v1/me/clr': 'results',
  'GET /api/v1/admin/credentials/:certificateNumber': 'results',
  'GET /api/v1/admin/registry/export': 'results',
  'GET /api/v1/admin/registry/figures': 'results',
}

/** The scope a route asks of a token: its own `config.tokenScope`, else the table, else `admin`. */
export function routeTokenScope(method: string, url: string | undefined, declared: RouteTokenScope | undefined): RouteTokenScope {
  if (declared) return declared
  // No API route matched (the static files' wildcard, or nothing): nothing to protect, the caller gets the 404.
  if (!url || url === '/*' || url === '*') return 'any'
  return ROUTE_TOKEN_SCOPES[`${method === 'HEAD' ? 'GET' : method} ${url}`] ?? 'admin'
}

export function tokenMayCall(scopes: readonly TokenScope[], needed: RouteTokenScope): boolean {
  return needed === 'any' || scopes.includes('admin') || scopes.includes(needed)
}

/** The scopes stored for a token (JSON text); anything unreadable counts as none. */
export function parseScopes(stored: string | null): TokenScope[] {
  if (!stored) return []
  try {
    const value = JSON.parse(stored) as unknown
    return Array.isArray(value) ? value.filter((s): s is TokenScope => (TOKEN_SCOPES as readonly unknown[]).includes(s)) : []
  } catch {
    return []
  }
}
