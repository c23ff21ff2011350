// QTI 3.0 content packages: read a folder or a .zip (with limits against zip bombs, lying headers and
// paths that climb out), find the items through imsmanifest.xml (or by scanning), and write a package back.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Element } from '@xmldom/xmldom'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { zipSync } from 'fflate'
import { isPortableIdentifier } from '../../../common/qti/identifier.js'
import { readManifestBounded } from './bounded-parse.js'
import { ITEM_XML_LIMITS, MANIFEST_XML_LIMITS } from './qti/markup-limits.js'
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

// Zip archives are read here, not by a library that trusts the sizes in their headers: the central
// directory is read for names, methods and sizes, and each entry is inflated by zlib with a cap on the
// bytes it actually produces (its declared size, at most a file's and the package's remaining
// allowance). A zip whose headers understate what it holds is stopped as soon as it inflates past
// them. ZIP64, encryption and methods other than stored and deflate are refused.
interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  dataStart: number
}

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50
const LOCAL_SIGNATURE = 0x04034b50

function zipEntries(buffer: Buffer): ZipEntry[] {
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  let eocd = -1
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new PackageError('the file is not a readable zip: no central directory')
  const count = buffer.readUInt16LE(eocd + 10)
  const directorySize = buffer.readUInt32LE(eocd + 12)
  const directoryOffset = buffer.readUInt32LE(eocd + 16)
  if (count === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) throw new PackageError('ZIP64 archives are not accepted; a package holds at most 200 MB')
  if (buffer.readUInt16LE(eocd + 4) !== 0 || buffer.readUInt16LE(eocd + 6) !== 0) throw new PackageError('zips split over several files are not accepted')
  if (count > PACKAGE_LIMITS.files) throw new PackageError(`the zip holds more than ${PACKAGE_LIMITS.files} files`)
  if (directoryOffset + directorySize > eocd) throw new PackageError('the file is not a readable zip: its directory lies outside it')
  const entries: ZipEntry[] = []
  let declared = 0
  let at = directoryOffset
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || buffer.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new PackageError('the file is not a readable zip: its directory is damaged')
    const flags = buffer.readUInt16LE(at + 8)
    const method = buffer.readUInt16LE(at + 10)
    const compressedSize = buffer.readUInt32LE(at + 20)
    const size = buffer.readUInt32LE(at + 24)
    const nameLength = buffer.readUInt16LE(at + 28)
    const extraLength = buffer.readUInt16LE(at + 30)
    const commentLength = buffer.readUInt16LE(at + 32)
    const localOffset = buffer.readUInt32LE(at + 42)
    const nameBytes = buffer.subarray(at + 46, at + 46 + nameLength)
    // Bit 11: the name is UTF-8; otherwise it is read byte by byte.
    const name = nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1')
    at += 46 + nameLength + extraLength + commentLength
    if (name.endsWith('/')) continue
    if (flags & 0x1) throw new PackageError(`${name} is encrypted; encrypted zips are not accepted`)
    if (method !== 0 && method !== 8) throw new PackageError(`${name} uses compression method ${method}; only stored and deflated files are accepted`)
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) throw new PackageError('ZIP64 archives are not accepted; a package holds at most 200 MB')
    // Declared sizes refuse an honest oversized package before anything is inflated.
    declared += size
    if (size > PACKAGE_LIMITS.fileBytes) throw new PackageError(`${name} is larger than ${PACKAGE_LIMITS.fileBytes / 1024 / 1024} MB`)
    if (declared > PACKAGE_LIMITS.totalBytes) throw new PackageError('the zip expands to more than a package may')
    if (localOffset + 30 > buffer.length || buffer.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) throw new PackageError(`the file is not a readable zip: ${name} is damaged`)
    const dataStart = localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28)
    if (dataStart + compressedSize > buffer.length) throw new PackageError(`the file is not a readable zip: ${name} is cut short`)
    if (method === 0 && compressedSize !== size) throw new PackageError(`the zip's headers do not match the content of ${name}`)
    entries.push({ name, method, compressedSize, size, dataStart })
  }
  return entries
}

