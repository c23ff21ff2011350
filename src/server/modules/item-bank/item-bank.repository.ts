import { sql } from 'kysely'
import type { DbOrTx } from '../../db/database.js'
import { decodeCursor, pastCursor, toPage } from '../../db/pagination.js'
import { containsText } from '../../db/text-search.js'
import type { ItemAssetsTable, ItemsTable, ItemVersionsTable } from '../../db/schema.js'
import type { StoredItemModel } from './item-model.js'

type ItemRow = Omit<ItemsTable, 'exposure_count'> & { exposure_count: number }

export async function findItemById(db: DbOrTx, id: string): Promise<ItemRow | undefined> {
  return db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findItemByIdentifier(db: DbOrTx, identifier: string): Promise<ItemRow | undefined> {
  return db.selectFrom('items').selectAll().where('identifier', '=', identifier).executeTakeFirst()
}

/**
 * Inserts an item unless one with its identifier exists; returns whether it did. Two writers of the
 * same identifier at once (two processes seeding one database) are decided by the unique index.
 */
export async function insertItem(db: DbOrTx, row: Omit<ItemsTable, 'exposure_count'>): Promise<boolean> {
  const result = await db.insertInto('items').values(row).onConflict((oc) => oc.column('identifier').doNothing()).executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

export async function updateItem(db: DbOrTx, id: string, change: Partial<Omit<ItemsTable, 'id' | 'exposure_count'>>): Promise<void> {
  await db.updateTable('items').set(change).where('id', '=', id).execute()
}

export async function insertVersion(db: DbOrTx, row: ItemVersionsTable): Promise<void> {
  await db.insertInto('item_versions').values(row).execute()
}

export async function findVersion(db: DbOrTx, itemId: string, version: number) {
  const row = await db.selectFrom('item_versions').selectAll().where('item_id', '=', itemId).where('version', '=', version).executeTakeFirst()
  return row ? { ...row, model: JSON.parse(row.model_json) as StoredItemModel } : undefined
}

/** Several exact item versions in one query (an attempt's form). */
export async function findVersions(db: DbOrTx, refs: readonly { itemId: string; version: number }[]) {
  if (refs.length === 0) return []
  const rows = await db
    .selectFrom('item_versions')
    .select(['item_id', 'version', 'model_json'])
    .where('item_id', 'in', [...new Set(refs.map((r) => r.itemId))])
    .execute()
  const wanted = new Set(refs.map((r) => `${r.itemId}@${r.version}`))
  return rows.filter((r) => wanted.has(`${r.item_id}@${r.version}`)).map((r) => ({ itemId: r.item_id, version: r.version, model: JSON.parse(r.model_json) as StoredItemModel }))
}

export async function listVersions(db: DbOrTx, itemId: string) {
  return db
    .selectFrom('item_versions')
    .select(['version', 'created_at', 'note', 'created_by'])
    .where('item_id', '=', itemId)
    .orderBy('version', 'desc')
    .execute()
}

export interface ItemFilter {
  module?: string | undefined
  skill?: string | undefined
  status?: string | undefined
  type?: string | undefined
  pool?: string | undefined
  q?: string | undefined
  limit: number
  cursor?: string | undefined
}

export async function listItems(db: DbOrTx, f: ItemFilter) {
  const after = decodeCursor(f.cursor)
  let query = db.selectFrom('items').selectAll()
  if (f.module) query = query.where('module', '=', f.module)
  if (f.skill) query = query.where('skill', '=', f.skill)
  if (f.status) query = query.where('status', '=', f.status as ItemsTable['status'])
  if (f.type) query = query.where('type', '=', f.type)
  if (f.pool) query = query.where('pool', '=', f.pool as ItemsTable['pool'])
  if (f.q) {
    const q = f.q
    query = query.where((eb) => eb.or([containsText('identifier', q), containsText('title', q)]))
  }
  if (after) query = query.where(pastCursor('created_at', 'id', after))
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit + 1).execute()
  return toPage(rows, f.limit, (r) => r)
}

export async function countItems(db: DbOrTx): Promise<number> {
  const row = await db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The active pool of a module: active items with their active version's model. */
export async function activePool(db: DbOrTx, module: string, pool: 'operational' | 'practice') {
  const rows = await db
    .selectFrom('items')
    .innerJoin('item_versions', (j) => j.onRef('item_versions.item_id', '=', 'items.id').onRef('item_versions.version', '=', 'items.active_version'))
    .select(['items.id', 'items.identifier', 'items.skill', 'items.type', 'items.exposure_count', 'items.active_version', 'item_versions.model_json'])
    .where('items.module', '=', module)
    .where('items.pool', '=', pool)
    .where('items.status', '=', 'active')
    .execute()
  return rows.map((r) => ({ ...r, active_version: r.active_version!, model: JSON.parse(r.model_json) as StoredItemModel }))
}

/** The active pool without the models: ids, versions and exposure, read fresh for every form. */
export async function activePoolEntries(db: DbOrTx, module: string, pool: 'operational' | 'practice') {
  const rows = await db
    .selectFrom('items')
    .select(['id', 'skill', 'exposure_count', 'active_version'])
    .where('module', '=', module)
    .where('pool', '=', pool)
    .where('status', '=', 'active')
    .execute()
  return rows.map((r) => ({ ...r, active_version: r.active_version! }))
}

/** The ids among `ids` of items active in the pool (issue 13: practice checks every item it serves or accepts). */
export async function activeIdsInPool(db: DbOrTx, ids: readonly string[], pool: 'operational' | 'practice'): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await db.selectFrom('items').select('id').where('id', 'in', [...new Set(ids)]).where('pool', '=', pool).where('status', '=', 'active').execute()
  return rows.map((r) => r.id)
}

export async function incrementExposure(db: DbOrTx, itemIds: string[]): Promise<void> {
  if (itemIds.length === 0) return
  await db.updateTable('items').set({ exposure_count: sql`exposure_count + 1` }).where('id', 'in', itemIds).execute()
}

export async function allItemsWithLatest(db: DbOrTx) {
  return db
    .selectFrom('items')
    .innerJoin('item_versions', (j) => j.onRef('item_versions.item_id', '=', 'items.id').onRef('item_versions.version', '=', 'items.latest_version'))
    .select(['items.id', 'items.identifier', 'items.module', 'items.skill', 'items.pool', 'items.status', 'item_versions.qti_xml', 'item_versions.model_json'])
    .orderBy('items.identifier')
    .execute()
}

export async function upsertAsset(db: DbOrTx, row: ItemAssetsTable): Promise<void> {
  await db.insertInto('item_assets').values(row).onConflict((oc) => oc.column('sha256').doNothing()).execute()
}

export async function findAsset(db: DbOrTx, sha256: string) {
  return db.selectFrom('item_assets').select(['sha256', 'content_type', 'bytes']).where('sha256', '=', sha256).executeTakeFirst()
}
