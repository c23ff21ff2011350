// Request and response schemas of the item bank (src/server/modules/item-bank): finding, authoring,
// previewing and reviewing items, package import, figure upload and the form preview.
import { Type, type Static } from 'typebox'
import { ITEM_POOLS, ITEM_STATUSES, ITEM_TYPES } from '../items/item-types.js'
import type { ItemPresentation, PresentationNode } from '../items/presentation.js'
import type { CandidateResponse } from '../qti/scoring.js'
import { Code, Id, Nullable, PageOf, PageQueryWith, Strict, StringEnum } from './common.js'

export const ItemStatus = StringEnum(ITEM_STATUSES)
export type ItemStatus = Static<typeof ItemStatus>
export const ItemPool = StringEnum(ITEM_POOLS)
export type ItemPool = Static<typeof ItemPool>
export const ItemType = StringEnum(ITEM_TYPES)
export type ItemType = Static<typeof ItemType>

/** Figures an item uses: its file name in the package → the sha256 of the uploaded bytes. */
export const ItemAssets = Type.Record(Type.String({ maxLength: 300 }), Type.String({ pattern: '^[a-f0-9]{64}$' }), { maxProperties: 50 })
export const QtiXml = Type.String({ minLength: 20, maxLength: 512 * 1024 })

/** The presentation tree and rationale are built by the QTI parser (src/common/items/presentation.ts): a recursive union kept as its TypeScript type. */
export const Presentation = Type.Unsafe<ItemPresentation>(Type.Unknown({ description: 'The item as shown: a tree of nodes built by the QTI parser (src/common/items/presentation.ts).' }))
const Rationale = Type.Unsafe<PresentationNode[]>(Type.Unknown({ description: 'The rationale shown to reviewers: presentation nodes (src/common/items/presentation.ts).' }))
export const CorrectResponse = Type.Unsafe<CandidateResponse | null>(Type.Unknown({
  description: 'A response in exactly the shape PUT .../responses/{itemId} takes, scoring full marks; null when none is declared. Its values depend on each interaction.',
}))

export const ItemListQuery = PageQueryWith({
  module: Type.Optional(Code), skill: Type.Optional(Code), status: Type.Optional(ItemStatus),
  type: Type.Optional(ItemType), pool: Type.Optional(ItemPool), q: Type.Optional(Type.String({ maxLength: 100 })),
})
export type ItemListQuery = Static<typeof ItemListQuery>

export const ItemSummaryView = Type.Object({
  id: Type.String(), identifier: Type.String(), title: Type.String(), module: Nullable(Type.String()), skill: Nullable(Type.String()),
  pool: ItemPool, type: Type.String(), status: ItemStatus, scoringMode: Type.String(), version: Type.Integer(),
  activeVersion: Nullable(Type.Integer()), pendingReview: Type.Boolean(), origin: Type.String(),
  exposureCount: Type.Integer(), createdAt: Type.String(), updatedAt: Type.String(),
})
export type ItemSummaryView = Static<typeof ItemSummaryView>
export const ItemSummaryPage = PageOf(ItemSummaryView)
export type ItemSummaryPage = Static<typeof ItemSummaryPage>

export const ItemVersionView = Type.Object({ version: Type.Integer(), createdAt: Type.String(), createdBy: Nullable(Type.String()), note: Nullable(Type.String()) })
export type ItemVersionView = Static<typeof ItemVersionView>

export const ItemDetailQuery = Type.Object({ attemptId: Type.Optional(Id) }, Strict)
export type ItemDetailQuery = Static<typeof ItemDetailQuery>

/** What parsing an item gives, shown by the authoring preview and by an item's page. */
const parsedItem = {
  correctResponse: CorrectResponse,
  maxScore: Type.Number(),
  presentation: Presentation,
  rationale: Rationale,
  warnings: Type.Array(Type.String()),
  contentProblems: Type.Array(Type.String()),
}

export const ItemDetailView = Type.Object({
  ...ItemSummaryView.properties,
  ...parsedItem,
  assets: Type.Record(Type.String(), Type.String()),
  qtiXml: Type.String(),
  versions: Type.Array(ItemVersionView),
})
export type ItemDetailView = Static<typeof ItemDetailView>

export const ItemPreviewBody = Type.Object({ qtiXml: QtiXml, assets: Type.Optional(ItemAssets), skill: Type.Optional(Code) }, Strict)
export type ItemPreviewBody = Static<typeof ItemPreviewBody>
export const ItemPreviewView = Type.Object({
  identifier: Type.String(), title: Type.String(), type: Type.String(), scoringMode: Type.String(), ...parsedItem,
})
export type ItemPreviewView = Static<typeof ItemPreviewView>

export const CreateItemBody = Type.Object({ qtiXml: QtiXml, skill: Type.Optional(Code), pool: ItemPool, assets: Type.Optional(ItemAssets) }, Strict)
export type CreateItemBody = Static<typeof CreateItemBody>
export const UpdateItemBody = Type.Object({
  qtiXml: QtiXml, note: Type.Optional(Type.String({ maxLength: 500 })), skill: Type.Optional(Code), pool: Type.Optional(ItemPool), assets: Type.Optional(ItemAssets),
}, Strict)
export type UpdateItemBody = Static<typeof UpdateItemBody>
export const ChangeItemStatusBody = Type.Object({ status: ItemStatus, reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })) }, Strict)
export type ChangeItemStatusBody = Static<typeof ChangeItemStatusBody>

export const ImportReportView = Type.Object({
  lines: Type.Array(Type.Object({
    path: Type.String(), identifier: Nullable(Type.String()), outcome: Type.String(), reason: Type.Optional(Type.String()),
    type: Type.Optional(Type.String()), manualScoring: Type.Optional(Type.Boolean()), warnings: Type.Optional(Type.Array(Type.String())),
  })),
  notes: Type.Array(Type.String()),
  summary: Type.Object({ imported: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer(), failed: Type.Integer() }),
})
export type ImportReportView = Static<typeof ImportReportView>

export const FigureUploadQuery = Type.Object({ fileName: Type.String({ minLength: 1, maxLength: 200 }) }, Strict)
export type FigureUploadQuery = Static<typeof FigureUploadQuery>
export const FigureUploadView = Type.Object({ sha256: Type.String(), contentType: Type.String(), size: Type.Integer() })
export type FigureUploadView = Static<typeof FigureUploadView>

export const FormPreviewBody = Type.Object({ module: Code, pool: Type.Optional(ItemPool), seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295 })) }, Strict)
export type FormPreviewBody = Static<typeof FormPreviewBody>

/** An item as a candidate receives it: options in the form's order, no key. */
export const CandidateItemView = Type.Object({ id: Type.String(), type: ItemType, presentation: Presentation })
export type CandidateItemView = Static<typeof CandidateItemView>

export const FormPreviewView = Type.Object({
  seed: Type.Integer(),
  form: Type.Array(Type.Object({ itemId: Type.String(), version: Type.Integer(), skill: Type.String() })),
  items: Type.Array(CandidateItemView),
})
export type FormPreviewView = Static<typeof FormPreviewView>