/** The most an entry may inflate to: its declared size, within a file's and the package's allowance. */
const inflateCap = (entry: ZipEntry, used: number) => Math.min(entry.size, PACKAGE_LIMITS.fileBytes, PACKAGE_LIMITS.totalBytes - used)

function inflated(entry: ZipEntry, data: Buffer, used: number): Buffer {
  if (data.length !== entry.size) throw new PackageError(`the zip's headers do not match the content of ${entry.name}`)
  if (used + data.length > PACKAGE_LIMITS.totalBytes) throw new PackageError('the zip expands to more than a package may')
  return data
}

function inflateFailure(entry: ZipEntry, err: unknown): PackageError {
  if (err instanceof PackageError) return err
  // zlib stops at maxOutputLength: more bytes came out than the header declared.
  if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return new PackageError(`${entry.name} inflates to more than its header says (${entry.size} bytes); the zip is refused`)
  return new PackageError(`the file is not a readable zip: ${entry.name} cannot be inflated (${(err as Error).message})`)
}

function addEntry(files: PackageFiles, entry: ZipEntry, data: Buffer): void {
  const p = safePath(entry.name)
  if (files.has(p)) throw new PackageError(`the zip holds ${p} twice`)
  files.set(p, data)
}

/** Reads a zip synchronously (the CLI). Inflation is capped by actual bytes, like readZipAsync. */
export function readZip(buffer: Buffer): PackageFiles {
  const files: PackageFiles = new Map()
  let used = 0
  for (const entry of zipEntries(buffer)) {
    const raw = buffer.subarray(entry.dataStart, entry.dataStart + entry.compressedSize)
    let data: Buffer
    try {
      // maxOutputLength must be at least 1; an empty entry is checked by its length below.
      data = entry.method === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, inflateCap(entry, used)) })
      data = inflated(entry, data, used)
    } catch (err) {
      throw inflateFailure(entry, err)
    }
    used += data.length
    addEntry(files, entry, data)
  }
  return files
}

const inflateRaw = promisify(zlib.inflateRaw) as (buf: Buffer, options: zlib.ZlibOptions) => Promise<Buffer>

/**
 * Reads a zip for the server: entries are inflated in libuv's thread pool, one after another, each
 * capped by actual bytes, so the event loop never inflates anything itself.
 */
