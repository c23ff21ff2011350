// Special accommodations: a candidate's request with its documentation, and staff's decision on it
// (the candidate sees their own; staff see the queue with each candidate's name and email).
import { Type, type Static } from 'typebox'
import { ADJUSTMENTS, DISABILITY_CATEGORIES } from '../rules/accommodations.js'
import { Nullable, Strict, StringEnum } from './common.js'

export const DisabilityCategorySchema = StringEnum(DISABILITY_CATEGORIES)
export const AdjustmentSchema = StringEnum(ADJUSTMENTS)

export const ACCOMMODATION_STATUSES = ['pending', 'approved', 'partly_approved', 'denied'] as const
export const AccommodationStatus = StringEnum(ACCOMMODATION_STATUSES)
export type AccommodationStatus = Static<typeof AccommodationStatus>

export const ACCOMMODATION_DECISIONS = ['approved', 'partly_approved', 'denied'] as const
export type AccommodationDecision = (typeof ACCOMMODATION_DECISIONS)[number]

export const AccommodationRequestBody = Type.Object({
  categories: Type.Array(DisabilityCategorySchema, { minItems: 1, maxItems: 3, uniqueItems: true }),
  adjustments: Type.Array(AdjustmentSchema, { minItems: 1, maxItems: ADJUSTMENTS.length, uniqueItems: true }),
  statement: Type.String({ minLength: 10, maxLength: 4000 }),
}, Strict)
export type AccommodationRequestBody = Static<typeof AccommodationRequestBody>

/** A documentation file as listed (its bytes are read from /api/v1/accommodation-documents/:id). */
export const AccommodationDocumentView = Type.Object({
  id: Type.String(), fileName: Type.String(), contentType: Type.String(), size: Type.Integer(), uploadedAt: Type.String(),
})
export type AccommodationDocumentView = Static<typeof AccommodationDocumentView>

/** The answer to an upload: the file as stored (its type judged from its content). */
export const UploadedAccommodationDocumentView = Type.Object({ id: Type.String(), fileName: Type.String(), contentType: Type.String(), size: Type.Integer() })
export type UploadedAccommodationDocumentView = Static<typeof UploadedAccommodationDocumentView>

export const AccommodationDocumentQuery = Type.Object({ fileName: Type.String({ minLength: 1, maxLength: 200 }) }, Strict)
export type AccommodationDocumentQuery = Static<typeof AccommodationDocumentQuery>

export const AccommodationRequestView = Type.Object({
  id: Type.String(), candidateId: Type.String(),
  categories: Type.Array(DisabilityCategorySchema), adjustments: Type.Array(AdjustmentSchema),
  statement: Type.String(), status: AccommodationStatus,
  approvedAdjustments: Nullable(Type.Array(AdjustmentSchema)),
  decisionReason: Nullable(Type.String()), decidedAt: Nullable(Type.String()), createdAt: Type.String(),
  documents: Type.Array(AccommodationDocumentView),
})
export type AccommodationRequestView = Static<typeof AccommodationRequestView>

export const MyAccommodationRequests = Type.Object({ items: Type.Array(AccommodationRequestView), nextCursor: Type.Null() })
export type MyAccommodationRequests = Static<typeof MyAccommodationRequests>

/** A request in staff's queue: with the candidate it is for. */
export const QueuedAccommodationRequestView = Type.Object({
  ...AccommodationRequestView.properties,
  candidate: Type.Object({ email: Type.String(), name: Type.String() }),
})
export type QueuedAccommodationRequestView = Static<typeof QueuedAccommodationRequestView>

export const AccommodationQueueQuery = Type.Object({ status: Type.Optional(AccommodationStatus) }, Strict)
export type AccommodationQueueQuery = Static<typeof AccommodationQueueQuery>

export const AccommodationQueue = Type.Object({ items: Type.Array(QueuedAccommodationRequestView), nextCursor: Type.Null() })
export type AccommodationQueue = Static<typeof AccommodationQueue>

export const AccommodationDecisionBody = Type.Object({
  decision: StringEnum(ACCOMMODATION_DECISIONS),
  approvedAdjustments: Type.Optional(Type.Array(AdjustmentSchema, { uniqueItems: true })),
  reason: Type.String({ minLength: 3, maxLength: 2000 }),
}, Strict)
export type AccommodationDecisionBody = Static<typeof AccommodationDecisionBody>
