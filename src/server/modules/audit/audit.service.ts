// The audit log: who did what, to what, when and why. Other modules call record() with their own
// transaction so the entry commits (or rolls back) together with the change it describes.
import type { ServerContext } from '../../context.js'
import type { DbOrTx } from '../../db/database.js'
import { newId } from '../../ids.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import { insertAuditEntry, listAuditEntries, type AuditFilter } from './audit.repository.js'

export interface AuditEntry {
  actorId: string | null
  action: string
  entityType: string
  entityId: string
  reason?: string | null | undefined
  details?: Record<string, unknown> | undefined
}

/** Who an actor is, from the accounts module (which itself records audit entries, so it is passed in late). */
export type ContactsOf = (ids: readonly string[]) => Promise<ReadonlyMap<string, { email: string }>>

export function createAuditService(ctx: ServerContext, deps: { contacts: ContactsOf }) {
  return {
    async record(trx: DbOrTx, entry: AuditEntry): Promise<void> {
      await insertAuditEntry(trx, {
        id: newId(),
        actor_id: entry.actorId,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: entry.entityId,
        reason: entry.reason ?? null,
        details: entry.details === undefined ? null : JSON.stringify(entry.details),
        created_at: ctx.clock().toISOString(),
      })
    },

    async list(actor: Actor | null, filter: AuditFilter) {
      requireRole(actor, 'program_staff')
      const page = await listAuditEntries(ctx.db, filter)
      const contacts = await deps.contacts(page.items.flatMap((e) => (e.actorId ? [e.actorId] : [])))
      return { ...page, items: page.items.map((e) => ({ ...e, actorEmail: e.actorId ? (contacts.get(e.actorId)?.email ?? null) : null })) }
    },
  }
}

export type AuditService = ReturnType<typeof createAuditService>
