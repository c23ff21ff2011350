// What the candidate's PDFs (score report, certificate) share: a tagged PDF with a title and a
// language, so screen readers read real text in order and skip decoration; the brand colours; dates.
import { lazyImport } from '../../lazy-import.js'

export const NAVY = '#1b3a5c'
export const AMBER = '#b45309'
export const MUTED = '#4a5566'
export const TEXT = '#1a2330'

// pdfkit (with fontkit and its fonts) loads with the first PDF drawn, not at start: start-up time,
// issue 16. Every module that draws a PDF gets it here.
export const loadPdfKit = lazyImport(async () => (await import('pdfkit')).default)

type Doc = PDFKit.PDFDocument
type Struct = PDFKit.PDFStructureElement

export interface TaggedPdf {
  doc: Doc
  /** The document's root structure element: add headings, paragraphs and figures to it in reading order. */
  root: Struct
  /** Adds a structure element (H1, H2, P, …) whose content `draw` puts on the page. */
  tag(type: string, draw: () => void, options?: { alt?: string }): void
  /** Draws decoration that assistive technology should skip. */
  artifact(draw: () => void): void
}

/** Renders a tagged PDF/1.7 document; `draw` lays out the pages. */
export async function renderPdf(
  options: { title: string; subject: string; layout?: 'portrait' | 'landscape'; margin?: number },
  draw: (pdf: TaggedPdf) => void,
): Promise<Buffer> {
  const PDFDocument = await loadPdfKit()
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'LETTER', layout: options.layout ?? 'portrait', margin: options.margin ?? 50,
      pdfVersion: '1.7', tagged: true, lang: 'en-US', displayTitle: true,
      info: { Title: options.title, Subject: options.subject, Author: 'Manufacturing Skills Institute' },
    })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)

    const root = doc.struct('Document')
    doc.addStructure(root)
    const pdf: TaggedPdf = {
      doc,
      root,
      tag(type, content, opts) {
        root.add(doc.struct(type, opts ?? {}, content))
      },
      artifact(content) {
        doc.markContent('Artifact', { type: 'Layout' })
        content()
        doc.endMarkedContent()
      },
    }
    try {
      draw(pdf)
      root.end()
      doc.end()
    } catch (err) {
      reject(err)
    }
  })
}

const longDate = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })

/** "March 5, 2026" from a date (YYYY-MM-DD) or a timestamp, read in UTC like every stored date. */
export function printedDate(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)
  return Number.isNaN(date.getTime()) ? iso : longDate.format(date)
}

/** A percent as stored (already truncated to two decimals), without trailing zeros: 70.83%, 75%. */
