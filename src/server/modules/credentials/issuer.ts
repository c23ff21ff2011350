// Who signs: the issuer's addresses (all under PUBLIC_URL/api/v1, so the SPA fallback never serves
// them) and the two documents a verifier dereferences, the issuer's profile (which doubles as the
// controller document listing its keys) and each key as a Multikey.
import { MULTIKEY_V1_CONTEXT, OB_V3_CONTEXT, VC_V2_CONTEXT } from './contexts/index.js'
import type { PublishedKey } from './issuer-key.js'

export const ISSUER_NAME = 'Manufacturing Skills Institute'

export function issuerUrls(publicUrl: string) {
  const api = `${publicUrl}/api/v1`
  return {
    publicUrl,
    issuer: `${api}/issuer`,
    key: (keyId: string) => `${api}/issuer/keys/${keyId}`,
    statusList: (listId: number) => `${api}/credentials/status/${listId}`,
    /** The credential's id is its public registry page: stable across downloads, and a verifier can open it. */
    credential: (certificateNumber: string) => `${publicUrl}/registry/${certificateNumber}`,
    achievement: (code: string) => `${publicUrl}/achievements/${code}`,
    /** A credential type's badge image (stable: the achievement inside every credential names it). */
    badge: (code: string, format: 'svg' | 'png') => `${api}/badges/${code}.${format}`,
    /** The public credential page a holder shares (issue 14). */
    credentialPage: (certificateNumber: string) => `${publicUrl}/credentials/${certificateNumber}`,
    skill: (code: string) => `${publicUrl}/modules#${code}`,
  }
}

export type IssuerUrls = ReturnType<typeof issuerUrls>

/** The issuer as it appears inside a credential (OB3 Profile). */
export const issuerProfile = (urls: IssuerUrls) => ({ id: urls.issuer, type: ['Profile'], name: ISSUER_NAME, url: urls.publicUrl })

/**
 * The issuer's own document: its OB3 Profile plus `assertionMethod`, every key it has signed with,
 * current and retired. jsonld-signatures checks that the proof's key is listed here, so a retired key
 * stays listed for the credentials it signed. `assertionMethod` is defined inline with the IRI the
 * security vocabulary gives it (neither the VC nor the OB context defines it at the top level).
 */
export function issuerDocument(urls: IssuerUrls, keys: readonly PublishedKey[]) {
  return {
    '@context': [
      VC_V2_CONTEXT,
      OB_V3_CONTEXT,
      { assertionMethod: { '@id': 'https://w3id.org/security#assertionMethod', '@type': '@id', '@container': '@set' } },
    ],
    ...issuerProfile(urls),
    assertionMethod: keys.map((k) => urls.key(k.id)),
  }
}

/** One public key as a Multikey verification method (never the secret). */
export function keyDocument(urls: IssuerUrls, key: PublishedKey) {
  return {
    '@context': MULTIKEY_V1_CONTEXT,
    id: urls.key(key.id),
    type: 'Multikey',
    controller: urls.issuer,
    publicKeyMultibase: key.publicKeyMultibase,
  }
}
