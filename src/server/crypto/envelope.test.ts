import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createEnvelope, KekMismatchError, kekIdOf, parseKek, SealBrokenError, type Sealed } from './envelope.js'
import { loadEnvelope, readOrCreateKekFile } from './key-encryption-key.js'

const kek = randomBytes(32)
const envelope = createEnvelope(kek, 'test')
const flip = (b64: string, at = 0) => { const b = Buffer.from(b64, 'base64'); b[at] = b[at]! ^ 1; return b.toString('base64') }

describe('envelope encryption (AES-256-GCM under the KEK)', () => {
  it('opens what it sealed, with a fresh IV each time and the KEK id recorded', () => {
    const a = envelope.seal('z3u2secret', 'issuer_keys:1')
    const b = envelope.seal('z3u2secret', 'issuer_keys:1')
    expect(a.iv).not.toBe(b.iv)
    expect(a.ciphertext).not.toBe(b.ciphertext)
    expect(a.kekId).toBe(kekIdOf(kek))
    expect(a.kekId).toMatch(/^[0-9a-f]{16}$/)
    expect(envelope.open(a, 'issuer_keys:1')).toBe('z3u2secret')
    expect(JSON.stringify(a)).not.toContain('z3u2secret')
    expect(envelope.openText(envelope.sealText('s3cret', 'lrs:9'), 'lrs:9')).toBe('s3cret')
  })

  it.each<[string, (s: Sealed) => Sealed]>([
    ['ciphertext', (s) => ({ ...s, ciphertext: flip(s.ciphertext) })],
    ['tag', (s) => ({ ...s, tag: flip(s.tag, 15) })],
    ['IV', (s) => ({ ...s, iv: flip(s.iv, 3) })],
    ['truncated tag', (s) => ({ ...s, tag: Buffer.from(s.tag, 'base64').subarray(0, 12).toString('base64') })],
    ['missing ciphertext', (s) => ({ ...s, ciphertext: '' })],
  ])('refuses a tampered %s clearly, as damage (not as a wrong KEK)', (_, tamper) => {
    const sealed = envelope.seal('secret-key', 'issuer_keys:1')
    expect(() => envelope.open(tamper(sealed), 'issuer_keys:1', 'Issuer key 1')).toThrow(SealBrokenError)
    expect(() => envelope.open(tamper(sealed), 'issuer_keys:1', 'Issuer key 1')).toThrow(/Issuer key 1 does not decrypt .*damaged, or it was copied from another row/)
  })

  it('refuses a value moved to another row (the associated data binds it to its id) or under an edited KEK id', () => {
    const sealed = envelope.seal('secret-key', 'issuer_keys:1')
    expect(() => envelope.open(sealed, 'issuer_keys:2')).toThrow(SealBrokenError)
    const other = createEnvelope(randomBytes(32), 'other')
    expect(() => envelope.open({ ...sealed, kekId: other.kekId }, 'issuer_keys:1')).toThrow(KekMismatchError)
    expect(() => envelope.openText('v1.x.y', 'lrs:1')).toThrow(SealBrokenError)
  })

  it('tells a wrong KEK apart, naming both KEK ids and where this one came from', () => {
    const sealed = envelope.seal('secret-key', 'issuer_keys:1')
    const other = createEnvelope(randomBytes(32), 'MT1_KEY_ENCRYPTION_KEY')
    let error: unknown
    try { other.open(sealed, 'issuer_keys:1', 'Issuer key 1') } catch (err) { error = err }
    expect(error).toBeInstanceOf(KekMismatchError)
    expect((error as Error).message).toContain(`Issuer key 1 is encrypted under key-encryption key ${envelope.kekId}`)
    expect((error as Error).message).toContain(`this process holds key-encryption key ${other.kekId} (MT1_KEY_ENCRYPTION_KEY)`)
    expect((error as Error).message).not.toContain(kek.toString('hex'))
  })

  it('reads a KEK as 64 hex digits or base64 of 32 bytes, and refuses anything else', () => {
    expect(parseKek(kek.toString('hex'))).toEqual(kek)
    expect(parseKek(kek.toString('base64'))).toEqual(kek)
    expect(parseKek(` ${kek.toString('base64url')}\n`)).toEqual(kek)
    for (const bad of ['', 'abc', kek.toString('hex').slice(2), randomBytes(31).toString('base64'), randomBytes(33).toString('base64'), 'x'.repeat(44), `${kek.toString('hex')}00`]) {
      expect(() => parseKek(bad), bad).toThrow(/MT1_KEY_ENCRYPTION_KEY must be 32 bytes/)
    }
    expect(() => createEnvelope(randomBytes(16), 'x')).toThrow(/32 bytes/)
  })
})

describe('the key-encryption key of a process', () => {
  it('is the environment\'s when set; otherwise one file in DATA_DIR, generated once with mode 0600 and a warning', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-kek-'))
    const warnings: string[] = []
    const log = { warn: (_: object, msg: string) => { warnings.push(msg) } }
    expect(loadEnvelope({ keyEncryptionKey: kek.toString('base64'), dataDir }, log).kekId).toBe(kekIdOf(kek))
    expect(warnings).toEqual([])
    expect(fs.existsSync(path.join(dataDir, 'key-encryption-key'))).toBe(false)

    const first = loadEnvelope({ keyEncryptionKey: undefined, dataDir }, log)
    const file = path.join(dataDir, 'key-encryption-key')
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(warnings[0]).toMatch(/MT1_KEY_ENCRYPTION_KEY is not set.*Production must set MT1_KEY_ENCRYPTION_KEY/)
    expect(loadEnvelope({ keyEncryptionKey: undefined, dataDir }, log).kekId).toBe(first.kekId)
    expect(readOrCreateKekFile(file)).toEqual(parseKek(fs.readFileSync(file, 'utf8')))
    expect(fs.readdirSync(dataDir)).toEqual(['key-encryption-key'])

    fs.writeFileSync(file, 'not a key')
    expect(() => loadEnvelope({ keyEncryptionKey: undefined, dataDir }, log)).toThrow(/key-encryption-key must be 32 bytes/)
    fs.rmSync(dataDir, { recursive: true })
  })
})
