// How email leaves the server: SMTP through nodemailer when SMTP_URL is set; otherwise nodemailer
// renders the full RFC 5322 message into DATA_DIR/outbox/*.eml, so a fresh install still delivers
// password-reset links. Those files are the delivery channel and keep the links: whoever can read
// DATA_DIR is trusted like the mail server. The app's outbox page shows the record, links redacted.
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Transporter } from 'nodemailer'
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js'
import type StreamTransport from 'nodemailer/lib/stream-transport/index.js'
import { lazyImport } from '../../lazy-import.js'

// nodemailer loads with the first email sent, and each transport is made then: start-up time, issue 16.
const loadNodemailer = lazyImport(async () => (await import('nodemailer')).default)

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
    let smtp: Transporter<SMTPTransport.SentMessageInfo, SMTPTransport.Options> | undefined
    return {
      kind: 'smtp',
      async deliver(email) {
        const nodemailer = await loadNodemailer()
        smtp ??= nodemailer.createTransport(smtpUrl)
        await smtp.sendMail({ from: FROM, to: email.to, subject: email.subject, text: email.text, attachments: email.attachments })
      },
      close: () => smtp?.close(),
    }
  }
  const outbox = path.join(dataDir, 'outbox')
  let renderer: Transporter<StreamTransport.SentMessageInfo, StreamTransport.Options> | undefined
  return {
    kind: 'outbox',
    async deliver(email) {
      const nodemailer = await loadNodemailer()
      renderer ??= nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
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
    close: () => renderer?.close(),
  }
}
