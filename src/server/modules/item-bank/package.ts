// QTI 3.0 content packages: read a folder or a .zip (with limits against zip bombs and paths that
// climb out), find the items through imsmanifest.xml (or by scanning), and write a package back.
import fs from 'node:fs'
import path from 'node:path'
import type { Element } from '@xmldom/xmldom'
import { unzipSync, zipSync } from 'fflate'
import { attr, childElements, descendants, parseXml } from './qti/xml.js'

export const PACKAGE_LIMITS = { files: 5000, totalBytes: 200 * 1024 * 1024, fileBytes: 10 * 1024 * 1024 }
export const MT1_NS = 'urn:mt1:item-bank'

export class PackageError extends Error {}

export type PackageFiles = Map<string, Buffer>

function safePath(p: string): string {
  const normal = path.posix.normalize(p.replace(/\\/g, '/')).replace(/^\/+/, '')
  if (normal.startsWith('..') || normal.includes('/../') || normal === '..') throw new PackageError(`the path ${p} climbs out of the package`)
  return normal
}

export function readFolder(dir: string): PackageFiles {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new PackageError(`${dir} is not a folder`)
  const files: PackageFiles = new Map()
  let total = 0
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${entry.name}` : entry.name
      if (entry.isSymbolicLink()) continue
      if (entry.isDirectory()) walk(r)
      else if (entry.isFile()) {
        const size = fs.statSync(path.join(dir, r)).size
        if (size > PACKAGE_LIMITS.fileBytes) throw new PackageError(`${r} is larger than ${PACKAGE_LIMITS.fileBytes / 1024 / 1024} MB`)
        total += size
        if (files.size >= PACKAGE_LIMITS.files || total > PACKAGE_LIMITS.totalBytes) throw new PackageError('the folder holds more than a package may')
        files.set(r, fs.readFileSync(path.join(dir, r)))
      }
    }
  }
  walk('')
  return files
}

export function readZip(buffer: Buffer): PackageFiles {
  let count = 0
  let total = 0
  let unzipped: Record<string, Uint8Array>
  try {
    unzipped = unzipSync(new Uint8Array(buffer), {
      filter(file) {
        // Declared sizes are checked before anything is inflated.
        count++
        total += file.originalSize
        if (count > PACKAGE_LIMITS.files || total > PACKAGE_LIMITS.totalBytes || file.originalSize > PACKAGE_LIMITS.fileBytes) {
          throw new PackageError('the zip expands to more than a package may')
        }
        return !file.name.endsWith('/')
      },
    })
  } catch (err) {
    if (err instanceof PackageError) throw err
    throw new PackageError(`the file is not a readable zip: ${(err as Error).message}`)
  }
  const files: PackageFiles = new Map()
  let actual = 0
  for (const [name, data] of Object.entries(unzipped)) {
    actual += data.length
    if (actual > PACKAGE_LIMITS.totalBytes) throw new PackageError('the zip expands to more than a package may')
    files.set(safePath(name), Buffer.from(data))
  }
  return files
}

export interface ItemMetadata {
  module?: string | undefined
  skill?: string | undefined
  pool?: 'operational' | 'practice' | undefined
  status?: string | undefined
}

export interface PackageEntry {
  path: string
  xml: string
  metadata: ItemMetadata
}

const BANK_PATH = /(?:^|\/)(operational|practice)\/([A-Z]{2,10})\/[^/]+\.xml$/

function metadataFromPath(p: string): ItemMetadata {
  const m = BANK_PATH.exec(p)
  return m ? { pool: m[1] as 'operational' | 'practice', skill: m[2] } : {}
}

function metadataFromManifest(resource: Element): ItemMetadata {
  const meta = childElements(resource, 'metadata')[0]
  const own = meta ? descendants(meta, 'item').find((e) => e.namespaceURI === MT1_NS) : undefined
  if (!own) return {}
  const pool = attr(own, 'pool')
  return {
    module: attr(own, 'module'),
    skill: attr(own, 'skill'),
    pool: pool === 'operational' || pool === 'practice' ? pool : undefined,
    status: attr(own, 'status'),
  }
}

/** The items of a package, with the notes an importer reports about what else it held. */
export function packageItems(files: PackageFiles): { entries: PackageEntry[]; notes: string[] } {
  const notes: string[] = []
  const manifestPath = [...files.keys()].find((p) => p === 'imsmanifest.xml') ?? [...files.keys()].find((p) => p.endsWith('/imsmanifest.xml') && p.split('/').length === 2)
  const entries: PackageEntry[] = []
  if (manifestPath) {
    const base = path.posix.dirname(manifestPath) === '.' ? '' : `${path.posix.dirname(manifestPath)}/`
    const doc = parseXml(files.get(manifestPath)!.toString('utf8'), 'imsmanifest.xml')
    const root = doc.documentElement as unknown as Element
    for (const resource of descendants(root, 'resource')) {
      const type = attr(resource, 'type') ?? ''
      const href = attr(resource, 'href')
      if (!href) continue
      const p = safePath(base + href)
      if (type.startsWith('imsqti_test_xml')) {
        notes.push(`${p}: an assessment test — its items are imported, the test's sections and order are not`)
        continue
      }
      if (!type.startsWith('imsqti_item_xml')) continue
      const data = files.get(p)
      if (!data) {
        entries.push({ path: p, xml: '', metadata: {} })
        continue
      }
      entries.push({ path: p, xml: data.toString('utf8'), metadata: { ...metadataFromPath(p), ...metadataFromManifest(resource) } })
    }
    return { entries, notes }
  }
  for (const [p, data] of [...files.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (!p.endsWith('.xml')) continue
    const head = data.subarray(0, 2048).toString('utf8')
    if (!/<qti-assessment-item[\s>]/.test(head) && !/<(\w+:)?qti-assessment-item[\s>]/.test(data.toString('utf8'))) {
      if (/<qti-assessment-test[\s>]/.test(data.toString('utf8'))) notes.push(`${p}: an assessment test — its items are imported, the test structure is not`)
      continue
    }
    entries.push({ path: p, xml: data.toString('utf8'), metadata: metadataFromPath(p) })
  }
  return { entries, notes }
}

