// The worker thread that does the item bank's DOM work (SVG sanitising with jsdom and DOMPurify,
// QTI items and package manifests with xmldom), so that none of it runs on the server's event loop.
// bounded-parse.ts starts it, gives it one task at a time and ends it when a task runs too long.
import { parentPort } from 'node:worker_threads'
import { loadSanitizer, sanitizeSvg } from './figures.js'
import { readManifest } from './package.js'
import { parseItemXml } from './qti/parse-item.js'
import type { ParseRequest, ParseReply } from './bounded-parse.js'

function run(request: ParseRequest): unknown {
  switch (request.kind) {
    case 'svg': {
      const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength)
      return sanitizeSvg(bytes)
    }
    case 'item':
      return parseItemXml(request.xml, { resolveAsset: (href) => `${request.placeholder}${href}` })
    case 'manifest':
      return readManifest(request.text)
  }
}

const port = parentPort
if (port) {
  port.on('message', (message: { id: number; request: ParseRequest }) => {
    let reply: ParseReply
    try {
      reply = { id: message.id, result: run(message.request) }
    } catch (err) {
      reply = { id: message.id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }
    }
    port.postMessage(reply)
  })
  // jsdom takes a second or more to load: before the first task, so no task's time limit pays for it.
  loadSanitizer()
  port.postMessage({ ready: true })
}
