// The printable roster: a table of candidates, modules, registration status, accommodations and a
// column for the proctor's check-in initials, with page breaks that repeat the header.
import { loadPdfKit } from '../results/pdf-document.js'

export interface RosterPdfInput {
  title: string
  subtitle: string
  rows: { name: string; email: string; modules: string; status: string; accommodations: string }[]
}

const COLUMNS = [
  { label: 'Candidate', width: 150 },
  { label: 'Modules', width: 70 },
  { label: 'Registration', width: 75 },
  { label: 'Accommodations', width: 150 },
  { label: 'Photo ID / initials', width: 85 },
]

export async function rosterPdf(input: RosterPdfInput): Promise<Buffer> {
  const PDFDocument = await loadPdfKit()
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 40, info: { Title: input.title, Subject: input.subtitle } })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)

    doc.font('Helvetica-Bold').fontSize(16).text(input.title)
    doc.font('Helvetica').fontSize(10).fillColor('#333333').text(input.subtitle).moveDown(0.8)
    const left = doc.page.margins.left
    const header = () => {
      let x = left
      const y = doc.y
      doc.font('Helvetica-Bold').fontSize(9).fillColor('#000000')
      for (const c of COLUMNS) {
        doc.text(c.label, x, y, { width: c.width - 6 })
        x += c.width
      }
      doc.moveTo(left, doc.y + 2).lineTo(left + COLUMNS.reduce((s, c) => s + c.width, 0), doc.y + 2).stroke()
      doc.y += 6
    }
    header()
    doc.font('Helvetica').fontSize(9)
    for (const row of input.rows) {
      const cells = [`${row.name}\n${row.email}`, row.modules, row.status.replace('_', ' '), row.accommodations || '—', '']
      const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: COLUMNS[i]!.width - 6 }))) + 8
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
        doc.addPage()
        header()
        doc.font('Helvetica').fontSize(9)
      }
      const y = doc.y
      let x = left
      cells.forEach((c, i) => {
        doc.text(c, x, y, { width: COLUMNS[i]!.width - 6 })
        x += COLUMNS[i]!.width
      })
      doc.y = y + height
      doc.moveTo(left, doc.y - 3).lineTo(left + COLUMNS.reduce((s, c) => s + c.width, 0), doc.y - 3).strokeColor('#cccccc').stroke().strokeColor('#000000')
    }
    if (input.rows.length === 0) doc.text('No candidates are registered.', left)
    doc.end()
  })
}
