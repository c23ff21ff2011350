// The audit log: the staff list's filters and the entries it answers with.
// Each entry names who did what to which record, why, and the action's own details.
import { Type, type Static } from 'typebox'
import { Id, Nullable, PageOf, PageQueryWith } from './common.js'

/** Action names are dotted lower-case words (`registration.no_show`). */
export const AuditAction = Type.String({ maxLength: 100, pattern: '^[a-z_]+(\\.[a-z_]+)*$' })
/** Record types are lower-case words (`registration`, `accommodation_request`). */
export const AuditRecordType = Type.String({ maxLength: 50, pattern: '^[a-z_]+$' })
/** A record's id: an opaque id, or a certificate number (a credential's id). */
export const AuditRecordId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })

export const AuditQuery = PageQueryWith({
  action: Type.Optional(AuditAction),
  actorId: Type.Optional(Id),
  entityType: Type.Optional(AuditRecordType),
  entityId: Type.Optional(AuditRecordId),
  from: Type.Optional(Type.String({ format: 'date-time', maxLength: 35, description: 'Entries at or after this instant.' })),
  to: Type.Optional(Type.String({ format: 'date-time', maxLength: 35, description: 'Entries before this instant.' })),
})
export type AuditQuery = Static<typeof AuditQuery>

export const AuditEntryView = Type.Object({
  id: Type.String(), actorId: Nullable(Type.String()), actorEmail: Nullable(Type.String()),
  actorName: Nullable(Type.String({ description: 'The actor\'s name; null for the system.' })),
  action: Type.String(), entityType: Type.String(), entityId: Type.String(),
  recordLabel: Nullable(Type.String({ description: 'The record as people read it ("Registration of Ana Ruiz at Pittsburgh Center, Mar 10, 2026, 9:00 AM EDT"); null when it has none.' })),
  recordPersonId: Nullable(Type.String({ description: 'Whose record it is, when it is a person\'s (their record links from it).' })),
  reason: Nullable(Type.String()),
  details: Type.Unknown({ description: "The action's own facts (what changed, ids it touched): a different shape for each action." }),
  createdAt: Type.String(),
})
export type AuditEntryView = Static<typeof AuditEntryView>

export const AuditPage = PageOf(AuditEntryView)
export type AuditPage = Static<typeof AuditPage>
