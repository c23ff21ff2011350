// The item bank: import and export (QTI 3.0 packages), authoring with versions, review and
// retirement, figures, and the active pools that forms are drawn from. Keys leave this service only
// for program staff.
import { randomInt } from 'node:crypto'
import path from 'node:path'
import { candidateItem } from '../../../common/items/candidate-item.js'
import { assembleForm, optionSeed, overlapWith, ShortPoolError } from '../../../common/items/form-assembly.js'
import { canTransition, type ItemStatus } from '../../../common/items/item-types.js'
import { correctResponseOf, scoreItem, type CandidateResponse } from '../../../common/qti/scoring.js'
import { projectRoot } from '../../config.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx } from '../../db/database.js'
import { AppError, notFound } from '../../errors.js'
import { newId } from '../../ids.js'
import { requireActor, requireRole, type Actor } from '../accounts/actor.js'
import type { AuditService } from '../audit/audit.service.js'
import type { ProgramService } from '../program/program.service.js'
import { contentProblems } from './content-check.js'
import { checkFigureBounded } from './bounded-parse.js'
import {
  activeIdsInPool,
  activePool,
  activePoolEntries,
  allItemsWithLatest,
  countItems,
  findAsset,
  findItemById,
  findItemByIdentifier,
  findVersion,
  findVersions,
  incrementExposure,
  insertItem,
  insertVersion,
  listItems,
  listVersions,
  updateItem,
  upsertAsset,
  type ItemFilter,
} from './item-bank.repository.js'
import type { ContactDirectory } from '../accounts/users.service.js'
import { buildModel, importEntry, MissingFigure, skillModule, type ImportLine } from './item-import.js'
import type { StoredItemModel } from './item-model.js'
import { exportAssetPath, exportFolder, exportItemPath, packageFiles, packageItems, PackageError, readFolder, type ExportItem, type PackageFiles } from './package.js'

/**
 * A practice form (a full-length practice test) follows the module's blueprint, each skill as far as
 * its practice items go: the practice pool is smaller than the operational one while it grows, and a
 * form uses the blueprint's per-skill counts once the pool has enough items.
 */
function practiceBlueprint(blueprint: Record<string, number>, available: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(blueprint).map(([skill, count]) => [skill, Math.min(count, available.get(skill) ?? 0)]))
}

export const SHIPPED_BANK_DIR = path.join(projectRoot, 'program', 'mt1', 'items')

export interface ImportReport {
  lines: ImportLine[]
  notes: string[]
  summary: { imported: number; updated: number; unchanged: number; failed: number }
}

type ItemRow = NonNullable<Awaited<ReturnType<typeof findItemById>>>

function summaryOf(item: ItemRow) {
  return {
    id: item.id,
    identifier: item.identifier,
    title: item.title,
    module: item.module,
    skill: item.skill,
    pool: item.pool,
    type: item.type,
    status: item.status,
    scoringMode: item.scoring_mode,
    version: item.latest_version,
    activeVersion: item.active_version,
    pendingReview: item.status === 'active' && item.active_version !== null && item.latest_version > item.active_version,
    origin: item.origin,
    exposureCount: item.exposure_count,
    createdAt: item.created_at,
    updatedAt: item.updated_at,
  }
}

