// The items a study rates: frozen at creation (the exact versions), so every round and every panelist
// judges the same text, and read back with their key through the item bank's service.
import { correctResponseOf } from '../../../common/qti/scoring.js'
import type { RatingItemView } from '../../../common/schemas/standard-setting.js'
import { AppError } from '../../errors.js'
import type { ItemBankService } from '../item-bank/item-bank.service.js'

export interface StudyItem { itemId: string; version: number; identifier: string; skill: string | null }

export type StudyItemBank = Pick<ItemBankService, 'activePool' | 'assemble' | 'versions'>

/** Every active operational item of the module, or one form drawn by its blueprint, in a stable order. */
export async function chooseItems(itemBank: StudyItemBank, module: string, source: 'pool' | 'form'): Promise<StudyItem[]> {
  const pool = await itemBank.activePool(module, 'operational')
  let chosen = pool
  if (source === 'form') {
    const form = await itemBank.assemble(module, 'operational')
    const ids = new Set(form.form.map((f) => f.itemId))
    chosen = pool.filter((p) => ids.has(p.id))
  }
  if (chosen.length === 0) throw new AppError('RULE_VIOLATION', `The ${module} operational pool has no active items to rate.`)
  return chosen
    .map((p) => ({ itemId: p.id, version: p.active_version, identifier: p.identifier, skill: p.skill }))
    .sort((a, b) => (a.skill ?? '').localeCompare(b.skill ?? '') || a.identifier.localeCompare(b.identifier))
}

export const parseItems = (json: string): StudyItem[] => JSON.parse(json) as StudyItem[]

/** The items as panelists see them, with the key (Angoff panelists judge with the key in view). */
export async function ratingItems(itemBank: StudyItemBank, items: readonly StudyItem[]): Promise<RatingItemView[]> {
  const models = new Map((await itemBank.versions(items.map((i) => ({ itemId: i.itemId, version: i.version })))).map((v) => [v.itemId, v.model]))
  return items.flatMap((i) => {
    const model = models.get(i.itemId)
    return model ? [{ id: i.itemId, identifier: i.identifier, skill: i.skill, presentation: model.presentation, correctResponse: correctResponseOf(model.scoring) }] : []
  })
}
