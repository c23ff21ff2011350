// Bounded work for the item bank's untrusted markup. Every SVG figure, QTI item and package manifest
// is first scanned on the event loop by a linear pass (markup-limits.ts: size, depth, elements,
// attribute lengths, no DTD), which refuses hostile shapes in microseconds to milliseconds. What
// passes is parsed in a worker thread (parse-worker.ts) with a time limit: the event loop only waits
// for the answer, and a parse that runs over its limit is stopped by ending the worker.
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { AppError } from '../../errors.js'
import { checkFigure, figureKind, figureSizeProblem, precheckSvg, type FigureCheck } from './figures.js'
import { checkMarkup, ITEM_XML_LIMITS, MANIFEST_XML_LIMITS } from './qti/markup-limits.js'
import type { ParseResult } from './qti/parse-item.js'
import type { Manifest } from './package.js'

export type ParseRequest =
  | { kind: 'svg'; bytes: Uint8Array }
  | { kind: 'item'; xml: string; placeholder: string }
  | { kind: 'manifest'; text: string }

export type ParseReply = { id: number; result: unknown } | { id: number; error: string }

/** How long one parse may run in the worker. Legitimate files take a few to a few hundred milliseconds. */
export const PARSE_TIME_LIMITS_MS = { svg: 15_000, item: 15_000, manifest: 15_000 }
/** Workers at most (the machine's cores are shared with the event loop), and tasks waiting at most. */
const MAX_WORKERS = 2
const MAX_WAITING = 200
/** An idle worker (jsdom holds tens of megabytes) is ended after this long. */
const IDLE_MS = 30_000
/** Memory a worker may use; a parse that needs more ends the worker, not the server. */
const WORKER_HEAP_MB = 384

export class ParseTimeout extends Error {}
export class ParseBusy extends Error {}
export class ParseFailed extends Error {}

interface Job {
  request: ParseRequest
  timeoutMs: number
  resolve(value: unknown): void
  reject(err: Error): void
}

interface Slot {
  worker: Worker
  ready: boolean
  job: Job | undefined
  timer: NodeJS.Timeout | undefined
  idleTimer: NodeJS.Timeout | undefined
}

