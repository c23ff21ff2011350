// The unsigned Comprehensive Learner Record 2.0 (ClrCredential) of one holder: their signed Open
// Badges credentials bundled whole, the program's achievements with how they relate (each module is
// part of the certifications that require it), and the holder's NCRC as they recorded it. Pure.
//
// What a CLR asserts is only what its embedded credentials assert: each keeps its own proof and its
// own status-list entry, so a verifier checking them sees a later revocation. The CLR itself is a
// snapshot signed on every download and has no status bit of its own (it is not a registry record).
import type { Program } from '../../../common/program/program-schema.js'
import { nameBasedUuid } from '../../ids.js'
import { CLR_V2_CONTEXT, OB_V3_CONTEXT, VC_V2_CONTEXT } from './contexts/index.js'
import { issuerProfile, type IssuerUrls } from './issuer.js'
import { buildAchievement, emailIdentity } from './ob3-credential.js'

/** Namespace of the name-based ids this module mints (the NCRC achievement of a holder). */
const CLR_ID_NAMESPACE = '5f0e4a1c-8d3b-4c7a-9e2f-6b1d0c9a8e47'

/** The holder's National Career Readiness Certificate as their profile records it (what exists of it). */
export interface NcrcReference {
  level: string
  number: string | null
  /** YYYY-MM-DD, when the profile records it. */
  date?: string | null
  /** Whether program staff verified it, when the profile records that. */
  verified?: boolean | null
}

export interface ClrFacts {
  /** The CLR's own id (a new one per issue: each download is a new snapshot). */
  id: string
  issuedAt: Date
  holder: { userId: string; email: string }
  /** The holder's credentials, each a signed OpenBadgeCredential exactly as GET …/ob3 serves it. */
  credentials: readonly Record<string, unknown>[]
  ncrc: NcrcReference | null
}

/** ACT, who awards the NCRC: the creator of the NCRC achievement (not a signer of anything here). */
const ACT_PROFILE = { id: 'https://www.act.org/', type: ['Profile'], name: 'ACT' }

function ncrcAchievement(ncrc: NcrcReference, holderId: string) {
  const facts = [
    `certificate number ${ncrc.number ?? 'not recorded'}`,
    ncrc.date ? `dated ${ncrc.date}` : null,
  ].filter(Boolean).join(', ')
  const verification = ncrc.verified === true
    ? 'Program staff of the Manufacturing Skills Institute verified it.'
    : 'The Manufacturing Skills Institute has not verified it; confirm it with ACT.'
  return {
    // One id per holder: it describes this holder's certificate, not the NCRC in general.
    id: `urn:uuid:${nameBasedUuid(CLR_ID_NAMESPACE, `ncrc:${holderId}`)}`,
    type: ['Achievement'],
    name: `National Career Readiness Certificate (${ncrc.level})`,
    description: `The holder's ACT WorkKeys National Career Readiness Certificate at the ${ncrc.level} level (${facts}), as the holder recorded it on their MT1 profile. ${verification} ` +
      'The Manufacturing Specialist and MT1 certifications stack on the NCRC.',
    achievementType: 'Certificate',
    humanCode: `NCRC-${ncrc.level}`,
    criteria: { narrative: `Awarded by ACT at the ${ncrc.level} level on the WorkKeys assessments; the certificate number is what ACT verifies.` },
    creator: ACT_PROFILE,
    ...(ncrc.number ? { otherIdentifier: [{ type: 'IdentifierEntry', identifier: ncrc.number, identifierType: 'identifier' }] } : {}),
  }
}

/**
 * How the achievements relate: each module certificate is part of each certification that requires
 * it, and (when the holder has an NCRC) the NCRC precedes the certifications that stack on it.
 */
export function clrAssociations(program: Program, urls: IssuerUrls, ncrcId: string | null) {
  const association = (associationType: string, sourceId: string, targetId: string) => ({ type: 'Association', associationType, sourceId, targetId })
  return [
    ...program.credentials.flatMap((c) => c.requiresModules.map((m) => association('isPartOf', urls.achievement(m), urls.achievement(c.code)))),
    ...(ncrcId ? program.credentials.map((c) => association('precedes', ncrcId, urls.achievement(c.code))) : []),
  ]
}

export function buildClrCredential(program: Program, urls: IssuerUrls, facts: ClrFacts) {
  const codes = [...program.modules.map((m) => m.code), ...program.credentials.map((c) => c.code)]
  const ncrc = facts.ncrc ? ncrcAchievement(facts.ncrc, facts.holder.userId) : null
  const validFrom = facts.issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')
  return {
    '@context': [VC_V2_CONTEXT, CLR_V2_CONTEXT, OB_V3_CONTEXT],
    id: facts.id,
    type: ['VerifiableCredential', 'ClrCredential'],
    name: `${program.name} Comprehensive Learner Record`,
    description: `The ${program.code} certificates and certifications this learner holds, as signed Open Badges credentials of the ${program.owner}, ` +
      'with how they build on one another. Each embedded credential carries its own proof and revocation status.',
    issuer: issuerProfile(urls),
    validFrom,
    credentialSubject: {
      type: ['ClrSubject'],
      // The same salted-hash email identity the badges use (its salt is this record's own).
      identifier: [emailIdentity(facts.holder.email, `clr:${facts.holder.userId}`)],
      // The program's achievements (what the record's credentials are towards), then the NCRC.
      achievement: [
        ...codes.map((code) => ({ ...buildAchievement(program, urls, code), creator: issuerProfile(urls) })),
        ...(ncrc ? [ncrc] : []),
      ],
      verifiableCredential: [...facts.credentials],
      association: clrAssociations(program, urls, ncrc?.id ?? null),
    },
  }
}
