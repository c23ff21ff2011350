// Which key-encryption key this process holds. Production sets MT1_KEY_ENCRYPTION_KEY (the same on every
// instance). Without it, `npm start` still needs no settings: the KEK is DATA_DIR/key-encryption-key,
// generated once (mode 0600), with a warning, because a second install with its own DATA_DIR would
// generate another one. Whether the KEK fits the database is checked by the owners of the sealed rows
// at start (a mismatch refuses to start, naming both KEK ids), not here.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { createEnvelope, KEK_BYTES, parseKek, type Envelope } from './envelope.js'

export const KEK_FILE = 'key-encryption-key'

export interface KekLog { warn(obj: object, msg: string): void }

export function loadEnvelope(config: { keyEncryptionKey: string | undefined; dataDir: string }, log: KekLog): Envelope {
  if (config.keyEncryptionKey !== undefined) return createEnvelope(parseKek(config.keyEncryptionKey), 'MT1_KEY_ENCRYPTION_KEY')
  const file = path.join(config.dataDir, KEK_FILE)
  const envelope = createEnvelope(readOrCreateKekFile(file), `${file}, because MT1_KEY_ENCRYPTION_KEY is not set`)
  log.warn({ kekId: envelope.kekId, file },
    'MT1_KEY_ENCRYPTION_KEY is not set: issuer keys and stored secrets are encrypted with the key in this file. ' +
    'Production must set MT1_KEY_ENCRYPTION_KEY, the same on every instance, and keep it outside the database backups.')
  return envelope
}

/**
 * The file's KEK, or a new one. Written beside the target and hard-linked into place: link() fails if
 * the name exists, so two processes starting together agree on one KEK and nobody reads half a file.
 */
export function readOrCreateKekFile(file: string): Buffer {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    fs.writeFileSync(tmp, randomBytes(KEK_BYTES).toString('base64') + '\n', { mode: 0o600, flag: 'wx' })
    try {
      fs.linkSync(tmp, file)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    } finally {
      fs.rmSync(tmp, { force: true })
    }
  }
  return parseKek(fs.readFileSync(file, 'utf8'), file)
}
