// The printable certificate (landscape letter): the institute, the holder, the credential, the date it
// was issued and its number, and a QR code to the public registry page where anyone can verify it.
// The registry address is printed too, for those who cannot scan.
import { drawQr, qrRuns } from './qr-vector.js'
import { AMBER, MUTED, NAVY, TEXT, printedDate, renderPdf } from './pdf-document.js'

export interface CertificateInput {
  holderName: string
  /** "Math and Measurement (MM) Certificate", "Manufacturing Specialist (MS) Certification". */
  credentialTitle: string
  /** What the credential is, under its title. */
  credentialNote: string
  issuedOn: string
  certificateNumber: string
  verifyUrl: string
}

export async function certificatePdf(input: CertificateInput): Promise<Buffer> {
  const qr = await qrRuns(input.verifyUrl)
  const title = `${input.credentialTitle}: ${input.holderName} (${input.certificateNumber})`
  return renderPdf({ title, subject: `Certificate ${input.certificateNumber}, verify at ${input.verifyUrl}`, layout: 'landscape', margin: 60 }, (pdf) => {
    const { doc } = pdf
    const { width, height } = doc.page
    const centered = { width: width - 120, align: 'center' as const }

    pdf.artifact(() => {
      doc.rect(24, 24, width - 48, height - 48).lineWidth(4).stroke(NAVY)
      doc.rect(34, 34, width - 68, height - 68).lineWidth(1).stroke(AMBER)
    })

    pdf.tag('P', () => doc.font('Helvetica-Bold').fontSize(18).fillColor(NAVY).text('Manufacturing Skills Institute', 60, 70, centered))
    pdf.tag('P', () => doc.font('Times-Italic').fontSize(15).fillColor(MUTED).text('This certifies that', 60, 130, centered))
    pdf.tag('H1', () => doc.font('Times-Bold').fontSize(34).fillColor(TEXT).text(input.holderName, 60, 158, centered))
    pdf.artifact(() => doc.moveTo(width / 2 - 180, 204).lineTo(width / 2 + 180, 204).lineWidth(0.75).stroke(AMBER))
    pdf.tag('P', () => doc.font('Times-Italic').fontSize(15).fillColor(MUTED).text('has earned the', 60, 218, centered))
    pdf.tag('H2', () => doc.font('Helvetica-Bold').fontSize(24).fillColor(NAVY).text(input.credentialTitle, 60, 246, centered))
    pdf.tag('P', () => doc.font('Helvetica').fontSize(11).fillColor(MUTED).text(input.credentialNote, 60, doc.y + 6, centered))

    // Bottom left: the date and the number; bottom right: the QR code and the address it opens.
    const qrSize = 112
    const qrX = width - 60 - qrSize
    const qrY = height - 60 - qrSize
    pdf.tag('P', () => doc.font('Helvetica').fontSize(11).fillColor(MUTED).text('Issued', 70, qrY + 8))
    pdf.tag('P', () => doc.font('Helvetica-Bold').fontSize(14).fillColor(TEXT).text(printedDate(input.issuedOn), 70, doc.y + 2))
    pdf.tag('P', () => doc.font('Helvetica').fontSize(11).fillColor(MUTED).text('Certificate number', 70, doc.y + 10))
    pdf.tag('P', () => doc.font('Courier-Bold').fontSize(14).fillColor(TEXT).text(input.certificateNumber, 70, doc.y + 2))

    pdf.tag('Figure', () => drawQr(doc, qr, qrX, qrY, qrSize), { alt: `QR code that opens ${input.verifyUrl}` })
    doc.link(qrX, qrY, qrSize, qrSize, input.verifyUrl)
    const captionX = qrX - 260
    pdf.tag('P', () => doc.font('Helvetica').fontSize(9).fillColor(MUTED).text('Verify this certificate in the national certificant registry:', captionX, qrY + 60, { width: 250, align: 'right' }))
    pdf.tag('P', () => doc.font('Helvetica').fontSize(9).fillColor(NAVY).text(input.verifyUrl, captionX, doc.y + 2, { width: 250, align: 'right', link: input.verifyUrl, underline: true }))
  })
}
