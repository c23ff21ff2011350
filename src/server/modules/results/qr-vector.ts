// A QR code drawn as vector rectangles (no raster image): sharp at any print size and small. Dark
// modules are merged into horizontal runs, each one `re` operation in the page's content.
import { lazyImport } from '../../lazy-import.js'

// qrcode (with pngjs) loads with the first certificate drawn, not at start: start-up time, issue 16.
const loadQrCode = lazyImport(() => import('qrcode'))

export interface QrRuns {
  /** Modules per side, without the quiet zone. */
  size: number
  /** Dark runs as [column, row, length] in module units. */
  runs: [number, number, number][]
}

/** The QR code of `text` (error correction M: survives a worn or creased printout) as dark runs. */
export async function qrRuns(text: string): Promise<QrRuns> {
  const QRCode = await loadQrCode()
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const runs: [number, number, number][] = []
  for (let row = 0; row < modules.size; row++) {
    let start = -1
    for (let col = 0; col <= modules.size; col++) {
      const dark = col < modules.size && modules.get(row, col) === 1
      if (dark && start < 0) start = col
      if (!dark && start >= 0) {
        runs.push([start, row, col - start])
        start = -1
      }
    }
  }
  return { size: modules.size, runs }
}

/**
 * Draws the code (qrRuns) with its four-module quiet zone in a white square of `width` points at (x, y).
 * The runs are drawn in module units under a scale, so the content holds exactly the code's runs.
 */
export function drawQr(doc: PDFKit.PDFDocument, { size, runs }: QrRuns, x: number, y: number, width: number): void {
  const unit = width / (size + 8)
  doc.save()
  doc.rect(x, y, width, width).fill('#ffffff')
  doc.translate(x + 4 * unit, y + 4 * unit).scale(unit)
  for (const [col, row, length] of runs) doc.rect(col, row, length, 1)
  doc.fill('#000000')
  doc.restore()
}
