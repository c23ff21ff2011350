// Proving who someone is: registration, login (rate-limited), browser sessions with CSRF tokens,
// logout, and password reset by an emailed single-use link.
import type { ServerContext } from '../../context.js'
import { AppError } from '../../errors.js'
import { newId, newSecret, safeEqual, sha256 } from '../../ids.js'
import type { AuditService } from '../audit/audit.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import { requireActor, type Actor } from './actor.js'
import {
  clearLoginFailures,
  consumePasswordReset,
  countLoginFailures,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  extendSession,
  findSession,
  insertPasswordReset,
  insertSession,
  recordLoginFailure,
} from './credentials.repository.js'
import { decoyHash, hashPassword, verifyPassword } from './password.js'
import { findUserByEmail, findUserById, insertUser, toUserDto, updateUser } from './users.repository.js'

const MINUTE = 60_000
/** A session ends after this long without a request (shared test-center computers). */
const IDLE_TIMEOUT_MS = 8 * 60 * MINUTE
/** ...and in any case this long after login. */
const ABSOLUTE_TIMEOUT_MS = 7 * 24 * 60 * MINUTE
/** Sliding expiry is written at most this often, so reads do not become writes. */
const TOUCH_EVERY_MS = 5 * MINUTE
const LOGIN_WINDOW_MS = 15 * MINUTE
const MAX_FAILURES_PER_EMAIL = 10
const MAX_FAILURES_PER_IP = 100
const RESET_LINK_TTL_MS = 60 * MINUTE
export const INVITE_LINK_TTL_MS = 7 * 24 * 60 * MINUTE

export const normalizeEmail = (email: string): string => email.trim().toLowerCase()

export interface NewSession {
  sessionToken: string
  csrfToken: string
}

export interface AuthenticatedActor extends Actor {
  csrfToken: string
}

