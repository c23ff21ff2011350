// The audit log: the staff list's filters and the entries it answers with.
// Each entry names who did what to which record, why, and the action's own details.
import { Type, type Static } from 'typebox'
import { Id, Nullable, PageOf, PageQueryWith } from './common.js'

export const AuditQuery = PageQueryWith({
  action: Type.Optional(Type.String({ maxLength: 100 })),
  actorId: Type.Optional(Id),
  entityType: Type.Optional(Type.String({ maxLength: 50 })),
  entityId: Type.Optional(Id),
})
export type AuditQuery = Static<typeof AuditQuery>

export const AuditEntryView = Type.Object({
  id: Type.String(), actorId: Nullable(Type.String()), actorEmail: Nullable(Type.String()),
  action: Type.String(), entityType: Type.String(), entityId: Type.String(), reason: Nullable(Type.String()),
  details: Type.Unknown({ description: "The action's own facts (what changed, ids it touched): a different shape for each action." }),
  createdAt: Type.String(),
})
export type AuditEntryView = Static<typeof AuditEntryView>

export const AuditPage = PageOf(AuditEntryView)
export type AuditPage = Static<typeof AuditPage>
