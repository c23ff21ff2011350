// Proving who someone is: registration, login (throttled per account, per account and address, and
// per address), browser sessions with CSRF tokens, logout, and password reset by an emailed
// single-use link. A new password (changed or reset) ends the user's other sessions and every reset
// link still open, is audited, and the person is emailed that it happened.
import type { ServerContext } from '../../context.js'
import { lockCandidate } from '../../db/candidate-lock.js'
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
  deleteUnusedResetLinks,
  extendSession,
  findSession,
  insertPasswordReset,
  insertSession,
  recentResetLink,
  recordLoginFailure,
  type FailureCount,
} from './credentials.repository.js'
import { decoyHash, hashPassword, verifyPassword } from './password.js'
import { findUserByEmail, findUserById, insertUser, toUserDto, updateUser, type UserWithRoles } from './users.repository.js'

const MINUTE = 60_000
/** A session ends after this long without a request (shared test-center computers). */
const IDLE_TIMEOUT_MS = 8 * 60 * MINUTE
/** ...and in any case this long after login. */
const ABSOLUTE_TIMEOUT_MS = 7 * 24 * 60 * MINUTE
/** Sliding expiry is written at most this often, so reads do not become writes. */
const TOUCH_EVERY_MS = 5 * MINUTE
/**
 * Failed logins counted over this window. Successful logins never count. The limits:
 * - per account (any address) 10: a distributed guessing run gets 10 guesses per account per window;
 * - per account and address 5: a run from one address stops sooner, leaving the account's own
 *   holder (from another address) 5 tries before the account-wide limit;
 * - per address (any account) 100: a test center's 60 candidates behind one NAT address log in
 *   together (their successes cost nothing, and even a few typos each stay far below it), while a
 *   run spraying passwords across accounts from that address stops after 100 guesses.
 * While a limit is reached the login is refused with 429 and Retry-After, before the password is
 * checked, so a refused guess learns nothing.
 */
