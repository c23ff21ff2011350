// How email leaves the server: SMTP through nodemailer when SMTP_URL is set; otherwise nodemailer
// renders the full RFC 5322 message into DATA_DIR/outbox/*.eml, so a fresh install still delivers
// password-reset links. Those files are the delivery channel and keep the links: whoever can read
// DATA_DIR is trusted like the mail server. The app's outbox page shows the record, links redacted.
import fs from 'node:fs/promises'
import path from 'node:path'
import nodemailer from 'nodemailer'

export interface OutgoingEmail {
  id: string
  to: string
  subject: string
  text: string
  attachments?: { filename: string; content: string | Buffer; contentType: string }[] | undefined
}

export interface MailTransport {
  kind: 'smtp' | 'outbox'
  deliver(email: OutgoingEmail): Promise<void>
  close(): void
}

const FROM = 'MT1 Certification <no-reply@mt1.invalid>'

export function createMailTransport(smtpUrl: string | undefined, dataDir: string): MailTransport {
  if (smtpUrl) {
    const smtp = nodemailer.createTransport(smtpUrl)
    return {
      kind: 'smtp',
      async deliver(email) {
        await smtp.sendMail({ from: FROM, to: email.to, subject: email.subject, text: email.text, attachments: email.attachments })
      },
      close: () => smtp.close(),
    }
  }
  const outbox = path.join(dataDir, 'outbox')
  const renderer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    kind: 'outbox',
    async deliver(email) {
      const info = await renderer.sendMail({
        from: FROM,
        to: email.to,
        subject: email.subject,
        text: email.text,
        attachments: email.attachments,
      })
      await fs.mkdir(outbox, { recursive: true })
      await fs.writeFile(path.join(outbox, `${email.id}.eml`), info.message as Buffer)
    },
    close: () => renderer.close(),
  }
}
