// Response schemas of the verifiable-credential documents (src/server/modules/credentials): the signed
// OB 3.0 credential, the status list, an achievement, the issuer profile and its keys, all JSON-LD.
import { Type, type Static, type TProperties } from 'typebox'
import { CODE_PATTERN, Nullable, StringEnum } from './common.js'

/**
 * A JSON-LD document: the fields every verifier reads are listed; the rest of the document (nested
 * objects a signature covers, extension terms) passes through whole (`additionalProperties`), since
 * the serializer would otherwise drop what a schema does not name and break the signature.
 */
function JsonLdDocument<P extends TProperties>(properties: P, description: string) {
  return Type.Object(
    {
      '@context': Type.Unknown({ description: 'The JSON-LD context: a URL, an object or a list of both, as JSON-LD allows.' }),
      id: Type.String(),
      ...properties,
    },
    { additionalProperties: true, description },
  )
}

const TypeList = Type.Array(Type.String())

export const Ob3CredentialView = JsonLdDocument({
  type: TypeList, name: Type.String(), description: Type.String(), validFrom: Type.String(), validUntil: Type.Optional(Type.String()),
}, 'An OpenBadgeCredential (VC 2.0) with an embedded DataIntegrityProof (issuer, credentialSubject, credentialStatus and proof as signed)')
export type Ob3CredentialView = Static<typeof Ob3CredentialView>

export const ClrCredentialView = JsonLdDocument({
  type: TypeList, name: Type.String(), description: Type.String(), validFrom: Type.String(),
}, 'A ClrCredential (1EdTech Comprehensive Learner Record 2.0, VC 2.0) with an embedded DataIntegrityProof: credentialSubject (ClrSubject) bundles the holder\'s signed OpenBadgeCredentials (verifiableCredential), the program\'s achievements and their associations')
export type ClrCredentialView = Static<typeof ClrCredentialView>

export const StatusListCredentialView = JsonLdDocument({
  type: TypeList, issuer: Type.String(), validFrom: Type.String(), validUntil: Type.String(),
}, 'A BitstringStatusListCredential (VC 2.0); credentialSubject.encodedList holds the bits, proof the signature')
export type StatusListCredentialView = Static<typeof StatusListCredentialView>

export const AchievementCodeParams = Type.Object({
  code: Type.String({ pattern: CODE_PATTERN, maxLength: 10, description: 'A credential type: MM, SRMT, QBA, MS or MT1' }),
})
export type AchievementCodeParams = Static<typeof AchievementCodeParams>

export const AchievementView = JsonLdDocument({
  type: TypeList, name: Type.String(), description: Type.String(), humanCode: Type.String(),
}, 'OB3 Achievement (with its criteria, alignment to the skills and creator)')
export type AchievementView = Static<typeof AchievementView>

export const IssuerView = JsonLdDocument({
  type: TypeList, name: Type.String(), url: Type.String(), assertionMethod: Type.Array(Type.String({ description: 'A key id (a Multikey URL)' })),
}, 'OB3 Profile and controller document')
export type IssuerView = Static<typeof IssuerView>

export const MultikeyView = JsonLdDocument({
  type: Type.String({ description: 'Multikey' }), controller: Type.String(), publicKeyMultibase: Type.String(),
}, 'Multikey')
export type MultikeyView = Static<typeof MultikeyView>

// ---------- The public credential page (issue 14) ----------

export const BadgeCodeFile = Type.String({ pattern: '^[A-Z0-9]{1,10}\\.(svg|png)$', maxLength: 16, description: 'A credential code and the image format, e.g. MT1.png' })

export const PublicCredentialView = Type.Object({
  certificateNumber: Type.String(), type: Type.String(),
  name: Type.String(), description: Type.String(), achievementType: Type.String(),
  criteria: Type.String({ description: 'What earns it, in words' }),
  requirements: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), passPercent: Type.Number() })),
  skills: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), description: Type.String() })),
  issuer: Type.Object({ name: Type.String(), url: Type.String(), id: Type.String() }),
  holderName: Type.String({ description: 'As the registry shows it' }),
  issuedOn: Type.String(), expiresOn: Nullable(Type.String()),
  status: StringEnum(['active', 'revoked'] as const), revokedOn: Nullable(Type.String()),
  stack: Nullable(Type.String({ description: 'e.g. "MT1, stacked on NCRC Gold (verified)"' })),
  badge: Type.Object({ svg: Type.String(), png: Type.String(), alt: Type.String() }),
  links: Type.Object({
    page: Type.String({ description: 'This page, the address to share' }), registry: Type.String(), achievement: Type.String(),
    linkedIn: Nullable(Type.String({ description: "LinkedIn's add-to-profile address with the certification filled in; null when revoked" })),
  }),
  verifiedAt: Type.String({ description: 'When the registry was read for this answer (live: nothing is cached)' }),
})
export type PublicCredentialView = Static<typeof PublicCredentialView>