export interface ExportItem {
  identifier: string
  path: string
  xml: string
  metadata: Required<Pick<ItemMetadata, 'pool'>> & ItemMetadata
  assets: { path: string; bytes: Buffer }[]
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')

export function manifestXml(items: ExportItem[]): string {
  const resources = items.map((it) => {
    const meta = `<mt1:item module="${esc(it.metadata.module ?? '')}" skill="${esc(it.metadata.skill ?? '')}" pool="${esc(it.metadata.pool)}" status="${esc(it.metadata.status ?? '')}"/>`
    const files = [it.path, ...it.assets.map((a) => a.path)].map((f) => `      <file href="${esc(f)}"/>`).join('\n')
    return `    <resource identifier="${esc(it.identifier)}" type="imsqti_item_xmlv3p0" href="${esc(it.path)}">\n      <metadata>${meta}</metadata>\n${files}\n    </resource>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest xmlns="http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1" xmlns:mt1="${MT1_NS}" identifier="MT1-ITEM-BANK">
  <metadata>
    <schema>QTI Package</schema>
    <schemaversion>3.0.0</schemaversion>
  </metadata>
  <organizations/>
  <resources>
${resources.join('\n')}
  </resources>
</manifest>
`
}

export function packageFiles(items: ExportItem[]): PackageFiles {
  const files: PackageFiles = new Map([['imsmanifest.xml', Buffer.from(manifestXml(items))]])
  for (const it of items) {
    files.set(it.path, Buffer.from(it.xml))
    for (const a of it.assets) files.set(a.path, a.bytes)
  }
  return files
}

export function writeFolder(dir: string, files: PackageFiles): void {
  for (const [p, data] of files) {
    const target = path.join(dir, safePath(p))
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.writeFileSync(target, data)
  }
}

export function zipFiles(files: PackageFiles): Buffer {
  return Buffer.from(zipSync(Object.fromEntries([...files].map(([p, d]) => [p, new Uint8Array(d)])), { level: 6 }))
}