export function createItemBankService(ctx: ServerContext, deps: { audit: AuditService; program: ProgramService; users: ContactDirectory }) {
  const { db } = ctx
  const program = deps.program.definition
  const now = () => ctx.clock().toISOString()

  // An item version never changes once written (an edit is a new version), so its parsed model can
  // be kept for the life of the process: delivery and scoring read the same few hundred thousands of times.
  const modelCache = new Map<string, StoredItemModel>()
  const MODEL_CACHE_SIZE = 20_000
  async function cachedVersions(refs: readonly { itemId: string; version: number }[]) {
    const missing = refs.filter((r) => !modelCache.has(`${r.itemId}@${r.version}`))
    if (missing.length > 0) {
      if (modelCache.size + missing.length > MODEL_CACHE_SIZE) modelCache.clear()
      for (const v of await findVersions(db, missing)) modelCache.set(`${v.itemId}@${v.version}`, v.model)
    }
    return refs.flatMap((r) => {
      const model = modelCache.get(`${r.itemId}@${r.version}`)
      return model ? [{ itemId: r.itemId, version: r.version, model }] : []
    })
  }

  async function importFiles(files: PackageFiles, actorId: string | null, options: { status: 'draft' | 'active'; origin: 'mt1' | 'import' }): Promise<ImportReport> {
    let found
    try {
      found = await packageItems(files)
    } catch (err) {
      throw new AppError('PACKAGE_INVALID', `The package cannot be read: ${(err as Error).message}`)
    }
    // The package is one transaction: a failure anywhere (the database, the process) leaves nothing
    // of it stored, so a retry starts from a clean bank. An item refused for its content is a verdict,
    // not a failure: it is reported and rolled back to its savepoint (figures it stored go too), and
    // the package's other items are kept, as the report promises.
    const trx = await db.startTransaction().execute()
    const lines: ImportLine[] = []
    let current: string | null = null
    try {
      for (const entry of found.entries) {
        current = entry.path
        const item = await trx.savepoint('item').execute()
        const line = await importEntry(item, program, entry, files, { actorId, origin: options.origin, status: options.status, now: now() })
        if (line.outcome === 'failed') await item.rollbackToSavepoint('item').execute()
        else if (line.outcome === 'imported' || line.outcome === 'updated') {
          const stored = await findItemByIdentifier(item, line.identifier!)
          await deps.audit.record(item, {
            actorId, action: `item.${line.outcome}`, entityType: 'item', entityId: stored!.id, details: { path: entry.path, origin: options.origin },
          })
        }
        await item.releaseSavepoint('item').execute()
        lines.push(line)
      }
      await trx.commit().execute()
    } catch (err) {
      await trx.rollback().execute().catch(() => undefined)
      ctx.log.error({ err, path: current }, 'item import failed: nothing from the package was stored')
      throw err
    }
    const count = (o: ImportLine['outcome']) => lines.filter((l) => l.outcome === o).length
    return { lines, notes: found.notes, summary: { imported: count('imported'), updated: count('updated'), unchanged: count('unchanged'), failed: count('failed') } }
  }

  async function detail(item: ItemRow) {
    const latest = await findVersion(db, item.id, item.latest_version)
    if (!latest) throw notFound('The item version')
    return {
      ...summaryOf(item),
      correctResponse: correctResponseOf(latest.model.scoring),
      maxScore: latest.model.scoring.maxScore,
      presentation: latest.model.presentation,
      rationale: latest.model.rationale,
      assets: latest.model.assets,
      warnings: latest.model.warnings,
      contentProblems: contentProblems(latest.model, item.skill),
      qtiXml: latest.qti_xml,
      versions: await versionsWithAuthors(item.id),
    }
  }

  /** An item's versions, newest first, each with its author's email (from the accounts module). */
  async function versionsWithAuthors(itemId: string) {
    const versions = await listVersions(db, itemId)
    const contacts = await deps.users.contactsOf(versions.flatMap((v) => (v.created_by ? [v.created_by] : [])))
    return versions.map((v) => ({ version: v.version, createdAt: v.created_at, createdBy: (v.created_by && contacts.get(v.created_by)?.email) || null, note: v.note }))
  }

  async function parseAuthored(qtiXml: string, assets: Record<string, string>) {
    try {
      const built = await buildModel(db, qtiXml, undefined, 'item.xml', now(), assets)
      if (!built.ok) throw new AppError('ITEM_INVALID', `The item cannot be used: ${built.reason}`)
      return built
    } catch (err) {
      if (err instanceof MissingFigure) throw new AppError('ITEM_INVALID', `${err.message}; upload it and list it in assets`)
      throw err
    }
  }

  function checkPlacement(skill: string | null | undefined) {
    if (skill && !skillModule(program, skill)) throw new AppError('VALIDATION', `There is no skill ${skill} in the program.`)
  }

  return {
    importFiles(actor: Actor | null, files: PackageFiles, options: { status: 'draft' | 'active' } = { status: 'draft' }) {
      const staff = requireRole(actor, 'program_staff')
      return importFiles(files, staff.userId, { status: options.status, origin: 'import' })
    },

    /** The operator's CLI import: trusted like a release, so items listed as active become active. */
    importAsOperator(files: PackageFiles, activate: boolean) {
      return importFiles(files, null, { status: activate ? 'active' : 'draft', origin: 'import' })
    },

    /** Imports the shipped MT1 bank into an empty database. Returns the report, or null when items exist. */
    async seedShippedBank(dir = SHIPPED_BANK_DIR): Promise<ImportReport | null> {
      if ((await countItems(db)) > 0) return null
      let files: PackageFiles
      try {
        files = readFolder(dir)
      } catch (err) {
        if (err instanceof PackageError) return null
        throw err
      }
      return importFiles(files, null, { status: 'active', origin: 'mt1' })
    },

    async exportFiles(actor: Actor | null | 'operator'): Promise<PackageFiles> {
      if (actor !== 'operator') requireRole(actor, 'program_staff')
      const rows = await allItemsWithLatest(db)
      const items: ExportItem[] = []
      for (const row of rows) {
        const model = JSON.parse(row.model_json) as StoredItemModel
        const folder = exportFolder(row.pool, row.skill)
        const assets = []
        for (const [href, sha] of Object.entries(model.assets)) {
          const asset = await findAsset(db, sha)
          if (asset) assets.push({ path: exportAssetPath(folder, href, sha), bytes: Buffer.from(asset.bytes) })
        }
        items.push({
          identifier: row.identifier, path: exportItemPath(folder, row.identifier), xml: row.qti_xml,
          metadata: { pool: row.pool, module: row.module ?? undefined, skill: row.skill ?? undefined, status: row.status }, assets,
        })
      }
      return packageFiles(items)
    },

    async list(actor: Actor | null, filter: ItemFilter) {
      requireRole(actor, 'program_staff')
      const page = await listItems(db, filter)
      return { items: page.items.map(summaryOf), nextCursor: page.nextCursor }
    },

    async get(actor: Actor | null, id: string) {
      requireRole(actor, 'program_staff')
      const item = await findItemById(db, id)
      if (!item) throw notFound('The item')
      return detail(item)
    },

    /** Parses an item as it would be stored, without storing it: the authoring preview. */
    async preview(actor: Actor | null, input: { qtiXml: string; assets?: Record<string, string> | undefined; skill?: string | undefined }) {
      requireRole(actor, 'program_staff')
      const built = await parseAuthored(input.qtiXml, input.assets ?? {})
      return {
        contentProblems: contentProblems(built.model, input.skill ?? null),
        identifier: built.identifier, title: built.title, type: built.model.type, scoringMode: built.model.scoring.manual ? 'manual' : 'auto',
        presentation: built.model.presentation, rationale: built.model.rationale, warnings: built.model.warnings,
        correctResponse: correctResponseOf(built.model.scoring), maxScore: built.model.scoring.maxScore,
      }
    },

    async create(actor: Actor | null, input: { qtiXml: string; skill?: string | undefined; pool: 'operational' | 'practice'; assets?: Record<string, string> | undefined }) {
      const staff = requireRole(actor, 'program_staff')
      checkPlacement(input.skill)
      const built = await parseAuthored(input.qtiXml, input.assets ?? {})
      if (await findItemByIdentifier(db, built.identifier)) throw new AppError('IDENTIFIER_TAKEN', `An item with the identifier ${built.identifier} exists; edit it instead.`)
      const id = newId()
      const at = now()
      await db.transaction().execute(async (trx) => {
        const inserted = await insertItem(trx, {
          id, identifier: built.identifier, title: built.title, module: skillModule(program, input.skill) ?? null, skill: input.skill ?? null,
          pool: input.pool, type: built.model.type, status: 'draft', scoring_mode: built.model.scoring.manual ? 'manual' : 'auto',
          active_version: null, latest_version: 1, origin: 'authored', author_id: staff.userId, reviewer_id: null, created_at: at, updated_at: at,
        })
        if (!inserted) throw new AppError('IDENTIFIER_TAKEN', `An item with the identifier ${built.identifier} exists; edit it instead.`)
        await insertVersion(trx, { item_id: id, version: 1, qti_xml: input.qtiXml, model_json: JSON.stringify(built.model), created_at: at, created_by: staff.userId, note: 'created' })
        await deps.audit.record(trx, { actorId: staff.userId, action: 'item.created', entityType: 'item', entityId: id })
      })
      return detail((await findItemById(db, id))!)
    },

    /** An edit is a new version; attempts keep the versions they saw. */
    async update(actor: Actor | null, id: string, input: { qtiXml: string; note?: string | undefined; skill?: string | undefined; pool?: 'operational' | 'practice' | undefined; assets?: Record<string, string> | undefined }) {
      const staff = requireRole(actor, 'program_staff')
      const item = await findItemById(db, id)
      if (!item) throw notFound('The item')
      if (item.status === 'retired') throw new AppError('RULE_VIOLATION', 'A retired item cannot be edited; return it to draft first.')
      checkPlacement(input.skill)
      const previous = await findVersion(db, id, item.latest_version)
      const built = await parseAuthored(input.qtiXml, { ...(previous?.model.assets ?? {}), ...(input.assets ?? {}) })
      if (built.identifier !== item.identifier) throw new AppError('ITEM_INVALID', `The identifier must stay ${item.identifier}.`)
      const version = item.latest_version + 1
      const at = now()
      await db.transaction().execute(async (trx) => {
        await insertVersion(trx, { item_id: id, version, qti_xml: input.qtiXml, model_json: JSON.stringify(built.model), created_at: at, created_by: staff.userId, note: input.note ?? null })
        await updateItem(trx, id, {
          title: built.title, type: built.model.type, latest_version: version, updated_at: at, scoring_mode: built.model.scoring.manual ? 'manual' : 'auto',
          ...(input.skill !== undefined ? { skill: input.skill, module: skillModule(program, input.skill) ?? null } : {}),
          ...(input.pool ? { pool: input.pool } : {}),
          // A draft under review goes back to draft when it changes.
          ...(item.status === 'in_review' ? { status: 'draft' as const } : {}),
        })
        await deps.audit.record(trx, { actorId: staff.userId, action: 'item.edited', entityType: 'item', entityId: id, reason: input.note ?? null, details: { version } })
      })
      return detail((await findItemById(db, id))!)
    },

    /**
     * Moves an item through draft → in review → active → retired. Approving (→ active, or approving
     * a pending edit of an active item) must be done by someone other than the last editor.
     */
    async changeStatus(actor: Actor | null, id: string, input: { status: ItemStatus; reason?: string | undefined }) {
      const staff = requireRole(actor, 'program_staff')
      const item = await findItemById(db, id)
      if (!item) throw notFound('The item')
      const approvingEdit = input.status === 'active' && item.status === 'active' && item.active_version !== null && item.latest_version > item.active_version
      if (!approvingEdit && !canTransition(item.status, input.status)) {
        throw new AppError('RULE_VIOLATION', `An item cannot go from ${item.status.replace('_', ' ')} to ${input.status.replace('_', ' ')}.`)
      }
      if (input.status === 'active') {
        const latest = await findVersion(db, id, item.latest_version)
        if (latest?.created_by === staff.userId) throw new AppError('RULE_VIOLATION', 'Another staff member must review and approve your own edit.')
        if (!item.skill) throw new AppError('RULE_VIOLATION', 'Give the item a skill before approving it.')
        if (item.scoring_mode === 'manual') throw new AppError('RULE_VIOLATION', 'Items scored by a person cannot be used in MT1 forms.')
        const problems = latest ? contentProblems(latest.model, item.skill) : ['no version']
        if (problems.length > 0) throw new AppError('RULE_VIOLATION', `The item does not meet the content rules: ${problems.join('; ')}.`, { problems })
      }
      if (input.status === 'retired' && !input.reason) throw new AppError('VALIDATION', 'Say why the item is retired.')
      if (item.status === 'active' && input.status === 'in_review' && !input.reason) throw new AppError('VALIDATION', 'Say why the item goes back to review.')
      const at = now()
      await db.transaction().execute(async (trx) => {
        await updateItem(trx, id, {
          status: input.status, updated_at: at,
          ...(input.status === 'active' ? { active_version: item.latest_version, reviewer_id: staff.userId } : {}),
        })
        await deps.audit.record(trx, {
          actorId: staff.userId, action: `item.status.${input.status}`, entityType: 'item', entityId: id, reason: input.reason ?? null,
          details: { from: item.status, to: input.status, version: item.latest_version },
        })
      })
      return detail((await findItemById(db, id))!)
    },

    async uploadFigure(actor: Actor | null, bytes: Buffer, fileName: string) {
      const staff = requireRole(actor, 'program_staff')
      const check = await checkFigureBounded(bytes, fileName)
      if (!check.ok) throw new AppError('VALIDATION', `The figure was not accepted: ${check.reason}`, check.limit ? { limit: check.limit } : undefined)
      await upsertAsset(db, { sha256: check.sha256, content_type: check.contentType, bytes: check.bytes, size: check.bytes.length, created_at: now() })
      void staff
      return { sha256: check.sha256, contentType: check.contentType, size: check.bytes.length }
    },

    /** A figure, for anyone logged in (candidates see figures in their items). */
    async asset(actor: Actor | null, sha256: string) {
      requireActor(actor)
      const asset = await findAsset(db, sha256)
      if (!asset) throw notFound('The figure')
      return { contentType: asset.content_type, bytes: Buffer.from(asset.bytes) }
    },

    /** Active items of a module's pool with their models: what forms are drawn from. */
    activePool(module: string, pool: 'operational' | 'practice') {
      return activePool(db, module, pool)
    },

    /**
     * Which of these items are active in a pool now (issue 13: practice refuses, and never shows, an
     * item that is not in the active practice pool, whatever a stored set or test drew).
     */
    async activeInPool(itemIds: readonly string[], pool: 'operational' | 'practice'): Promise<Set<string>> {
      return new Set(await activeIdsInPool(db, itemIds, pool))
    },

    /** An item's row, for the modules that refer to items (rescoring checks a correction names one). */
    find: (id: string) => findItemById(db, id),

    async version(itemId: string, version: number) {
      return findVersion(db, itemId, version)
    },

    /** The exact versions a form drew: from memory, or in one query for those not seen yet. */
    versions: cachedVersions,

    /**
     * Scores a response against the exact item version the candidate saw. A response of the wrong
     * shape scores zero and is logged for staff to look into; it never fails the caller.
     */
    async score(itemId: string, version: number, response: CandidateResponse | null | undefined) {
      const stored = await findVersion(db, itemId, version)
      if (!stored) throw notFound(`Version ${version} of item ${itemId}`)
      const result = scoreItem(stored.model.scoring, response)
      if (result.malformed) ctx.log.warn({ itemId, version, reason: result.malformed }, 'malformed response scored zero')
      return result
    },

    /** Counts a form's items as used once more, so later forms prefer the less-used ones. */
    recordExposure(trx: DbOrTx, itemIds: string[]) {
      return incrementExposure(trx, itemIds)
    },

    /**
     * Draws a form for a module from its active pool by the blueprint (practice forms from the
     * practice pool), and the items as a candidate would receive them. A retake passes the items the
     * candidate saw before as `avoid`; `overlap` is how many of them the pool still forced onto the form.
     */
    async assemble(module: string, pool: 'operational' | 'practice', seed: number = randomInt(0, 2 ** 32 - 1), avoid: ReadonlySet<string> = new Set()) {
      const mod = deps.program.module(module)
      if (!mod) throw notFound(`The module ${module}`)
      const entries = await activePoolEntries(db, module, pool)
      const models = new Map((await cachedVersions(entries.map((e) => ({ itemId: e.id, version: e.active_version })))).map((v) => [v.itemId, v.model]))
      const items = entries.map((e) => ({ ...e, model: models.get(e.id)! }))
      const available = new Map<string, number>()
      for (const e of entries) if (e.skill) available.set(e.skill, (available.get(e.skill) ?? 0) + 1)
      const blueprint = pool === 'practice' ? practiceBlueprint(mod.blueprint, available) : mod.blueprint
      if (Object.values(blueprint).every((n) => n === 0)) throw new AppError('NO_PRACTICE_ITEMS', `The ${module} practice pool has no active items yet.`)
      let form
      try {
        form = assembleForm(blueprint, items.map((i) => ({ id: i.id, version: i.active_version, skill: i.skill!, exposure: i.exposure_count })), seed, avoid)
      } catch (err) {
        if (err instanceof ShortPoolError) throw new AppError('RULE_VIOLATION', err.message)
        throw err
      }
      const byId = new Map(items.map((i) => [i.id, i]))
      return {
        seed,
        form,
        overlap: overlapWith(form, avoid),
        items: form.map((f) => {
          const item = byId.get(f.itemId)!
          return candidateItem(f.itemId, item.model.type, item.model.presentation, optionSeed(seed, f.itemId))
        }),
      }
    },

    async previewForm(actor: Actor | null, module: string, pool: 'operational' | 'practice', seed?: number) {
      requireRole(actor, 'program_staff')
      return this.assemble(module, pool, seed)
    },
  }
}

export type ItemBankService = ReturnType<typeof createItemBankService>
