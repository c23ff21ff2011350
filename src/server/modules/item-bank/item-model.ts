// What one stored item version holds besides its QTI source: everything parsed from it, so
// delivery and scoring never re-parse XML on a hot path.
import type { ItemPresentation, PresentationNode } from '../../../common/items/presentation.js'
import type { ItemType } from '../../../common/items/item-types.js'
import type { ScoringModel } from '../../../common/qti/scoring.js'

export interface StoredItemModel {
  type: ItemType
  scoring: ScoringModel
  presentation: ItemPresentation
  rationale: PresentationNode[]
  /** Figure href as written in the QTI → SHA-256 of the stored asset. */
  assets: Record<string, string>
  template: string | null
  warnings: string[]
}

export const assetUrl = (sha256: string) => `/api/v1/item-assets/${sha256}`