export async function readZipAsync(buffer: Buffer): Promise<PackageFiles> {
  const files: PackageFiles = new Map()
  let used = 0
  for (const entry of zipEntries(buffer)) {
    const raw = buffer.subarray(entry.dataStart, entry.dataStart + entry.compressedSize)
    let data: Buffer
    try {
      data = entry.method === 0 ? Buffer.from(raw) : await inflateRaw(raw, { maxOutputLength: Math.max(1, inflateCap(entry, used)) })
      data = inflated(entry, data, used)
    } catch (err) {
      throw inflateFailure(entry, err)
    }
    used += data.length
    addEntry(files, entry, data)
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

export interface ManifestResource {
  type: string
  href: string
  metadata: ItemMetadata
}

export interface Manifest {
  resources: ManifestResource[]
}

/** The resources an imsmanifest.xml lists (synchronous: the server runs it in the parse worker). */
export function readManifest(text: string): Manifest {
  const doc = parseXml(text, 'imsmanifest.xml', MANIFEST_XML_LIMITS)
  const root = doc.documentElement as unknown as Element
  const resources: ManifestResource[] = []
  for (const resource of descendants(root, 'resource')) {
    const href = attr(resource, 'href')
    if (href) resources.push({ type: attr(resource, 'type') ?? '', href, metadata: metadataFromManifest(resource) })
  }
  return { resources }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * The items of a package, with the notes an importer reports about what else it held. The manifest
 * is read off the event loop by default; scanning files without one yields between files.
 */
export async function packageItems(files: PackageFiles, read: (text: string) => Promise<Manifest> = readManifestBounded): Promise<{ entries: PackageEntry[]; notes: string[] }> {
  const notes: string[] = []
  const manifestPath = [...files.keys()].find((p) => p === 'imsmanifest.xml') ?? [...files.keys()].find((p) => p.endsWith('/imsmanifest.xml') && p.split('/').length === 2)
  const entries: PackageEntry[] = []
  if (manifestPath) {
    const base = path.posix.dirname(manifestPath) === '.' ? '' : `${path.posix.dirname(manifestPath)}/`
    const manifest = await read(files.get(manifestPath)!.toString('utf8'))
    for (const resource of manifest.resources) {
      const p = safePath(base + resource.href)
      if (resource.type.startsWith('imsqti_test_xml')) {
        notes.push(`${p}: an assessment test — its items are imported, the test's sections and order are not`)
        continue
      }
      if (!resource.type.startsWith('imsqti_item_xml')) continue
      const data = files.get(p)
      if (!data) {
        entries.push({ path: p, xml: '', metadata: {} })
        continue
      }
      entries.push({ path: p, xml: data.toString('utf8'), metadata: { ...metadataFromPath(p), ...resource.metadata } })
    }
    return { entries, notes }
  }
  for (const [p, data] of [...files.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (!p.endsWith('.xml')) continue
    await yieldToEventLoop()
    const head = data.subarray(0, 2048).toString('utf8')
    // A file larger than an item may be is listed only by its head; the parser refuses it by its size.
    const text = data.length <= ITEM_XML_LIMITS.maxBytes ? data.toString('utf8') : head
    if (!/<qti-assessment-item[\s>]/.test(head) && !/<(\w+:)?qti-assessment-item[\s>]/.test(text)) {
      if (/<qti-assessment-test[\s>]/.test(text)) notes.push(`${p}: an assessment test — its items are imported, the test structure is not`)
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

// Exported file names come from a safe form, never from raw input: an item's identifier only when it
// is a portable QTI identifier (ASCII letters, digits, _ - .), otherwise a name made from its hash.
const hashName = (prefix: string, value: string) => `${prefix}-${createHash('sha256').update(value).digest('hex').slice(0, 16)}`
const SKILL_FOLDER = /^[A-Z][A-Z0-9]{1,9}$/

/** The package folder of an item: its pool and skill (both program codes), or UNCLASSIFIED. */
export function exportFolder(pool: string, skill: string | null | undefined): string {
  return `${pool === 'practice' ? 'practice' : 'operational'}/${skill && SKILL_FOLDER.test(skill) ? skill : 'UNCLASSIFIED'}`
}

/** The identifier written to the manifest and the item's file stem. */
export const exportName = (identifier: string) => (isPortableIdentifier(identifier) ? identifier : hashName('item', identifier))

/** Where an item's XML goes in an exported package. */
export const exportItemPath = (folder: string, identifier: string) => `${folder}/${exportName(identifier)}.xml`

/** A relative path with plain segments only: no .., no absolute part, no backslash or control character. */
export function isCleanPackagePath(p: string): boolean {
  if (p.length === 0 || p.length > 500 || p.startsWith('/') || /[\\:*?"<>|]/.test(p)) return false
  for (let i = 0; i < p.length; i++) if (p.charCodeAt(i) < 0x20 || p.charCodeAt(i) === 0x7f) return false
  return p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..')
}

/** Where a figure goes: beside the item as the item's XML names it, or by its hash when that name is not a clean path. */
export function exportAssetPath(folder: string, href: string, sha256: string): string {
  const p = path.posix.normalize(`${folder}/${href}`)
  return p.startsWith(`${folder}/`) && isCleanPackagePath(p) ? p : `${folder}/figures/${/^[a-f0-9]{64}$/.test(sha256) ? sha256 : hashName('figure', sha256)}`
}

/** The items with every path made clean (a path that is not becomes a hashed name), so an export never breaks. */
function cleanItems(items: ExportItem[]): ExportItem[] {
  return items.map((it) => {
    const folder = path.posix.dirname(it.path)
    const safeFolder = isCleanPackagePath(folder) ? folder : 'operational/UNCLASSIFIED'
    return {
      ...it,
      identifier: exportName(it.identifier),
      path: isCleanPackagePath(it.path) ? it.path : exportItemPath(safeFolder, it.identifier),
      assets: it.assets.map((a) => ({ ...a, path: isCleanPackagePath(a.path) ? a.path : `${safeFolder}/figures/${hashName('figure', a.path)}` })),
    }
  })
}

export function manifestXml(items: ExportItem[]): string {
  const resources = cleanItems(items).map((it) => {
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
  for (const it of cleanItems(items)) {
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

