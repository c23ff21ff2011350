// Verifiable credentials: each certificate as a signed Open Badges 3.0 credential for its holder,
// the signed revocation status list, the issuer's published profile and keys, and the achievements.
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import type { Signer } from '@digitalbazaar/data-integrity'
import { achievementCodes } from '../../../common/program/achievement.js'
import { parseCertificateNumber } from '../../../common/rules/certificate-number.js'
import { credentialCopyRefusal } from '../../../common/rules/credential-copies.js'
import type { ServerContext } from '../../context.js'
import type { Envelope } from '../../crypto/envelope.js'
import { AppError, notFound } from '../../errors.js'
import { sha256 } from '../../ids.js'
import { requireActor, type Actor } from '../accounts/actor.js'
import type { AuditService } from '../audit/audit.service.js'
import type { ProfileService } from '../accounts/profile.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { CredentialRecordsService } from '../registry/credential-records.service.js'
import { buildClrCredential, type NcrcReference } from './clr-credential.js'
import { createDocumentLoader } from './document-loader.js'
import { createIssuerKeyStore, loadEd25519Multikey, type PublishedKey } from './issuer-keys.js'
import { issuerDocument, issuerUrls, keyDocument } from './issuer.js'
import { achievementDocument, buildOb3Credential, STATUS_LIST_ID } from './ob3-credential.js'
import { encodeStatusList, statusListCredential, statusListLength, statusListServable, statusListValidity, type StatusListValidity } from './status-list.js'
import { lazyImport } from '../../lazy-import.js'

// Signing and verifying (jsonld, rdf-canonize, undici) load with the first signature, not at start:
// start-up time, issue 16.
const loadSigning = lazyImport(async () => {
  const [{ DataIntegrityProof }, { cryptosuite }, vc] = await Promise.all([
    import('@digitalbazaar/data-integrity'), import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite'), import('@digitalbazaar/vc'),
  ])
  return { DataIntegrityProof, cryptosuite, vc }
})

// The credentials themselves (who holds what, and their status) are the registry's: this module
// reads them through the registry's credential records and keeps only keys, signing and documents.
/**
 * The NCRC reference a CLR carries, from the profile: level, number, date and staff's verification
 * (true when verified, false when staff found it not verified, null while nobody has checked).
 */
export function ncrcReferenceOf(profile: { ncrcLevel: string | null; ncrcNumber: string | null; ncrcDate?: string | null; ncrcVerification?: 'unverified' | 'verified' | 'not_verified' } | null): NcrcReference | null {
  if (!profile?.ncrcLevel) return null
  const verified = profile.ncrcVerification === 'verified' ? true : profile.ncrcVerification === 'not_verified' ? false : null
  return { level: profile.ncrcLevel, number: profile.ncrcNumber, date: profile.ncrcDate ?? null, verified }
}