export function createAuthService(ctx: ServerContext, deps: { notifications: NotificationsService; audit: AuditService }) {
  const { db } = ctx

  async function startSession(userId: string): Promise<NewSession> {
    const sessionToken = newSecret()
    const csrfToken = newSecret()
    const now = ctx.clock()
    await insertSession(db, {
      id_hash: sha256(sessionToken),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + IDLE_TIMEOUT_MS).toISOString(),
    })
    return { sessionToken, csrfToken }
  }

  async function throttle(email: string, ip: string): Promise<void> {
    const now = ctx.clock().getTime()
    const since = new Date(now - LOGIN_WINDOW_MS).toISOString()
    for (const [by, value, max] of [['email', email, MAX_FAILURES_PER_EMAIL], ['ip', ip, MAX_FAILURES_PER_IP]] as const) {
      const { count, oldest } = await countLoginFailures(db, by, value, since)
      if (count >= max) {
        const freeAt = (oldest ? Date.parse(oldest) : now) + LOGIN_WINDOW_MS
        const retryAfterSeconds = Math.max(1, Math.ceil((freeAt - now) / 1000))
        throw new AppError('RATE_LIMITED', `Too many failed logins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes or reset your password.`, { retryAfterSeconds })
      }
    }
  }

  /** A single-use link to choose a password (used for resets and for staff-created accounts). */
  async function issueResetLink(userId: string, ttlMs: number): Promise<string> {
    const token = newSecret()
    const now = ctx.clock()
    await insertPasswordReset(db, {
      token_hash: sha256(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ttlMs).toISOString(),
      used_at: null,
    })
    return `${ctx.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`
}

  return {
    async register(input: { email: string; password: string; firstName: string; lastName: string }) {
      const email = normalizeEmail(input.email)
      if (await findUserByEmail(db, email)) throw new AppError('EMAIL_TAKEN', 'An account with this email already exists.')
      const passwordHash = await hashPassword(input.password)
      const now = ctx.clock().toISOString()
      const id = newId()
      try {
        await db.transaction().execute(async (trx) => {
          await insertUser(trx, {
            id, email, password_hash: passwordHash, first_name: input.firstName.trim(), last_name: input.lastName.trim(),
            status: 'active', created_at: now, updated_at: now,
          }, ['candidate'], null)
          await deps.audit.record(trx, { actorId: id, action: 'user.registered', entityType: 'user', entityId: id })
        })
      } catch (err) {
        // Two registrations for one address at the same moment: the unique index decides.
        if (await findUserByEmail(db, email)) throw new AppError('EMAIL_TAKEN', 'An account with this email already exists.')
        throw err
      }
      const user = (await findUserById(db, id))!
      return { user: toUserDto(user), ...(await startSession(id)) }
    },

    async login(input: { email: string; password: string }, ip: string) {
      const email = normalizeEmail(input.email)
      await throttle(email, ip)
      const user = await findUserByEmail(db, email)
      const ok = user?.password_hash
        ? await verifyPassword(user.password_hash, input.password)
        : (await verifyPassword(await decoyHash(), input.password), false)
      if (!user || !ok) {
        await recordLoginFailure(db, email, ip, ctx.clock().toISOString())
        throw new AppError('INVALID_CREDENTIALS', 'The email or password is not right.')
      }
      if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED', 'This account is disabled. Contact the program.')
      await clearLoginFailures(db, email)
      return { user: toUserDto(user), ...(await startSession(user.id)) }
    },

    /** Removes sessions past their expiry (run by the server's housekeeping). */
    async purgeExpiredSessions(): Promise<void> {
      await deleteExpiredSessions(db, ctx.clock().toISOString())
    },

    async logout(sessionToken: string | undefined): Promise<void> {
      if (sessionToken) await deleteSession(db, sha256(sessionToken))
    },

    /** The actor behind a session cookie, or undefined when it is unknown, expired or disabled. */
    async authenticateSession(sessionToken: string): Promise<AuthenticatedActor | undefined> {
      if (sessionToken.length > 200) return undefined
      const idHash = sha256(sessionToken)
      const session = await findSession(db, idHash)
      if (!session || session.status !== 'active') return undefined
      const now = ctx.clock()
      if (Date.parse(session.expires_at) <= now.getTime()) {
        await deleteSession(db, idHash)
        return undefined
      }
      if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS) {
        const cap = Date.parse(session.created_at) + ABSOLUTE_TIMEOUT_MS
        const expires = Math.min(now.getTime() + IDLE_TIMEOUT_MS, cap)
        await extendSession(db, idHash, now.toISOString(), new Date(expires).toISOString())
      }
      return { userId: session.user_id, email: session.email, roles: session.roles, via: 'cookie', csrfToken: session.csrf_token }
    },

    checkCsrf(actor: AuthenticatedActor, header: string | undefined): void {
      if (!header || !safeEqual(header, actor.csrfToken)) {
        throw new AppError('CSRF', 'This request is missing its CSRF token. Reload the page and try again.')
      }
    },

    /** Emails a single-use reset link when the account exists; says nothing either way. */
    async requestPasswordReset(rawEmail: string): Promise<void> {
      const user = await findUserByEmail(db, normalizeEmail(rawEmail))
      if (!user || user.status !== 'active') return
      const link = await issueResetLink(user.id, RESET_LINK_TTL_MS)
      await deps.notifications.send({
        to: user.email,
        subject: 'Reset your MT1 Certification password',
        text: `Hello ${user.first_name},\n\nSomeone asked to reset the password of your MT1 Certification account. To choose a new password, open this link within an hour:\n\n${link}\n\nThe link works once. If you did not ask for this, ignore this email: your password stays as it is.\n`,
      })
    },

    issueResetLink,

    async confirmPasswordReset(token: string, password: string): Promise<void> {
      const passwordHash = await hashPassword(password)
      const now = ctx.clock().toISOString()
      await db.transaction().execute(async (trx) => {
        const userId = await consumePasswordReset(trx, sha256(token), now)
        if (!userId) throw new AppError('RESET_TOKEN_INVALID', 'This reset link is invalid, used or expired. Ask for a new one.')
        await updateUser(trx, userId, { password_hash: passwordHash, updated_at: now })
        // A reset ends every open session: whoever knew the old password is logged out.
        await deleteSessionsOfUser(trx, userId)
        await clearLoginFailures(trx, (await findUserById(trx, userId))!.email)
        await deps.audit.record(trx, { actorId: userId, action: 'user.password_reset', entityType: 'user', entityId: userId })
      })
    },

    async changePassword(actor: Actor | null, currentPassword: string, newPassword: string): Promise<void> {
      const user = await findUserById(db, requireActor(actor).userId)
      if (!user?.password_hash || !(await verifyPassword(user.password_hash, currentPassword))) {
        throw new AppError('INVALID_CREDENTIALS', 'Your current password is not right.')
      }
      await updateUser(db, user.id, { password_hash: await hashPassword(newPassword), updated_at: ctx.clock().toISOString() })
    },
  }
}

export type AuthService = ReturnType<typeof createAuthService>
