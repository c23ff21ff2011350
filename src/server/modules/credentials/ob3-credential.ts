// The unsigned Open Badges 3.0 credential for one certificate: the achievement comes from the program
// definition (a module certificate, or the MS / MT1 certification), aligned to the skills it covers.
// Pure, and the same input gives the same document; only the proof differs between downloads.
// The achievement is also a document of its own, served at its id (PUBLIC_URL/achievements/{code}).
import { createHash } from 'node:crypto'
import { credentialExpiresOn } from '../../../common/credentials/expiry.js'
import { achievementOf } from '../../../common/program/achievement.js'
import type { Program, ProgramSkill } from '../../../common/program/program-schema.js'
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from './contexts/index.js'
import { issuerProfile, type IssuerUrls } from './issuer.js'

export interface CredentialFacts {
  certificateNumber: string
  /** MM, SRMT, QBA (module certificates) or MS, MT1 (certifications). */
  type: string
  /** YYYY-MM-DD */
  issuedOn: string
  statusIndex: number
  /** The holder's email: identifies them only as a salted hash. */
  holderEmail: string
}

export const STATUS_LIST_ID = 1

/**
 * OB3 IdentityObject for the holder's email: `sha256$hex(email + salt)`. The salt is derived from
 * the certificate number so the credential is stable across downloads; it is published beside the
 * hash either way, and only serves to make one table of hashed emails useless across credentials.
 */
export function emailIdentity(email: string, certificateNumber: string) {
  const salt = createHash('sha256').update(`mt1-identity-salt:${certificateNumber}`).digest('hex').slice(0, 32)
  const identityHash = `sha256$${createHash('sha256').update(email.trim().toLowerCase() + salt).digest('hex')}`
  return { type: 'IdentityObject', hashed: true, identityHash, identityType: 'emailAddress', salt }
}

const alignment = (urls: IssuerUrls, program: Program, skill: ProgramSkill) => ({
  type: ['Alignment'],
  targetName: skill.name,
  targetCode: skill.code,
  targetDescription: skill.description,
  targetFramework: `${program.name} Skills Standards`,
  // OB3 lists CTDL/CASE target types; a skill of our own standard is an extension type.
  targetType: 'ext:Skill',
  targetUrl: urls.skill(skill.code),
})

function validUntil(issuedOn: string, months: number | null): string | undefined {
  const expires = credentialExpiresOn(issuedOn, months)
  return expires ? `${expires}T00:00:00Z` : undefined
}

/** The accessible text of a credential type's badge: the <img alt> and the OB3 Image caption. */
export const badgeCaption = (name: string, code: string) => `${name} (${code}) badge of the Manufacturing Skills Institute`

/** The OB3 Achievement of a credential type, exactly as it appears inside the credential. */
export function buildAchievement(program: Program, urls: IssuerUrls, type: string) {
  const a = achievementOf(program, type)
  if (!a) throw new Error(`credential type ${type} is not in the program definition`)
  return {
    id: urls.achievement(type),
    type: ['Achievement'],
    name: a.name,
    description: a.description,
    humanCode: type,
    achievementType: a.achievementType,
    // OB 3.0 Image: the badge's PNG (what most badge displayers take) and its accessible text.
    image: { id: urls.badge(type, 'png'), type: 'Image', caption: badgeCaption(a.name, type) },
    criteria: { narrative: a.narrative },
    alignment: a.skills.map((s) => alignment(urls, program, s)),
  }
}

/**
 * The achievement as a JSON-LD document of its own, what its id answers when JSON is asked for: the
 * same Achievement, with its contexts and the issuer as its creator.
 */
export function achievementDocument(program: Program, urls: IssuerUrls, type: string) {
  return { '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT], ...buildAchievement(program, urls, type), creator: issuerProfile(urls) }
}

export function buildOb3Credential(program: Program, urls: IssuerUrls, facts: CredentialFacts) {
  const achievement = buildAchievement(program, urls, facts.type)
  const statusList = urls.statusList(STATUS_LIST_ID)
  const until = validUntil(facts.issuedOn, program.policies.certificateExpiryMonths)
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: urls.credential(facts.certificateNumber),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: achievement.name,
    description: `${achievement.name}, certificate number ${facts.certificateNumber}, issued by the Manufacturing Skills Institute.`,
    issuer: issuerProfile(urls),
    validFrom: `${facts.issuedOn}T00:00:00Z`,
    ...(until ? { validUntil: until } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [emailIdentity(facts.holderEmail, facts.certificateNumber)],
      achievement,
    },
    credentialStatus: {
      id: `${statusList}#${facts.statusIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(facts.statusIndex),
      statusListCredential: statusList,
    },
  }
}
