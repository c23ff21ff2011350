// Handbook requests: the public form that asks for the MT1 Handbook, and the staff queue that
// fulfils them.
import { Type, type Static } from 'typebox'
import { Email, Nullable, PageOf, PageQueryWith, PrintableText, Strict } from './common.js'

export const HandbookFormat = Type.Union([Type.Literal('pdf'), Type.Literal('print')])
export type HandbookFormat = Static<typeof HandbookFormat>

export const HandbookRequestStatus = Type.Union([Type.Literal('open'), Type.Literal('fulfilled')])
export type HandbookRequestStatus = Static<typeof HandbookRequestStatus>

export const HandbookRequestBody = Type.Object({
  name: PrintableText(200),
  email: Email,
  organization: Type.Optional(Type.String({ maxLength: 200 })),
  mailingAddress: Type.Optional(Type.String({ maxLength: 500 })),
  format: HandbookFormat,
  message: Type.Optional(Type.String({ maxLength: 2000 })),
}, Strict)
export type HandbookRequestBody = Static<typeof HandbookRequestBody>

/** The public form's answer: the request is recorded. */
export const HandbookRequestReceipt = Type.Object({ id: Type.String(), status: HandbookRequestStatus, createdAt: Type.String() })
export type HandbookRequestReceipt = Static<typeof HandbookRequestReceipt>

export const HandbookRequestView = Type.Object({
  id: Type.String(), name: Type.String(), email: Type.String(), organization: Nullable(Type.String()),
  mailingAddress: Nullable(Type.String()), format: HandbookFormat,
  message: Nullable(Type.String()), status: HandbookRequestStatus,
  createdAt: Type.String(), fulfilledAt: Nullable(Type.String()), fulfilledBy: Nullable(Type.String()), fulfilledByName: Nullable(Type.String()), fulfilmentNote: Nullable(Type.String()),
})
export type HandbookRequestView = Static<typeof HandbookRequestView>

export const HandbookRequestsQuery = PageQueryWith({ status: Type.Optional(HandbookRequestStatus) })
export type HandbookRequestsQuery = Static<typeof HandbookRequestsQuery>

/** The staff queue: a page of requests, and how many are open in all. */
export const HandbookRequestsPage = Type.Object({ ...PageOf(HandbookRequestView).properties, openCount: Type.Integer() })
export type HandbookRequestsPage = Static<typeof HandbookRequestsPage>

export const FulfilHandbookRequestBody = Type.Object({ note: Type.String({ minLength: 1, maxLength: 2000 }) }, Strict)
export type FulfilHandbookRequestBody = Static<typeof FulfilHandbookRequestBody>

export const FulfilledHandbookRequestView = Type.Object({ request: HandbookRequestView })
export type FulfilledHandbookRequestView = Static<typeof FulfilledHandbookRequestView>
