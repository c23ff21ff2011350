// Envelope encryption of the secrets the database holds (issuer signing keys, LRS secrets): AES-256-GCM
// under one key-encryption key (KEK) that never enters the database. Each sealed value records the
// KEK's id (a fingerprint), so a process holding another KEK says so instead of reporting corruption,
// and a KEK rotation can tell which rows still need re-encrypting. The associated data names what the
// value is and whose it is (`issuer_keys:<id>`), so a ciphertext copied onto another row fails to open.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

export const KEK_BYTES = 32
const IV_BYTES = 12
const TAG_BYTES = 16

/** One sealed value, each part base64 (text columns read the same on SQLite and PostgreSQL). */
export interface Sealed {
  kekId: string
  iv: string
  tag: string
  ciphertext: string
}

/** The value was sealed under another KEK than the one this process holds. */
export class KekMismatchError extends Error {
  constructor(readonly sealedKekId: string, readonly processKekId: string, what: string, source: string) {
    super(`${what} is encrypted under key-encryption key ${sealedKekId}, but this process holds key-encryption key ${processKekId} (${source}). ` +
      'Set MT1_KEY_ENCRYPTION_KEY to the key the other instances use.')
    this.name = 'KekMismatchError'
  }
}

/** The KEK matches but the value does not open: its ciphertext, IV, tag or associated data was altered. */
export class SealBrokenError extends Error {
  constructor(what: string, kekId: string) {
    super(`${what} does not decrypt under key-encryption key ${kekId} although the key ids match: the stored ciphertext, IV or tag is damaged, or it was copied from another row.`)
    this.name = 'SealBrokenError'
  }
}

/**
 * A KEK as the environment gives it: 32 bytes, as 64 hex digits or base64 (standard or url-safe,
 * padding optional). Anything else is refused with the setting named, never guessed at.
 */
export function parseKek(text: string, name = 'MT1_KEY_ENCRYPTION_KEY'): Buffer {
  const value = text.trim()
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex')
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(value)) {
    const bytes = Buffer.from(value.replaceAll('-', '+').replaceAll('_', '/'), 'base64')
    if (bytes.length === KEK_BYTES) return bytes
  }
  throw new Error(`${name} must be 32 bytes, written as 64 hex digits or as base64 (e.g. the output of \`openssl rand -base64 32\`).`)
}

/** A KEK's public name: a domain-separated SHA-256 prefix, which tells KEKs apart and reveals nothing of them. */
export function kekIdOf(kek: Buffer): string {
  return createHash('sha256').update('mt1 key-encryption key id\0').update(kek).digest('hex').slice(0, 16)
}

export interface Envelope {
  readonly kekId: string
  /** Where this KEK came from, for messages: the setting or the file that held it. */
  readonly source: string
  seal(plaintext: string, context: string): Sealed
  /** Opens a value sealed under this KEK for the same context; throws KekMismatchError or SealBrokenError. */
  open(sealed: Sealed, context: string, what?: string): string
  /** One text column: `v1.<kekId>.<iv>.<tag>.<ciphertext>`. */
  sealText(plaintext: string, context: string): string
  openText(text: string, context: string, what?: string): string
}

// The KEK id is bound into the associated data too, so editing a row's kek id is caught as well.
const associatedData = (kekId: string, context: string) => Buffer.from(`mt1-envelope-v1\0${kekId}\0${context}`, 'utf8')

export function createEnvelope(kek: Buffer, source: string): Envelope {
  if (kek.length !== KEK_BYTES) throw new Error(`A key-encryption key is ${KEK_BYTES} bytes, got ${kek.length}.`)
  const kekId = kekIdOf(kek)

  function seal(plaintext: string, context: string): Sealed {
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv('aes-256-gcm', kek, iv, { authTagLength: TAG_BYTES })
    cipher.setAAD(associatedData(kekId, context))
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
    return { kekId, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') }
  }

  function open(sealed: Sealed, context: string, what = context): string {
    if (sealed.kekId !== kekId) throw new KekMismatchError(sealed.kekId, kekId, what, source)
    const iv = Buffer.from(sealed.iv, 'base64')
    const tag = Buffer.from(sealed.tag, 'base64')
    // A short tag would weaken GCM's check (Node accepts 4..16 bytes unless told): only full ones open.
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SealBrokenError(what, kekId)
    try {
      const decipher = createDecipheriv('aes-256-gcm', kek, iv, { authTagLength: TAG_BYTES })
      decipher.setAAD(associatedData(kekId, context))
      decipher.setAuthTag(tag)
      return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8')
    } catch {
      throw new SealBrokenError(what, kekId)
    }
  }

  return {
    kekId,
    source,
    seal,
    open,
    sealText(plaintext, context) {
      const s = seal(plaintext, context)
      return ['v1', s.kekId, s.iv, s.tag, s.ciphertext].join('.')
    },
    openText(text, context, what = context) {
      const parts = text.split('.')
      if (parts.length !== 5 || parts[0] !== 'v1') throw new SealBrokenError(what, kekId)
      return open({ kekId: parts[1]!, iv: parts[2]!, tag: parts[3]!, ciphertext: parts[4]! }, context, what)
    },
  }
}

/** The KEK id a one-column sealed value was written under, or undefined for text that is not one. */
export function sealedTextKekId(text: string): string | undefined {
  const parts = text.split('.')
  return parts.length === 5 && parts[0] === 'v1' ? parts[1] : undefined
}
