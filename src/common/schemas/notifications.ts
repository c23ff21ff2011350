// Notifications: the email the system sent, as staff read it in the outbox
// (the only place to read it on an install without SMTP).
import { Type, type Static } from 'typebox'
import { Nullable, PageOf, PageQueryWith } from './common.js'

export const OutboxQuery = PageQueryWith({ to: Type.Optional(Type.String({ maxLength: 254 })) })
export type OutboxQuery = Static<typeof OutboxQuery>

export const OutboxMessageView = Type.Object({
  id: Type.String(), to: Type.String(), subject: Type.String(), text: Type.String(),
  transport: Type.Union([Type.Literal('outbox'), Type.Literal('smtp')]),
  status: Type.Union([Type.Literal('queued'), Type.Literal('sent'), Type.Literal('failed')]),
  createdAt: Type.String(), sentAt: Nullable(Type.String()),
})
export type OutboxMessageView = Static<typeof OutboxMessageView>

export const OutboxPage = PageOf(OutboxMessageView)
export type OutboxPage = Static<typeof OutboxPage>