export function createCredentialsService(ctx: ServerContext, deps: {
  audit: AuditService; program: ProgramService; credentials: CredentialRecordsService; profiles: Pick<ProfileService, 'forCandidate'>
}) {
  const { db } = ctx
  const urls = issuerUrls(ctx.config.publicUrl)
  const keys = createIssuerKeyStore(db, ctx.secrets, ctx.clock)
  const keyPrefix = urls.key('')

  /** The issuer's own documents, resolved from the database: verifying our credentials needs no HTTP. */
  const documentLoader = createDocumentLoader(async (url) => {
    if (url === urls.issuer) return issuerDocument(urls, await keys.list())
    const key = url.startsWith(keyPrefix) ? await keys.get(url.slice(keyPrefix.length)) : undefined
    return key ? keyDocument(urls, key) : undefined
  })

  // Signers by key id. A key's content never changes, so this cache cannot go stale; which key is
  // current is read from the database at every signature, so a rotation by any instance (or by
  // `mt1 keys rotate`) is used from the next signature on. The secret is opened once per key and process.
  const signers = new Map<string, Promise<Signer>>()
  function signerOf(keyId: string): Promise<Signer> {
    let signer = signers.get(keyId)
    if (!signer) {
      signer = (async () => {
        const key = await keys.withSecret(keyId)
        if (!key) throw new Error(`Issuer key ${keyId} vanished from the database.`)
        const Ed25519Multikey = await loadEd25519Multikey()
        const pair = await Ed25519Multikey.from({
          type: 'Multikey', id: urls.key(key.id), controller: urls.issuer,
          publicKeyMultibase: key.publicKeyMultibase, secretKeyMultibase: key.secretKeyMultibase,
        })
        return pair.signer()
      })()
      // A failure (a KEK problem) is not cached: the next signature tries again.
      signer.catch(() => signers.delete(keyId))
      signers.set(keyId, signer)
    }
    return signer
  }

  const currentKey = async (): Promise<PublishedKey> => (await keys.current()) ?? keys.ensure()

  /** Adds an eddsa-rdfc-2022 DataIntegrityProof made with the current key. */
  async function sign<T extends object>(credential: T): Promise<T & { proof: Record<string, unknown> }> {
    const key = await currentKey()
    const { DataIntegrityProof, cryptosuite, vc } = await loadSigning()
    const suite = new DataIntegrityProof({ signer: await signerOf(key.id), cryptosuite, date: ctx.clock() })
    return (await vc.issue({ credential: structuredClone(credential), suite, documentLoader })) as T & { proof: Record<string, unknown> }
  }

  // The last signed status list, kept in memory: re-signed when its bits (or the signing key) change,
  // and half-way through its validity even when nothing changed, so a copy signed before a revocation
  // lapses within statusListValidityHours. Between those, its ETag stays stable.
  type SignedList = Awaited<ReturnType<typeof sign<ReturnType<typeof statusListCredential>>>>
  let lastList: { cacheKey: string; validity: StatusListValidity; etag: string; body: SignedList } | null = null

  // Every achievement the program awards, as the JSON-LD its id answers: built once, the program is fixed.
  const achievements = new Map(achievementCodes(deps.program.definition).map((code) => [code, achievementDocument(deps.program.definition, urls, code)]))

  return {
    urls,
    keys,
    documentLoader,
    /** The id of the key-encryption key this process holds (for `mt1 keys rewrap`'s report). */
    kekId: ctx.secrets.kekId,

    /**
     * At start, before anything is written: refuses (IssuerKeysUnavailableError, both KEK ids named) a
     * KEK that does not open the stored keys, so a wrong MT1_KEY_ENCRYPTION_KEY changes nothing.
     */
    checkKeyEncryption: () => keys.check(),

    /** At start, after the checks: imports the key files of before (DATA_DIR/issuer-keys) and generates the first key. */
    async prepareIssuerKeys(): Promise<PublishedKey> {
      await keys.importFiles(path.join(ctx.config.dataDir, 'issuer-keys'), ctx.log)
      return keys.ensure()
    },

    /** `mt1 keys rewrap`: re-encrypts the keys sealed under this process's KEK under the new KEK `to`. */
    async rewrapIssuerKeys(to: Envelope) {
      const ids = await keys.rewrap(to)
      if (ids.length > 0) {
        await deps.audit.record(db, {
          actorId: null, action: 'issuer_key.rewrapped', entityType: 'issuer_key', entityId: ids[0]!,
          details: { keys: ids, fromKekId: ctx.secrets.kekId, toKekId: to.kekId },
        })
      }
      return ids
    },

    /** `mt1 keys rotate`: a new signing key; the old ones stay published so old credentials verify. */
    async rotateIssuerKey() {
      const rotated = await keys.rotate()
      await deps.audit.record(db, {
        actorId: null, action: 'issuer_key.rotated', entityType: 'issuer_key', entityId: rotated.current.id,
        details: { retired: rotated.retired.map((k) => k.id) },
      })
      return { current: urls.key(rotated.current.id), retired: rotated.retired.map((k) => urls.key(k.id)) }
    },

    /**
     * The holder's certificate as a signed OB 3.0 credential; anyone else gets 404. A revoked or
     * withdrawn one is refused as its PDF is (409), so no fresh signed copy of it is ever handed out.
     */
    async ob3(actor: Actor | null, certificateNumber: string) {
      const holder = requireActor(actor)
      const parsed = parseCertificateNumber(certificateNumber)
      const found = parsed.ok ? await deps.credentials.find(parsed.number) : undefined
      const row = found?.candidate_id === holder.userId ? found : undefined
      if (!row) throw notFound('Credential')
      const refusal = credentialCopyRefusal(row.status)
      if (refusal) throw new AppError('CONFLICT', refusal)
      const signed = await sign(buildOb3Credential(deps.program.definition, urls, {
        certificateNumber: row.certificate_number, type: row.type, issuedOn: row.issued_on, statusIndex: Number(row.status_index), holderEmail: holder.email,
      }))
      // The OB 3.0 JSON schema requires `proof` to be an array (a proof set of one).
      return { ...signed, proof: [signed.proof] }
    },

    /**
     * The holder's Comprehensive Learner Record 2.0: every active certificate as its signed OB 3.0
     * credential (signed now, as a download of each would be), the program's achievements and their
     * associations, the NCRC reference, all signed as one ClrCredential. Revoked and withdrawn
     * certificates are left out, as their downloads are refused: the record vouches only for what the
     * program still vouches for. Nothing to bundle (no certificate, or none active) is 404: a CLR
     * must hold at least one credential to be valid.
     */
    async clr(actor: Actor | null) {
      const holder = requireActor(actor)
      const held = (await deps.credentials.ofCandidate(holder.userId)).filter((row) => credentialCopyRefusal(row.status) === null)
      if (held.length === 0) throw new AppError('NOT_FOUND', 'You hold no active certificate yet, so there is no learner record to download.')
      const credentials = []
      for (const row of held) {
        const signed = await sign(buildOb3Credential(deps.program.definition, urls, {
          certificateNumber: row.certificate_number, type: row.type, issuedOn: row.issued_on, statusIndex: Number(row.status_index), holderEmail: holder.email,
        }))
        credentials.push({ ...signed, proof: [signed.proof] })
      }
      const clr = await sign(buildClrCredential(deps.program.definition, urls, {
        id: `urn:uuid:${randomUUID()}`, issuedAt: ctx.clock(), holder: { userId: holder.userId, email: holder.email },
        credentials, ncrc: ncrcReferenceOf(await deps.profiles.forCandidate(holder.userId)),
      }))
      return { ...clr, proof: [clr.proof] }
    },

    /**
     * What a verifier of a holder's credential would find, checked here for another module (advanced
     * standing): the registry's status, and whether the Open Badges credential the holder downloads,
     * signed now, verifies with @digitalbazaar/vc against the issuer's published keys (offline, as the
     * OB3 tests verify it). Its status entry is answered from the registry row the status list is built
     * from. Only an active credential is signed: a revoked one is never handed out signed. Undefined
     * when no certificate has this number.
     */
    async verifyHeld(certificateNumber: string, holderEmail: string) {
      const row = await deps.credentials.find(certificateNumber)
      if (!row) return undefined
      if (row.status !== 'active') return { registryStatus: row.status, signatureVerified: false, holderId: row.candidate_id, type: row.type, issuedOn: row.issued_on }
      const signed = await sign(buildOb3Credential(deps.program.definition, urls, {
        certificateNumber: row.certificate_number, type: row.type, issuedOn: row.issued_on, statusIndex: Number(row.status_index), holderEmail,
      }))
      const { DataIntegrityProof, cryptosuite, vc } = await loadSigning()
      const result = await vc.verifyCredential({
        credential: signed, suite: new DataIntegrityProof({ cryptosuite }), documentLoader,
        checkStatus: async () => ({ verified: row.status === 'active' }),
      })
      return { registryStatus: row.status, signatureVerified: result.verified === true, holderId: row.candidate_id, type: row.type, issuedOn: row.issued_on }
    },

    /**
     * The signed status list, rebuilt from the registry's credentials on every request so that a
     * revocation shows at once. Reads only the non-active rows (a partial index) and the highest index.
     */
    async statusList(listId: number) {
      if (listId !== STATUS_LIST_ID) throw notFound('Status list')
      const { inactive, highest } = await deps.credentials.statusListBits()
      const encodedList = await encodeStatusList(statusListLength(highest), inactive)
      const key = await currentKey()
      const cacheKey = `${key.id} ${encodedList}`
      const now = ctx.clock()
      if (lastList?.cacheKey !== cacheKey || !statusListServable(lastList.validity, now)) {
        const validity = statusListValidity(now, deps.program.definition.policies.statusListValidityHours)
        const body = await sign(statusListCredential(urls, listId, encodedList, validity))
        lastList = { cacheKey, validity, etag: `"${sha256(`${cacheKey} ${body.validFrom}`).slice(0, 32)}"`, body }
      }
      return { etag: lastList.etag, body: lastList.body }
    },

    /** Whether the program awards a credential of this code (its achievement page exists). */
    isAchievement(code: string): boolean {
      return achievements.has(code)
    },

    /** The OB 3.0 Achievement of a credential type, as its id (PUBLIC_URL/achievements/{code}) answers it. */
    achievement(code: string) {
      const doc = achievements.get(code)
      if (!doc) throw notFound('Achievement')
      return doc
    },

    /** The issuer's profile, listing every key it has signed with. */
    async issuerDocument() {
      return issuerDocument(urls, await keys.list())
    },

    async keyDocument(keyId: string) {
      const key = await keys.get(keyId)
      if (!key) throw notFound('Key')
      return keyDocument(urls, key)
    },
  }
}

export type CredentialsService = ReturnType<typeof createCredentialsService>
