// People and their roles: a user's own profile, and program staff managing accounts.
import type { Role } from '../../../common/roles.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx, Tx } from '../../db/database.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import type { AuditService } from '../audit/audit.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import { requireActor, requireRole, type Actor } from './actor.js'
import { INVITE_LINK_TTL_MS, normalizeEmail, type AuthService } from './auth.service.js'
import { deleteSessionsOfUser, lastSessionStart } from './credentials.repository.js'
import { hashPassword } from './password.js'
import {
  activeUserIdsWithRole,
  countUsersWithRole,
  findContacts,
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  replaceRoles,
  toUserDto,
  updateUser,
  type UserFilter,
  type Contact,
  type UserWithRoles,
} from './users.repository.js'

export type { Contact }

/** What the registry needs to hear of a name change (its copy of a holder's name). */
export interface NameListener {
  nameChanged(within: DbOrTx, userId: string): Promise<void>
}

/** What other modules may ask of accounts: no module reads the accounts tables itself. */
export type UserDirectory = Pick<UsersService, 'findById' | 'findByEmail' | 'grantRole' | 'contactsOf' | 'activeIdsWithRole'>

/** Only names and emails: what a module that lists people needs. */
export type ContactDirectory = Pick<UsersService, 'contactsOf'>

export function createUsersService(
  ctx: ServerContext,
  deps: { audit: AuditService; notifications: NotificationsService; auth: AuthService; registry: NameListener },
) {
  const { db } = ctx

  async function getDto(id: string) {
    const user = await findUserById(db, id)
    if (!user) throw notFound('The user')
    return toUserDto(user)
  }

  return {
    /**
     * The account behind an id, for other modules (a candidate's name and email for a letter, a
     * proctor's account); read in the caller's transaction when one is given.
     */
    findById(id: string, within: DbOrTx = db): Promise<UserWithRoles | undefined> {
      return findUserById(within, id)
    },

    /** The active accounts holding a role (the proctors to list, the staff to remind). */
    activeIdsWithRole(role: Role, within: DbOrTx = db): Promise<string[]> {
      return activeUserIdsWithRole(within, role)
    },

    /**
     * Email and name of many accounts at once, for other modules' lists (a roster, the audit log,
     * the registry): they ask here instead of joining the accounts tables.
     */
    contactsOf(ids: readonly string[], within: DbOrTx = db): Promise<Map<string, Contact>> {
      return findContacts(within, ids)
    },

    /** The account with an email (already normalized by the caller), for other modules. */
    findByEmail(email: string, within: DbOrTx = db): Promise<UserWithRoles | undefined> {
      return findUserByEmail(within, email)
    },

    /** Adds a role to an account inside the caller's transaction (a certified center's applicant becomes its administrator); nothing when it has the role. */
    async grantRole(trx: Tx, userId: string, role: Role, grantedBy: string): Promise<void> {
      const user = await findUserById(trx, userId)
      if (user && !user.roles.includes(role)) await replaceRoles(trx, userId, [...user.roles, role], grantedBy, ctx.clock().toISOString())
    },

    /** When the person last logged in, if a session of theirs still says (a person's record). */
    lastLoginAt: (id: string) => lastSessionStart(db, id),

    async me(actor: Actor | null) {
      return getDto(requireActor(actor).userId)
    },

    async updateProfile(actor: Actor | null, change: { firstName?: string | undefined; lastName?: string | undefined }) {
      const who = requireActor(actor)
      // The registry prints the current name: its copy changes in the same transaction.
      await inTransaction(db, async (trx) => {
        await updateUser(trx, who.userId, {
          ...(change.firstName !== undefined ? { first_name: change.firstName.trim() } : {}),
          ...(change.lastName !== undefined ? { last_name: change.lastName.trim() } : {}),
          updated_at: ctx.clock().toISOString(),
        })
        await deps.registry.nameChanged(trx, who.userId)
      })
      return getDto(who.userId)
    },

    /** A person's name as others see it in lists and logs. */
    async displayName(id: string): Promise<string | null> {
      const user = await findUserById(db, id)
      return user ? `${user.first_name} ${user.last_name}` : null
    },

    async list(actor: Actor | null, filter: UserFilter) {
      requireRole(actor, 'program_staff')
      return listUsers(db, filter)
    },

    async get(actor: Actor | null, id: string) {
      requireRole(actor, 'program_staff')
      return getDto(id)
    },

    /** Staff create an account; the person gets a link to choose their own password. */
    async create(actor: Actor | null, input: { email: string; firstName: string; lastName: string; roles: Role[] }) {
      const staff = requireRole(actor, 'program_staff')
      const email = normalizeEmail(input.email)
      if (await findUserByEmail(db, email)) throw new AppError('EMAIL_TAKEN', 'An account with this email already exists.')
      const id = newId()
      const now = ctx.clock().toISOString()
      const roles = [...new Set(input.roles)]
      await db.transaction().execute(async (trx) => {
        await insertUser(trx, {
          id, email, password_hash: null, first_name: input.firstName.trim(), last_name: input.lastName.trim(),
          status: 'active', created_at: now, updated_at: now,
        }, roles, staff.userId)
        await deps.audit.record(trx, { actorId: staff.userId, action: 'user.created', entityType: 'user', entityId: id, details: { roles } })
      })
      const link = await deps.auth.issueResetLink(id, INVITE_LINK_TTL_MS)
      await deps.notifications.send({
        to: email,
        subject: 'Your MT1 Certification account',
        text: `Hello ${input.firstName.trim()},\n\nThe Manufacturing Skills Institute created an MT1 Certification account for you. Choose your password with this link (valid for seven days, usable once):\n\n${link}\n`,
      })
      return getDto(id)
    },

    async update(actor: Actor | null, id: string, change: { roles?: Role[] | undefined; status?: 'active' | 'disabled' | undefined }) {
      const staff = requireRole(actor, 'program_staff')
      const user = await findUserById(db, id)
      if (!user) throw notFound('The user')
      const roles = change.roles ? [...new Set(change.roles)] : undefined
      const losesStaff =
        user.roles.includes('program_staff') &&
        ((roles && !roles.includes('program_staff')) || change.status === 'disabled')
      if (losesStaff && id === staff.userId) {
        throw new AppError('RULE_VIOLATION', 'You cannot remove your own program staff access; ask another staff member.')
      }
      if (losesStaff && (await countUsersWithRole(db, 'program_staff')) <= 1) {
        throw new AppError('RULE_VIOLATION', 'The last program staff account cannot lose its access.')
      }
      const now = ctx.clock().toISOString()
      await db.transaction().execute(async (trx) => {
        if (roles) {
          await replaceRoles(trx, id, roles, staff.userId, now)
          await deps.audit.record(trx, {
            actorId: staff.userId, action: 'user.roles_changed', entityType: 'user', entityId: id,
            details: { from: user.roles, to: roles },
          })
        }
        if (change.status && change.status !== user.status) {
          await updateUser(trx, id, { status: change.status, updated_at: now })
          if (change.status === 'disabled') await deleteSessionsOfUser(trx, id)
          await deps.audit.record(trx, {
            actorId: staff.userId, action: change.status === 'disabled' ? 'user.disabled' : 'user.enabled', entityType: 'user', entityId: id,
          })
        }
      })
      return getDto(id)
    },

    /**
     * An account made outside the web (the CLI's first staff account, demo data). Without a
     * password the person sets one through the link from issueResetLink.
     */
    async createWithPassword(input: { email: string; password?: string | undefined; firstName: string; lastName: string; roles: Role[] }) {
      const email = normalizeEmail(input.email)
      if (await findUserByEmail(db, email)) throw new AppError('EMAIL_TAKEN', `An account with ${email} already exists.`)
      const id = newId()
      const now = ctx.clock().toISOString()
      const passwordHash = input.password === undefined ? null : await hashPassword(input.password)
      await db.transaction().execute(async (trx) => {
        await insertUser(trx, {
          id, email, password_hash: passwordHash, first_name: input.firstName, last_name: input.lastName,
          status: 'active', created_at: now, updated_at: now,
        }, input.roles, null)
        await deps.audit.record(trx, { actorId: null, action: 'user.created', entityType: 'user', entityId: id, details: { roles: input.roles, via: 'cli' } })
      })
      return getDto(id)
    },
  }
}

export type UsersService = ReturnType<typeof createUsersService>