function startWorker(): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }
  const here = import.meta.url
  if (!here.endsWith('.ts')) return new Worker(new URL('./parse-worker.js', here), options)
  // Running from the TypeScript sources (tsx, vitest): the worker loads them through tsx as well.
  const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
  const entry = new URL('./parse-worker.ts', here).href
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}) })`, { ...options, eval: true })
}

class ParsePool {
  private readonly slots = new Set<Slot>()
  private readonly idle: Slot[] = []
  private readonly waiting: Job[] = []
  private nextId = 1

  run<T>(request: ParseRequest, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.waiting.length >= MAX_WAITING) {
        reject(new ParseBusy('the server is busy checking other files'))
        return
      }
      this.waiting.push({ request, timeoutMs, resolve: resolve as (v: unknown) => void, reject })
      this.pump()
    })
  }

  private pump(): void {
    while (this.waiting.length > 0) {
      let slot = this.idle.pop()
      if (!slot) {
        if (this.slots.size >= MAX_WORKERS) return
        slot = this.spawn()
      }
      this.assign(slot, this.waiting.shift()!)
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker(), ready: false, job: undefined, timer: undefined, idleTimer: undefined }
    this.slots.add(slot)
    slot.worker.on('message', (message: { ready: true } | ParseReply) => {
      if ('ready' in message) {
        slot.ready = true
        this.send(slot)
        return
      }
      this.finish(slot, message)
    })
    slot.worker.on('error', (err) => this.drop(slot, new ParseFailed(`the parser stopped: ${err.message}`)))
    slot.worker.on('exit', () => this.drop(slot, new ParseFailed('the parser stopped')))
    return slot
  }

  private assign(slot: Slot, job: Job): void {
    slot.job = job
    if (slot.idleTimer) clearTimeout(slot.idleTimer)
    slot.idleTimer = undefined
    slot.worker.ref()
    if (slot.ready) this.send(slot)
  }

  /** Posts the slot's job; its time limit starts now, not while the worker was starting. */
  private send(slot: Slot): void {
    const job = slot.job
    if (!job || slot.timer) return
    const id = this.nextId++
    ;(job as Job & { id?: number }).id = id
    slot.timer = setTimeout(() => this.drop(slot, new ParseTimeout('the file took too long to check')), job.timeoutMs)
    slot.worker.postMessage({ id, request: job.request })
  }

  private finish(slot: Slot, reply: ParseReply): void {
    const job = slot.job as (Job & { id?: number }) | undefined
    if (!job || job.id !== reply.id) return
    clearTimeout(slot.timer)
    slot.timer = undefined
    slot.job = undefined
    if ('error' in reply) job.reject(new ParseFailed(reply.error))
    else job.resolve(reply.result)
    // An idle worker does not keep the process alive, and is ended after a while.
    slot.worker.unref()
    slot.idleTimer = setTimeout(() => this.drop(slot, undefined), IDLE_MS)
    slot.idleTimer.unref()
    this.idle.push(slot)
    this.pump()
  }

  private drop(slot: Slot, err: Error | undefined): void {
    if (!this.slots.delete(slot)) return
    const at = this.idle.indexOf(slot)
    if (at >= 0) this.idle.splice(at, 1)
    clearTimeout(slot.timer)
    clearTimeout(slot.idleTimer)
    const job = slot.job
    slot.job = undefined
    void slot.worker.terminate()
    if (job) job.reject(err ?? new ParseFailed('the parser stopped'))
    this.pump()
  }
}

const pool = new ParsePool()

/** Why a worker task gave no answer, in words for the person who sent the file. */
function failure(err: unknown, what: string, limitMs: number): string {
  if (err instanceof ParseBusy) throw new AppError('RATE_LIMITED', 'The server is busy checking other files; try again in a moment.', { retryAfterSeconds: 5 })
  if (err instanceof ParseTimeout) return `${what} took more than ${limitMs / 1000} seconds to check`
  return `${what} could not be read (${(err as Error).message})`
}

/**
 * checkFigure off the event loop: PNG, JPEG and GIF are told by their first bytes here; an SVG is
 * scanned here and sanitised in the worker, within its time limit.
 */
export async function checkFigureBounded(input: Buffer, fileName: string): Promise<FigureCheck> {
  const sizeProblem = figureSizeProblem(input)
  if (sizeProblem) return sizeProblem
  if (figureKind(input, fileName) !== 'svg') return checkFigure(input, fileName)
  const refused = precheckSvg(input)
  if (refused) return refused
  try {
    const result = await pool.run<FigureCheck>({ kind: 'svg', bytes: new Uint8Array(input) }, PARSE_TIME_LIMITS_MS.svg)
    if (!result.ok) return result
    return { ...result, bytes: Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength) }
  } catch (err) {
    return { ok: false, reason: failure(err, 'the SVG', PARSE_TIME_LIMITS_MS.svg), ...(err instanceof ParseTimeout ? { limit: 'time' as const } : {}) }
  }
}

/** Parses one QTI item in the worker. Figures come back as `placeholder + href` for the caller to resolve. */
export async function parseItemBounded(xml: string, placeholder: string): Promise<ParseResult> {
  const check = checkMarkup(xml, ITEM_XML_LIMITS, 'the item')
  if (!check.ok) return { ok: false, identifier: undefined, reason: check.reason }
  try {
    return await pool.run<ParseResult>({ kind: 'item', xml, placeholder }, PARSE_TIME_LIMITS_MS.item)
  } catch (err) {
    return { ok: false, identifier: undefined, reason: failure(err, 'the item', PARSE_TIME_LIMITS_MS.item) }
  }
}

/** Reads a package's imsmanifest.xml in the worker; throws with the reason when it cannot. */
export async function readManifestBounded(text: string): Promise<Manifest> {
  const check = checkMarkup(text, MANIFEST_XML_LIMITS, 'imsmanifest.xml')
  if (!check.ok) throw new ParseFailed(check.reason)
  try {
    return await pool.run<Manifest>({ kind: 'manifest', text }, PARSE_TIME_LIMITS_MS.manifest)
  } catch (err) {
    throw new ParseFailed(failure(err, 'imsmanifest.xml', PARSE_TIME_LIMITS_MS.manifest))
  }
}
