// API tokens for integrations (centers, employers, colleges): created and revoked by program staff,
// acting as the user they belong to within their scopes (token-scopes.ts) until they expire (at most
// a year), shown once and stored only as a hash.
import type { ServerContext } from '../../context.js'
import { AppError, notFound } from '../../errors.js'
import { newId, newSecret, sha256 } from '../../ids.js'
import type { AuditService } from '../audit/audit.service.js'
import { requireRole, type Actor } from './actor.js'
import {
  findActiveTokenByHash,
  findApiToken,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
  touchApiToken,
} from './api-tokens.repository.js'
import { parseScopes, TOKEN_MAX_DAYS, TOKEN_SCOPES, type TokenScope } from './token-scopes.js'
import { findUserById } from './users.repository.js'

const TOKEN_PREFIX = 'mt1_'
/** last_used_at is written at most this often, so using a token is not a write per request. */
const TOUCH_EVERY_MS = 60_000
const DAY_MS = 86_400_000

export function createApiTokensService(ctx: ServerContext, deps: { audit: AuditService }) {
  const { db } = ctx
  return {
    /**
     * The actor a bearer token stands for, 'expired' for a token past its expiry (the plugin answers
     * 401 saying so), or undefined when it is unknown, revoked or its user is disabled.
     */
    async authenticate(bearer: string): Promise<Actor | 'expired' | undefined> {
      if (!bearer.startsWith(TOKEN_PREFIX) || bearer.length > 200) return undefined
      const token = await findActiveTokenByHash(db, sha256(bearer))
      if (!token || token.status !== 'active') return undefined
      const now = ctx.clock()
      if (!token.expires_at || Date.parse(token.expires_at) <= now.getTime()) return 'expired'
      if (!token.last_used_at || now.getTime() - Date.parse(token.last_used_at) > TOUCH_EVERY_MS) {
        await touchApiToken(db, token.id, now.toISOString(), new Date(now.getTime() - TOUCH_EVERY_MS).toISOString())
      }
      return { userId: token.user_id, email: token.email, roles: token.roles, via: 'token', scopes: parseScopes(token.scopes) }
    },

    async create(actor: Actor | null, input: { name: string; userId: string; scopes: TokenScope[]; expiresInDays: number }) {
      const staff = requireRole(actor, 'program_staff')
      const scopes = TOKEN_SCOPES.filter((s) => input.scopes.includes(s))
      if (scopes.length === 0) throw new AppError('VALIDATION', 'Choose at least one scope.')
      if (!Number.isInteger(input.expiresInDays) || input.expiresInDays < 1 || input.expiresInDays > TOKEN_MAX_DAYS) {
        throw new AppError('VALIDATION', `A token expires within 1 to ${TOKEN_MAX_DAYS} days.`)
      }
      const owner = await findUserById(db, input.userId)
      if (!owner) throw notFound('The user')
      if (owner.status !== 'active') throw new AppError('RULE_VIOLATION', 'A token cannot be issued for a disabled account.')
      const id = newId()
      const token = `${TOKEN_PREFIX}${newSecret()}`
      const now = ctx.clock()
      const expiresAt = new Date(now.getTime() + input.expiresInDays * DAY_MS).toISOString()
      await db.transaction().execute(async (trx) => {
        await insertApiToken(trx, {
          id, name: input.name.trim(), token_hash: sha256(token), user_id: owner.id, created_by: staff.userId,
          created_at: now.toISOString(), last_used_at: null, revoked_at: null, scopes: JSON.stringify(scopes), expires_at: expiresAt,
        })
        await deps.audit.record(trx, {
          actorId: staff.userId, action: 'api_token.created', entityType: 'api_token', entityId: id,
          details: { name: input.name, userId: owner.id, scopes, expiresAt },
        })
      })
      return { id, name: input.name.trim(), userId: owner.id, scopes, expiresAt, token }
    },

    async list(actor: Actor | null, page: { limit: number; cursor?: string | undefined }) {
      requireRole(actor, 'program_staff')
      return listApiTokens(db, page)
    },

    async revoke(actor: Actor | null, id: string) {
      const staff = requireRole(actor, 'program_staff')
      return db.transaction().execute(async (trx) => {
        const revoked = await revokeApiToken(trx, id, ctx.clock().toISOString())
        if (!revoked) {
          if (!(await findApiToken(trx, id))) throw notFound('The API token')
          throw new AppError('CONFLICT', 'This token is already revoked.')
        }
        await deps.audit.record(trx, { actorId: staff.userId, action: 'api_token.revoked', entityType: 'api_token', entityId: id })
        return { id: revoked.id, revokedAt: revoked.revoked_at! }
      })
    },
  }
}

export type ApiTokensService = ReturnType<typeof createApiTokensService>