export const LOGIN_THROTTLE = { windowMs: 15 * MINUTE, perAccount: 10, perAccountAddress: 5, perAddress: 100 } as const
const RESET_LINK_TTL_MS = 60 * MINUTE
/** A reset link is emailed at most this often per account, however often one is asked for. */
const RESET_EMAIL_EVERY_MS = MINUTE
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
    const since = new Date(now - LOGIN_THROTTLE.windowMs).toISOString()
    const counts = await countLoginFailures(db, email, ip, since)
    const over: FailureCount[] = []
    if (counts.account.count >= LOGIN_THROTTLE.perAccount) over.push(counts.account)
    if (counts.accountAddress.count >= LOGIN_THROTTLE.perAccountAddress) over.push(counts.accountAddress)
    if (counts.address.count >= LOGIN_THROTTLE.perAddress) over.push(counts.address)
    if (over.length === 0) return
    const freeAt = Math.max(...over.map((c) => (c.oldest ? Date.parse(c.oldest) : now) + LOGIN_THROTTLE.windowMs))
    const retryAfterSeconds = Math.max(1, Math.ceil((freeAt - now) / 1000))
    throw new AppError('RATE_LIMITED', `Too many failed logins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes or reset your password.`, { retryAfterSeconds })
  }

  /**
   * A single-use link to choose a password (used for resets and for staff-created accounts). It
   * replaces every link of the user still open: only the newest one works. With `unlessIssuedSince`,
   * nothing is issued (undefined) when a link was issued since then; the user's row lock makes two
   * requests at once decide one after the other.
   */
  async function issueLink(userId: string, ttlMs: number, unlessIssuedSince?: string): Promise<string | undefined> {
    const token = newSecret()
    const now = ctx.clock()
    const issued = await db.transaction().execute(async (trx) => {
      await lockCandidate(trx, userId, ctx.dialect)
      if (unlessIssuedSince && (await recentResetLink(trx, userId, unlessIssuedSince))) return false
      await deleteUnusedResetLinks(trx, userId)
      await insertPasswordReset(trx, {
        token_hash: sha256(token),
        user_id: userId,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + ttlMs).toISOString(),
        used_at: null,
      })
      return true
    })
    return issued ? `${ctx.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}` : undefined
  }

  const issueResetLink = async (userId: string, ttlMs: number): Promise<string> => (await issueLink(userId, ttlMs))!

  /** Tells the person their password changed; the email carries no link or secret. */
  async function tellPasswordChanged(user: Pick<UserWithRoles, 'email' | 'first_name'>, how: 'changed' | 'reset', at: string) {
    const ended = how === 'reset' ? 'Every session of the account was logged out.' : 'Every other session of the account was logged out.'
    await deps.notifications.send({
      to: user.email,
      subject: 'Your MT1 Certification password was changed',
      text: `Hello ${user.first_name},\n\nThe password of your MT1 Certification account was ${how === 'reset' ? 'reset with an emailed link' : 'changed'} at ${at} (UTC). ${ended}\n\nIf this was you, there is nothing more to do. If it was not, choose a new password at ${ctx.config.publicUrl}/forgot-password at once and tell the program.\n`,
    })
  }

  return {
    async register(input: { email: string; password: string; firstName: string; lastName: string }) {
      const email = normalizeEmail(input.email)
      // Hashed before the address is looked up: a taken address costs the caller as much as a new one.
      const passwordHash = await hashPassword(input.password)
      if (await findUserByEmail(db, email)) throw new AppError('EMAIL_TAKEN', 'An account with this email already exists.')
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

    /**
     * Emails a single-use reset link when the account exists and is active; says nothing either way.
     * The caller is answered before anything about the address is looked up: finding the account,
     * issuing the link and recording the email happen afterwards (notifications.inBackground), so
     * the answer and its timing are the same whether or not the account exists.
     */
    async requestPasswordReset(rawEmail: string): Promise<void> {
      const email = normalizeEmail(rawEmail)
      deps.notifications.inBackground(async () => {
        const user = await findUserByEmail(db, email)
        if (!user || user.status !== 'active') return
        const link = await issueLink(user.id, RESET_LINK_TTL_MS, new Date(ctx.clock().getTime() - RESET_EMAIL_EVERY_MS).toISOString())
        if (!link) return
        await deps.notifications.send({
          to: user.email,
          subject: 'Reset your MT1 Certification password',
          text: `Hello ${user.first_name},\n\nSomeone asked to reset the password of your MT1 Certification account. To choose a new password, open this link within an hour:\n\n${link}\n\nThe link works once, and only the newest link you were sent works. If you did not ask for this, ignore this email: your password stays as it is.\n`,
        })
      })
    },

    issueResetLink,

    async confirmPasswordReset(token: string, password: string): Promise<void> {
      const passwordHash = await hashPassword(password)
      const now = ctx.clock().toISOString()
      const user = await db.transaction().execute(async (trx) => {
        const userId = await consumePasswordReset(trx, sha256(token), now)
        if (!userId) throw new AppError('RESET_TOKEN_INVALID', 'This reset link is invalid, used or expired. Ask for a new one.')
        await updateUser(trx, userId, { password_hash: passwordHash, updated_at: now })
        // A reset ends every open session (whoever knew the old password is logged out) and every other link.
        const ended = await deleteSessionsOfUser(trx, userId)
        await deleteUnusedResetLinks(trx, userId)
        const user = (await findUserById(trx, userId))!
        await clearLoginFailures(trx, user.email)
        await deps.audit.record(trx, { actorId: userId, action: 'user.password_reset', entityType: 'user', entityId: userId, details: { sessionsEnded: ended } })
        return user
      })
      await tellPasswordChanged(user, 'reset', now)
    },

    /**
     * Changes the password with the current one. Wrong current passwords count as failed logins
     * (the same throttle), so a borrowed session cannot guess its way to the password. The session
     * making the change stays; every other session and every open reset link end.
     */
    async changePassword(
      actor: Actor | null,
      input: { currentPassword: string; newPassword: string },
      from: { sessionToken?: string | undefined; ip: string },
    ): Promise<void> {
      const who = requireActor(actor)
      const user = await findUserById(db, who.userId)
      if (!user) throw new AppError('UNAUTHENTICATED', 'Log in to continue.')
      await throttle(user.email, from.ip)
      if (!user.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) {
        await recordLoginFailure(db, user.email, from.ip, ctx.clock().toISOString())
        throw new AppError('INVALID_CREDENTIALS', 'Your current password is not right.')
      }
      const passwordHash = await hashPassword(input.newPassword)
      const now = ctx.clock().toISOString()
      const keep = who.via === 'cookie' && from.sessionToken ? sha256(from.sessionToken) : undefined
      await db.transaction().execute(async (trx) => {
        await updateUser(trx, user.id, { password_hash: passwordHash, updated_at: now })
        const ended = await deleteSessionsOfUser(trx, user.id, keep)
        await deleteUnusedResetLinks(trx, user.id)
        await deps.audit.record(trx, { actorId: user.id, action: 'user.password_changed', entityType: 'user', entityId: user.id, details: { sessionsEnded: ended, via: who.via } })
      })
      await tellPasswordChanged(user, 'changed', now)
    },
  }
}

export type AuthService = ReturnType<typeof createAuthService>
