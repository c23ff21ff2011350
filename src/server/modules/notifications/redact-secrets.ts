// What the record of an email may keep: the message as sent, with every live secret taken out.
// Reset and set-password links, invitation links, API tokens and any other 256-bit secret the
// server hands out (newSecret: 43 base64url characters) are replaced, so the staff outbox, its API
// and a database dump never show a link that would let its reader act as the recipient. Only the
// delivered message (SMTP, or the .eml file under DATA_DIR/outbox) carries the link.

export const REDACTED = '[redacted]'

/** A query parameter that carries a secret: its value goes, its name stays (so staff see what kind of link it was). */
const SECRET_PARAMETER = /([?&](?:token|invite_?token|secret|key|code)=)[^\s&#"'<>]+/gi
/** An API token (mt1_ + a secret). */
const API_TOKEN = /\bmt1_[A-Za-z0-9_-]{20,}/g
/** Any bare run that looks like a generated secret: 40 or more base64url characters. */
const BARE_SECRET = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{40,}(?![A-Za-z0-9_-])/g

export function redactSecrets(text: string): string {
  return text
    .replace(SECRET_PARAMETER, (_m, name: string) => `${name}${REDACTED}`)
    .replace(API_TOKEN, `mt1_${REDACTED}`)
    .replace(BARE_SECRET, REDACTED)
}
