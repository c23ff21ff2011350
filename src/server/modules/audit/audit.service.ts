// The audit log: who did what, to what, when and why. Other modules call record() with their own
// transaction so the entry commits (or rolls back) together with the change it describes.
import type { ServerContext } from '../../context.js'
import type { DbOrTx } from '../../db/database.js'
import { newId } from '../../ids.js'
import { requireRole, type Actor } from '../accounts/actor.js'
import { insertAuditEntries, insertAuditEntry, listAuditEntries, trailEntries, type AuditFilter } from './audit.repository.js'

export interface AuditEntry {
  actorId: string | null
  action: string
  entityType: string
  entityId: string
  reason?: string | null | undefined
  details?: Record<string, unknown> | undefined
}

/** Who an actor is, from the accounts module (which itself records audit entries, so it is passed in late). */
export type ContactsOf = (ids: readonly string[]) => Promise<ReadonlyMap<string, { email: string; first_name: string; last_name: string }>>

/** A record as people read it ("Registration of Ana Ruiz at Pittsburgh Center, Mar 10"), and whose record it is. */
export interface RecordName { label: string; personId: string | null }

/** Names the records of one page of entries in a few batched reads through the owning modules (people/record-names.ts). */
export type DescribeRecords = (refs: readonly { type: string; id: string }[]) => Promise<ReadonlyMap<string, RecordName>>

export const recordKey = (type: string, id: string) => `${type}:${id}`

type StoredEntry = Awaited<ReturnType<typeof trailEntries>>[number]

export function createAuditService(ctx: ServerContext, deps: { contacts: ContactsOf; describe: DescribeRecords }) {
  /** Entries with their actor's name and email and their record's name: one batch per page, never a read per row. */
  async function named(entries: StoredEntry[]) {
    const [contacts, records] = await Promise.all([
      deps.contacts(entries.flatMap((e) => (e.actorId ? [e.actorId] : []))),
      deps.describe(entries.map((e) => ({ type: e.entityType, id: e.entityId }))),
    ])
    return entries.map((e) => {
      const actor = e.actorId ? contacts.get(e.actorId) : undefined
      const record = records.get(recordKey(e.entityType, e.entityId))
      return {
        ...e, actorEmail: actor?.email ?? null, actorName: actor ? `${actor.first_name} ${actor.last_name}`.trim() : null,
        recordLabel: record?.label ?? null, recordPersonId: record?.personId ?? null,
      }
    })
  }

  const row = (entry: AuditEntry) => ({
    id: newId(),
    actor_id: entry.actorId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    reason: entry.reason ?? null,
    details: entry.details === undefined ? null : JSON.stringify(entry.details),
    created_at: ctx.clock().toISOString(),
  })

  return {
    async record(trx: DbOrTx, entry: AuditEntry): Promise<void> {
      await insertAuditEntry(trx, row(entry))
    },

    /** Many entries in the caller's transaction, in this order (a rescoring batch: a few statements, not one per entry). */
    async recordMany(trx: DbOrTx, entries: readonly AuditEntry[]): Promise<void> {
      await insertAuditEntries(trx, entries.map(row))
    },

    async list(actor: Actor | null, filter: AuditFilter) {
      requireRole(actor, 'program_staff')
      const page = await listAuditEntries(ctx.db, filter)
      return { ...page, items: await named(page.items) }
    },

    /** A person's trail for their record (the caller checks staff): what they did and what was done to their records, newest first. */
    async trailOf(personId: string, recordIds: readonly string[], limit = 100) {
      return named(await trailEntries(ctx.db, personId, recordIds, limit))
    },
  }
}

export type AuditService = ReturnType<typeof createAuditService>
