// Issuer signing keys in the database under a key-encryption key (issue 16): a fresh start generates
// one key in the database and none on disk; the file keys of before are imported once with their ids
// (credentials they signed still verify), also when two processes start together; instances on one
// database with their own DATA_DIRs and the same KEK sign with the same key and see a rotation at once;
// a wrong KEK refuses to start, names both KEK ids and changes nothing; LRS secrets are sealed too.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes, randomUUID } from 'node:crypto'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import * as vc from '@digitalbazaar/vc'
import type { FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/server/app.js'
import { loadConfig } from '../../src/server/config.js'
import { kekIdOf, parseKek } from '../../src/server/crypto/envelope.js'
import { openDatabase } from '../../src/server/db/database.js'
import { migrateToLatest } from '../../src/server/db/migrate.js'
import { VC_V2_CONTEXT } from '../../src/server/modules/credentials/contexts/index.js'
import { createDocumentLoader } from '../../src/server/modules/credentials/document-loader.js'
import type { IssuerKey } from '../../src/server/modules/credentials/issuer-key.js'
import { keysCommand } from '../../src/cli/keys.js'
import { call } from '../helpers/http-client.js'
import { credentialVerifier, suite } from '../helpers/credential-verifier.js'
import { databases, removeTestStorage, testClock, TEST_KEK } from '../helpers/test-app.js'

const ISSUER = 'http://mt1.test/api/v1/issuer'
const keyUrl = (id: string) => `${ISSUER}/keys/${id}`
/** Each test starts several apps (a few seconds each on a busy machine). */
const TIMEOUT = 300_000
const otherKek = () => randomBytes(32).toString('hex')

describe.each(databases)('issuer keys under a key-encryption key on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
  })

  /** A database (fresh SQLite file in dataDir, or a fresh PostgreSQL schema) that apps can share. */
  function storage() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-keys-'))
    const schema = kind === 'postgres' ? `keys_${randomBytes(5).toString('hex')}` : undefined
    cleanups.push(() => removeTestStorage(dataDir, schema))
    return { dataDir, schema }
  }

  /**
   * Migrated first, as `mt1 migrate` would: two processes migrating one fresh database at once is
   * another matter (PostgreSQL's CREATE SCHEMA IF NOT EXISTS, SQLite's unlocked migrator); the race
   * tested here is over the keys.
   */
  async function migrated(db: { dataDir: string; schema: string | undefined }) {
    const handle = await openDatabase({ dataDir: db.dataDir, databaseUrl: kind === 'postgres' ? process.env.TEST_DATABASE_URL : undefined, databaseSchema: db.schema })
    await migrateToLatest(handle)
    await handle.close()
  }

  const clock = testClock()
  const open: FastifyInstance[] = []
  /** An app, as a server process would be, on a database and a DATA_DIR, with the given KEK (undefined: none set). */
  async function appOn(db: { dataDir: string; schema: string | undefined }, kek: string | undefined, dataDir = db.dataDir) {
    const config = loadConfig(
      { DATA_DIR: dataDir, MT1_DEMO: '0', PUBLIC_URL: 'http://mt1.test', ...(kek ? { MT1_KEY_ENCRYPTION_KEY: kek } : {}) },
      { databaseUrl: kind === 'postgres' ? process.env.TEST_DATABASE_URL : undefined, databaseSchema: db.schema, logLevel: 'silent' },
    )
    // Two starting together: one waits for the other's migration lock, which on a loaded machine can
    // outlast the client's read timeout (statement timeout + 5 s) and end its connection; no limit here.
    config.databaseTimeouts = { ...config.databaseTimeouts, queryMs: 0 }
    const app = await buildApp(config, { logger: false, clock })
    open.push(app)
    cleanups.push(async () => { if (open.includes(app)) await close(app) })
    return app
  }
  async function close(app: FastifyInstance) {
    open.splice(open.indexOf(app), 1)
    await app.close()
  }

  const keyRows = (app: FastifyInstance) => app.db.selectFrom('issuer_keys').selectAll().orderBy('created_at').orderBy('id').execute()

  /** The signed status list the app serves, and the key that signed it. */
  async function statusList(app: FastifyInstance) {
    const res = await call(app, 'GET', '/api/v1/credentials/status/1')
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json() as { proof: { verificationMethod: string } }
    return { body, signedWith: body.proof.verificationMethod }
  }

  async function verifiedBy(app: FastifyInstance, credential: object) {
    const { verifierLoader } = credentialVerifier(() => app, [])
    return vc.verifyCredential({ credential, suite, documentLoader: verifierLoader(), checkStatus: async () => ({ verified: true }) })
  }

  it('generates one key on a fresh start, in the database and not on disk, under a KEK file made once (0600) when no KEK is set', async () => {
    const db = storage()
    const app = await appOn(db, undefined)
    const rows = await keyRows(app)
    expect(rows).toHaveLength(1)
    expect(rows[0]!.retired_at).toBeNull()
    expect(fs.existsSync(path.join(db.dataDir, 'issuer-keys'))).toBe(false)
    const kekFile = path.join(db.dataDir, 'key-encryption-key')
    expect(fs.statSync(kekFile).mode & 0o777).toBe(0o600)
    expect(rows[0]!.kek_id).toBe(kekIdOf(parseKek(fs.readFileSync(kekFile, 'utf8'))))
    // The secret opens under the KEK, and no column holds it (nor the KEK) in clear.
    const secret = (await app.services.credentials.keys.withSecret(rows[0]!.id))!.secretKeyMultibase
    expect(secret).toMatch(/^z/)
    const stored = JSON.stringify(rows[0])
    expect(stored).not.toContain(secret)
    expect(stored).not.toContain(fs.readFileSync(kekFile, 'utf8').trim())
    // New credentials are signed with it, and verify against what the routes publish.
    const { body, signedWith } = await statusList(app)
    expect(signedWith).toBe(keyUrl(rows[0]!.id))
    expect((await verifiedBy(app, body)).verified).toBe(true)

    // A restart generates nothing more.
    await close(app)
    const again = await appOn(db, undefined)
    expect((await keyRows(again)).map((r) => r.id)).toEqual([rows[0]!.id])
  }, TIMEOUT)

  it('imports the file keys of before once, ids and dates kept, when two processes start together; credentials they signed still verify', async () => {
    const db = storage()
    const dir = path.join(db.dataDir, 'issuer-keys')
    fs.mkdirSync(dir, { mode: 0o700 })
    const fileKey = async (id: string, createdAt: string, retiredAt: string | null): Promise<IssuerKey> => {
      const pair = await Ed25519Multikey.generate()
      const key = { id, publicKeyMultibase: pair.publicKeyMultibase, secretKeyMultibase: pair.secretKeyMultibase!, createdAt, retiredAt }
      fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify(key, null, 2) + '\n', { mode: 0o600 })
      return key
    }
    const oldest = await fileKey('20250101-0000aaaa', '2025-01-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z')
    // Two unretired keys: what two first starts racing left in the file store (the newest signed).
    const raced = await fileKey('20250301-0000bbbb', '2025-03-01T00:00:00.000Z', null)
    const newest = await fileKey('20250601-0000cccc', '2025-06-01T00:00:00.000Z', null)

    // A credential each old key signed, as the file store's process signed them.
    const signedBefore = async (key: IssuerKey) => {
      const pair = await Ed25519Multikey.from({ type: 'Multikey', id: keyUrl(key.id), controller: ISSUER, publicKeyMultibase: key.publicKeyMultibase, secretKeyMultibase: key.secretKeyMultibase })
      const credential = { '@context': [VC_V2_CONTEXT], type: ['VerifiableCredential'], issuer: ISSUER, validFrom: '2025-07-01T00:00:00Z', credentialSubject: { id: `urn:uuid:${randomUUID()}` } }
      return vc.issue({ credential, suite: new DataIntegrityProof({ signer: pair.signer(), cryptosuite }), documentLoader: createDocumentLoader() })
    }
    const before = await Promise.all([oldest, raced, newest].map(signedBefore))

    await migrated(db)
    const [a, b] = await Promise.all([appOn(db, TEST_KEK), appOn(db, TEST_KEK)])
    const rows = await keyRows(a)
    expect(rows.map((r) => [r.id, r.created_at, r.public_key_multibase])).toEqual([oldest, raced, newest].map((k) => [k.id, k.createdAt, k.publicKeyMultibase]))
    expect(rows[0]!.retired_at).toBe(oldest.retiredAt)
    expect(rows[1]!.retired_at).not.toBeNull()
    expect(rows[2]!.retired_at).toBeNull()
    // The files are set aside, renamed, not deleted; none is read as a key again.
    expect(fs.readdirSync(dir).sort()).toEqual([oldest, raced, newest].map((k) => `${k.id}.json.imported`))
    for (const credential of before) {
      expect((await verifiedBy(a, credential)).verified).toBe(true)
      expect((await verifiedBy(b, credential)).verified).toBe(true)
    }
    expect((await statusList(a)).signedWith).toBe(keyUrl(newest.id))
    expect((await statusList(b)).signedWith).toBe(keyUrl(newest.id))

    // Again, with the files back as they were: nothing imported twice, nothing changed.
    await close(a)
    await close(b)
    for (const f of fs.readdirSync(dir)) fs.renameSync(path.join(dir, f), path.join(dir, f.replace(/\.imported$/, '')))
    const c = await appOn(db, TEST_KEK)
    expect(await keyRows(c)).toEqual(rows)
  }, TIMEOUT)

  it('lets instances with their own DATA_DIRs and the same KEK sign with one key, and a rotation on one is used by the other at once', async () => {
    const db = storage()
    // On SQLite the database is a file in DATA_DIR, so both share it; on PostgreSQL each has its own.
    const otherDir = kind === 'postgres' ? fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-keys-other-')) : db.dataDir
    if (otherDir !== db.dataDir) cleanups.push(async () => fs.rmSync(otherDir, { recursive: true, force: true }))
    // Two first starts together leave one key.
    await migrated(db)
    const [a, b] = await Promise.all([appOn(db, TEST_KEK), appOn(db, TEST_KEK, otherDir)])
    const rows = await keyRows(a)
    expect(rows).toHaveLength(1)
    expect((await statusList(a)).signedWith).toBe(keyUrl(rows[0]!.id))
    expect((await statusList(b)).signedWith).toBe(keyUrl(rows[0]!.id))

    const rotated = await a.services.credentials.rotateIssuerKey()
    expect(rotated.retired).toEqual([keyUrl(rows[0]!.id)])
    const fresh = await statusList(b)
    expect(fresh.signedWith).toBe(rotated.current)
    expect((await verifiedBy(a, fresh.body)).verified).toBe(true)

    // Two rotations at once (one on each) leave exactly one current key, and every key stays published.
    await Promise.all([a.services.credentials.rotateIssuerKey(), b.services.credentials.rotateIssuerKey()])
    const after = await keyRows(b)
    expect(after).toHaveLength(4)
    expect(after.filter((r) => r.retired_at === null)).toHaveLength(1)
    const issuer = (await call(a, 'GET', '/api/v1/issuer')).json() as { assertionMethod: string[] }
    expect(issuer.assertionMethod).toEqual(after.map((r) => keyUrl(r.id)))
    expect((await statusList(a)).signedWith).toBe((await statusList(b)).signedWith)
  }, TIMEOUT)

  it('refuses to start with a wrong KEK, naming both KEK ids, and changes nothing; LRS secrets are sealed, old plaintext ones at the next start', async () => {
    const db = storage()
    const app = await appOn(db, TEST_KEK)
    const now = new Date().toISOString()
    const staffId = randomUUID()
    await app.db.insertInto('users').values({ id: staffId, email: `staff-${kind}@keys.test`, password_hash: null, first_name: 'Key', last_name: 'Staff', status: 'active', created_at: now, updated_at: now }).execute()
    const staff = { userId: staffId, email: `staff-${kind}@keys.test`, roles: ['program_staff'] as const, via: 'cookie' as const }
    const created = await app.services.learningRecordStores.create(staff, { name: 'Program LRS', ownerKind: 'program', url: 'https://lrs.example.org/xapi/', authKey: 'key-1', authSecret: 'sealed-secret-123' })
    expect(created.secretSet).toBe(true)
    // A row as written before migration 0034: the secret in plaintext, no KEK id.
    const legacyId = randomUUID()
    await app.db.insertInto('lrs_endpoints').values({
      id: legacyId, name: 'Old LRS', owner_kind: 'program', owner_id: null, url: 'https://old.example.org/xapi/', auth_key: 'key-2', auth_secret: 'plaintext-secret-456',
      auth_secret_kek_id: null, active: 0, created_by: staffId, created_at: now, updated_at: now, last_test_at: null, last_test_ok: null, last_test_detail: null,
    }).execute()
    await close(app)

    const restarted = await appOn(db, TEST_KEK)
    const endpoints = await restarted.db.selectFrom('lrs_endpoints').selectAll().execute()
    const dump = JSON.stringify(endpoints)
    expect(dump).not.toContain('sealed-secret-123')
    expect(dump).not.toContain('plaintext-secret-456')
    expect(endpoints.map((e) => e.auth_secret_kek_id)).toEqual([kekIdOf(parseKek(TEST_KEK)), kekIdOf(parseKek(TEST_KEK))])
    const keysBefore = await keyRows(restarted)
    await close(restarted)

    // A key file waiting to be imported shows that the refused start imports nothing either.
    const dir = path.join(db.dataDir, 'issuer-keys')
    fs.mkdirSync(dir)
    const pair = await Ed25519Multikey.generate()
    fs.writeFileSync(path.join(dir, '20250101-0000dddd.json'), JSON.stringify({ id: '20250101-0000dddd', publicKeyMultibase: pair.publicKeyMultibase, secretKeyMultibase: pair.secretKeyMultibase, createdAt: '2025-01-01T00:00:00.000Z', retiredAt: null }))

    const wrong = otherKek()
    const refusal = appOn(db, wrong)
    await expect(refusal).rejects.toThrow(`encrypted under another key-encryption key (1 under ${kekIdOf(parseKek(TEST_KEK))})`)
    await expect(refusal).rejects.toThrow(`this process holds, ${kekIdOf(parseKek(wrong))} (MT1_KEY_ENCRYPTION_KEY)`)
    await expect(refusal).rejects.toThrow(/Nothing was changed/)
    // Without any KEK set, the DATA_DIR file's KEK is another one: refused the same way, naming the file.
    await expect(appOn(db, undefined)).rejects.toThrow(/this process holds, [0-9a-f]{16} \(.*key-encryption-key, because MT1_KEY_ENCRYPTION_KEY is not set\)/)

    const check = await appOn(db, TEST_KEK, db.dataDir)
    // The right KEK starts; the refused starts had written nothing (the waiting file is imported only now).
    const keysAfter = await keyRows(check)
    expect(keysAfter.filter((k) => k.id !== '20250101-0000dddd')).toEqual(keysBefore.map((k) => k))
    expect(keysAfter.find((k) => k.id === '20250101-0000dddd')?.retired_at).not.toBeNull()
    expect(fs.readdirSync(dir)).toEqual(['20250101-0000dddd.json.imported'])
    expect(JSON.stringify(await check.db.selectFrom('lrs_endpoints').selectAll().execute())).toBe(dump)
  }, TIMEOUT)

  it('moves every stored secret to a new KEK with `mt1 keys rewrap`; the old KEK is refused afterwards', async () => {
    const db = storage()
    const first = await appOn(db, TEST_KEK)
    const [key] = await keyRows(first)
    await close(first)
    const next = otherKek()
    const withApp = async <T>(fn: (app: FastifyInstance) => Promise<T>): Promise<T> => {
      const app = await appOn(db, TEST_KEK)
      try { return await fn(app) } finally { await close(app) }
    }
    expect(await keysCommand(['rewrap'], withApp, {})).toBe(2)
    expect(await keysCommand(['rewrap'], withApp, { MT1_NEW_KEY_ENCRYPTION_KEY: 'short' })).toBe(2)
    expect(await keysCommand(['rewrap'], withApp, { MT1_NEW_KEY_ENCRYPTION_KEY: next })).toBe(0)

    const moved = await appOn(db, next)
    const rows = await keyRows(moved)
    expect(rows.map((r) => [r.id, r.kek_id, r.public_key_multibase])).toEqual([[key!.id, kekIdOf(parseKek(next)), key!.public_key_multibase]])
    expect((await statusList(moved)).signedWith).toBe(keyUrl(key!.id))
    await close(moved)
    await expect(appOn(db, TEST_KEK)).rejects.toThrow(/encrypted under another key-encryption key/)
  }, TIMEOUT)
})
