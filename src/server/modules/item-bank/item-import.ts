// Turning package entries into stored items: parse each item, store its figures (checked and
// sanitised), and create the item or a new version of it. One item's failure never stops the rest;
// each gets a line in the report.
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { Program } from '../../../common/program/program-schema.js'
import type { DbOrTx } from '../../db/database.js'
import { newId } from '../../ids.js'
import { checkFigureBounded, parseItemBounded } from './bounded-parse.js'
import { findItemByIdentifier, findVersion, insertItem, insertVersion, updateItem, upsertAsset } from './item-bank.repository.js'
import { assetUrl, type StoredItemModel } from './item-model.js'
import type { PackageEntry, PackageFiles } from './package.js'

export interface ImportLine {
  path: string
  identifier: string | null
  outcome: 'imported' | 'updated' | 'unchanged' | 'failed'
  reason?: string
  type?: string
  manualScoring?: boolean
  warnings?: string[]
}

export interface ImportOptions {
  actorId: string | null
  origin: 'mt1' | 'import'
  /** Status for new items; 'active' only for trusted sources (the shipped bank, the operator's CLI). */
  status: 'draft' | 'active'
  now: string
}

export function skillModule(program: Program, skill: string | undefined): string | undefined {
  return skill ? program.modules.find((m) => m.skills.some((s) => s.code === skill))?.code : undefined
}

/**
 * Parses one item (in the parse worker, see bounded-parse.ts) and stores its figures (SVG sanitised
 * there too); returns the model or why it cannot be imported. Figures come back from the parser as
 * placeholders with a random prefix, replaced here by their stored URLs.
 */
export async function buildModel(
  db: DbOrTx,
  xml: string,
  files: PackageFiles | undefined,
  itemPath: string,
  now: string,
  knownAssets: Record<string, string> = {},
): Promise<{ ok: true; model: StoredItemModel; identifier: string; title: string } | { ok: false; identifier: string | null; reason: string }> {
  const placeholder = `asset-${randomBytes(8).toString('hex')}:`
  const parsed = await parseItemBounded(xml, placeholder)
  if (!parsed.ok) return { ok: false, identifier: parsed.identifier ?? null, reason: parsed.reason }
  const item = parsed.item
  const dir = path.posix.dirname(itemPath)
  const assets: Record<string, string> = {}
  for (const href of item.assetHrefs) {
    const known = knownAssets[href]
    if (known) {
      assets[href] = known
      continue
    }
    const file = files?.get(path.posix.normalize(dir === '.' ? href : `${dir}/${href}`))
    if (!file) throw new MissingFigure(href)
    const check = await checkFigureBounded(file, href)
    if (!check.ok) return { ok: false, identifier: item.identifier, reason: `figure ${href}: ${check.reason}` }
    await upsertAsset(db, { sha256: check.sha256, content_type: check.contentType, bytes: check.bytes, size: check.bytes.length, created_at: now })
    assets[href] = check.sha256
  }
  // The prefix is random, so no text an author wrote can pass for a figure reference.
  const reference = new RegExp(`"${placeholder}((?:[^"\\\\]|\\\\.)*)"`, 'g')
  const resolve = (json: unknown): unknown =>
    JSON.parse(JSON.stringify(json).replace(reference, (_m, href: string) => JSON.stringify(assetUrl(assets[JSON.parse(`"${href}"`) as string] ?? ''))))
  return {
    ok: true,
    identifier: item.identifier,
    title: item.title,
    model: {
      type: item.type, scoring: item.scoring, presentation: resolve(item.presentation) as StoredItemModel['presentation'], rationale: resolve(item.rationale) as StoredItemModel['rationale'],
      assets, template: item.template ?? null, warnings: item.warnings,
    },
  }
}

export class MissingFigure extends Error {
  constructor(href: string) {
    super(`the figure ${href} is not in the package`)
  }
}

export async function importEntry(
  db: DbOrTx,
  program: Program,
  entry: PackageEntry,
  files: PackageFiles,
  options: ImportOptions,
): Promise<ImportLine> {
  if (!entry.xml) return { path: entry.path, identifier: null, outcome: 'failed', reason: 'the manifest lists this file but the package does not contain it' }
  let built
  try {
    built = await buildModel(db, entry.xml, files, entry.path, options.now)
  } catch (err) {
    if (err instanceof MissingFigure) return { path: entry.path, identifier: null, outcome: 'failed', reason: err.message }
    throw err
  }
  if (!built.ok) return { path: entry.path, identifier: built.identifier, outcome: 'failed', reason: built.reason }
  const { model, identifier, title } = built
  const skill = entry.metadata.skill && skillModule(program, entry.metadata.skill) ? entry.metadata.skill : null
  const module = skill ? skillModule(program, skill)! : null
  const pool = entry.metadata.pool ?? 'operational'
  const line: ImportLine = {
    path: entry.path, identifier, outcome: 'imported', type: model.type,
    ...(model.scoring.manual ? { manualScoring: true } : {}),
    ...(model.warnings.length ? { warnings: model.warnings } : {}),
  }

  const existing = await findItemByIdentifier(db, identifier)
  const versionRow = (itemId: string, version: number) => ({
    item_id: itemId, version, qti_xml: entry.xml, model_json: JSON.stringify(model), created_at: options.now, created_by: options.actorId,
    note: options.origin === 'mt1' ? 'shipped MT1 content' : `imported from ${entry.path}`,
  })
  if (!existing) {
    const id = newId()
    const activeNow = options.status === 'active' && !!skill && !model.scoring.manual
    const inserted = await insertItem(db, {
      id, identifier, title, module, skill, pool, type: model.type, status: activeNow ? 'active' : 'draft',
      scoring_mode: model.scoring.manual ? 'manual' : 'auto', active_version: activeNow ? 1 : null, latest_version: 1,
      origin: options.origin, author_id: options.actorId, reviewer_id: activeNow ? options.actorId : null, created_at: options.now, updated_at: options.now,
    })
    if (!inserted) return { ...line, outcome: 'unchanged', reason: 'stored at the same moment by another import' }
    await insertVersion(db, versionRow(id, 1))
    return line
  }
  const latest = await findVersion(db, existing.id, existing.latest_version)
  if (latest && latest.qti_xml === entry.xml) return { ...line, outcome: 'unchanged' }
  const version = existing.latest_version + 1
  await insertVersion(db, versionRow(existing.id, version))
  const promote = options.status === 'active' && existing.status === 'active'
  await updateItem(db, existing.id, {
    title, type: model.type, latest_version: version, updated_at: options.now,
    scoring_mode: model.scoring.manual ? 'manual' : 'auto',
    ...(promote ? { active_version: version } : {}),
    ...(skill ? { skill, module } : {}),
  })
  return { ...line, outcome: 'updated' }
}
