// The session report a proctor files when closing a session: attendance (who was checked in, what
// each candidate sat and how it ended), irregularities (pauses, added time, focus lost, device moves,
// voids) and incident reports.
import { DateTime } from 'luxon'
import { formatZonedShort } from '../../../common/time-zones.js'
import { loadPdfKit } from '../results/pdf-document.js'

export interface SessionReportInput {
  title: string
  subtitle: string
  generatedAt: string
  /** The center's IANA zone: every time in the report is the time at the center, with its abbreviation. */
  timeZone: string
  candidates: {
    name: string
    checkedInAt: string | null
    accommodations: string
    attempts: { module: string; status: string; startedAt: string; submittedAt: string | null; answered: number; total: number; events: { kind: string; at: string; reason: string | null }[] }[]
  }[]
  incidents: { category: string; occurredAt: string; endedAt: string | null; narrative: string; actionTaken: string; automatic: boolean }[]
}

/** Events that are part of an ordinary sitting; everything else is an irregularity worth reporting. */
const ORDINARY = new Set(['started', 'submitted'])

export async function sessionReportPdf(input: SessionReportInput): Promise<Buffer> {
  const PDFDocument = await loadPdfKit()
  // "9:05 AM CDT": the day is the session's, in the subtitle.
  const time = (iso: string | null) => (iso ? DateTime.fromISO(iso, { zone: 'utc' }).setZone(input.timeZone).setLocale('en-US').toFormat('h:mm a ZZZZ') : '—')
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 50, info: { Title: input.title, Subject: input.subtitle } })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)

    doc.font('Helvetica-Bold').fontSize(16).text(input.title)
    doc.font('Helvetica').fontSize(10).fillColor('#333333').text(input.subtitle).text(`Generated ${formatZonedShort(input.generatedAt, input.timeZone)}`).fillColor('#000000').moveDown()

    const present = input.candidates.filter((c) => c.checkedInAt)
    doc.font('Helvetica-Bold').fontSize(13).text(`Attendance: ${present.length} of ${input.candidates.length} registered candidates checked in`).moveDown(0.4)
    for (const c of input.candidates) {
      doc.font('Helvetica-Bold').fontSize(10).text(`${c.name}`, { continued: true }).font('Helvetica').text(c.checkedInAt ? `  checked in ${time(c.checkedInAt)}` : '  absent (not checked in)')
      if (c.accommodations) doc.fontSize(9).fillColor('#333333').text(`Accommodations: ${c.accommodations}`).fillColor('#000000')
      for (const a of c.attempts) {
        doc.fontSize(9).text(`${a.module}: ${a.status.replace('_', ' ')}, started ${time(a.startedAt)}, ${a.submittedAt ? `submitted ${time(a.submittedAt)}` : 'not submitted'}, ${a.answered} of ${a.total} answered`, { indent: 14 })
        for (const e of a.events.filter((ev) => !ORDINARY.has(ev.kind))) {
          doc.fillColor('#333333').text(`${time(e.at)}  ${e.kind.replace(/_/g, ' ')}${e.reason ? `: ${e.reason}` : ''}`, { indent: 28 }).fillColor('#000000')
        }
      }
      doc.moveDown(0.3)
    }
    if (input.candidates.length === 0) doc.font('Helvetica').fontSize(10).text('No confirmed candidates.')

    doc.moveDown().font('Helvetica-Bold').fontSize(13).text(`Incidents (${input.incidents.length})`).moveDown(0.4)
    for (const i of input.incidents) {
      doc.font('Helvetica-Bold').fontSize(10).text(`${time(i.occurredAt)}${i.endedAt ? `–${time(i.endedAt)}` : ''}  ${i.category.replace(/_/g, ' ')}${i.automatic ? ' (recorded automatically)' : ''}`)
      doc.font('Helvetica').fontSize(9).text(i.narrative, { indent: 14 }).text(`Action taken: ${i.actionTaken}`, { indent: 14 }).moveDown(0.3)
    }
    if (input.incidents.length === 0) doc.font('Helvetica').fontSize(10).text('No incidents were reported.')

    doc.moveDown(2).font('Helvetica').fontSize(10).text('Proctor signature: ______________________________    Date: ______________')
    doc.end()
  })
}
