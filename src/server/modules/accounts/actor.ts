// The person (or integration) behind a request, and the access checks every service starts with.
import type { Role } from '../../../common/roles.js'
import { AppError } from '../../errors.js'
import type { TokenScope } from './token-scopes.js'

export interface Actor {
  userId: string
  email: string
  roles: readonly Role[]
  /** How the request authenticated: a browser session cookie or a staff-issued API token. */
  via: 'cookie' | 'token'
  /** With `via: 'token'`: what the token may be used for (the auth plugin checks it against the route). */
  scopes?: readonly TokenScope[]
}

export function requireActor(actor: Actor | null | undefined): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in to continue.')
  return actor
}

/** Deny by default: the actor must hold at least one of the roles. */
export function requireRole(actor: Actor | null | undefined, ...roles: Role[]): Actor {
  const who = requireActor(actor)
  if (!roles.some((r) => who.roles.includes(r))) {
    throw new AppError('FORBIDDEN', 'Your account is not allowed to do this.')
  }
  return who
}

export const hasRole = (actor: Actor | null | undefined, role: Role): boolean => !!actor?.roles.includes(role)
