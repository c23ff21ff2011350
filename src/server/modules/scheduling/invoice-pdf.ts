// The printable invoice: the program's name, the invoice's number and status, bill-to, its lines and
// total, and how it was settled (payment reference, or the void reason). A tagged PDF like the
// candidate's documents, so a screen reader reads it in order.
import { formatMoney } from '../../../common/rules/fees.js'
import type { InvoiceDetail } from '../../../common/schemas/payments.js'
import { MUTED, NAVY, TEXT, printedDate, renderPdf } from '../results/pdf-document.js'

const STATUS_TEXT: Record<InvoiceDetail['status'], string> = { open: 'Open: payment due', paid: 'Paid', void: 'Void' }

const COLUMNS = [
  { label: 'Description', width: 262, align: 'left' as const },
  { label: 'Quantity', width: 60, align: 'right' as const },
  { label: 'Unit price', width: 90, align: 'right' as const },
  { label: 'Amount', width: 100, align: 'right' as const },
]

export function invoicePdf(input: { programName: string; invoice: InvoiceDetail }): Promise<Buffer> {
  const { invoice } = input
  const money = (cents: number) => formatMoney(cents, invoice.currency)
  const title = `Invoice ${invoice.number ?? invoice.id}`
  return renderPdf({ title, subject: `${input.programName}: ${title}` }, (pdf) => {
    const { doc } = pdf
    const left = doc.page.margins.left
    pdf.tag('P', () => doc.font('Helvetica-Bold').fontSize(11).fillColor(NAVY).text(`Manufacturing Skills Institute · ${input.programName}`))
    pdf.tag('H1', () => doc.font('Helvetica-Bold').fontSize(22).fillColor(TEXT).text(title))
    doc.moveDown(0.4)
    const facts: [string, string][] = [
      ['Status', STATUS_TEXT[invoice.status]],
      ['Issued', printedDate(invoice.issuedAt)],
      ['For', invoice.subject === 'voucher_batch' ? 'Voucher batch' : invoice.subject === 'enrolment' ? 'Training enrolment' : 'Registration fee'],
    ]
    if (invoice.paidAt) facts.push(['Paid', printedDate(invoice.paidAt)])
    if (invoice.paymentReference) facts.push(['Payment reference', invoice.paymentReference])
    if (invoice.status === 'void' && invoice.voidReason) facts.push(['Void because', invoice.voidReason])
    for (const [label, value] of facts) {
      pdf.tag('P', () => doc.font('Helvetica-Bold').fontSize(11).fillColor(TEXT).text(`${label}: `, { continued: true }).font('Helvetica').text(value))
    }

    doc.moveDown(0.8)
    pdf.tag('H2', () => doc.font('Helvetica-Bold').fontSize(13).fillColor(TEXT).text('Bill to'))
    const billTo = [invoice.billTo.organization, invoice.billTo.name !== invoice.billTo.organization ? invoice.billTo.name : null, invoice.billTo.email || null].filter(Boolean).join('\n')
    pdf.tag('P', () => doc.font('Helvetica').fontSize(11).fillColor(TEXT).text(billTo || '—'))

    doc.moveDown(0.8)
    pdf.tag('H2', () => doc.font('Helvetica-Bold').fontSize(13).fillColor(TEXT).text('Lines'))
    doc.moveDown(0.3)
    const row = (cells: string[], bold: boolean) => {
      const y = doc.y
      let x = left
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10).fillColor(TEXT)
      const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: COLUMNS[i]!.width - 8 })))
      cells.forEach((c, i) => {
        doc.text(c, x, y, { width: COLUMNS[i]!.width - 8, align: COLUMNS[i]!.align })
        x += COLUMNS[i]!.width
      })
      doc.x = left
      doc.y = y + height + 6
    }
    const width = COLUMNS.reduce((s, c) => s + c.width, 0)
    const rule = () => pdf.artifact(() => doc.moveTo(left, doc.y - 3).lineTo(left + width, doc.y - 3).strokeColor('#9aa5b4').stroke().strokeColor('#000000'))
    // Each row is one paragraph in reading order (its cells left to right); the rules are decoration.
    pdf.tag('P', () => row(COLUMNS.map((c) => c.label), true))
    rule()
    for (const line of invoice.lines) pdf.tag('P', () => row([line.description, String(line.quantity), money(line.unitCents), money(line.amountCents)], false))
    rule()
    pdf.tag('P', () => row(['Total', '', '', money(invoice.amountCents)], true))

    doc.moveDown(1.2)
    pdf.tag('P', () =>
      doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(
        invoice.status === 'open'
          ? `Please quote ${invoice.number ?? invoice.id} with your payment. Payment is by check or bank transfer to the Manufacturing Skills Institute; cards are not taken.`
          : `This invoice is ${invoice.status === 'paid' ? 'paid' : 'void'}; no payment is due.`,
        left,
      ),
    )
  })
}
