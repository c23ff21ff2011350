// The MT1 program in Credential Engine's Credential Transparency Description Language (CTDL), as a
// JSON-LD @graph in the Credential Registry's current record form (the 2023 ingest examples: the
// https context, `en-US` language maps, references as arrays of @id). Pure: the same program, public
// address and agreements give the same document, and every ctid is derived from the program code, so
// the identifiers never change between runs or installs.
//
// What is described, all from program.json:
// - the Manufacturing Skills Institute, a ceterms:CredentialOrganization that owns and offers the rest;
// - MS and MT1 as ceterms:Certification; each ceterms:requires passing its modules' assessments at
//   their pass mark, ceterms:recommends the NCRC, and ceterms:hasPart the module certificates;
// - each module certificate as a ceterms:Certificate (what the program calls it, and the OB 3.0
//   achievementType of its badge: earned by one assessment, a part of the certifications that need it);
// - each module's assessment as a ceterms:AssessmentProfile: an in-person, proctored exam with its
//   time limit, scoring and the skills it assesses (CredentialAlignmentObjects to the skills standard);
// - advanced-standing agreements, given by the caller (the advanced-standing module), as
//   ceterms:isAdvancedStandingFor on the credential each grants credit for.
import type { Program, ProgramModule } from '../../../common/program/program-schema.js'
import { formLength } from '../../../common/program/program-consistency.js'
import { nameBasedUuid } from '../../ids.js'

export const CTDL_CONTEXT = 'https://credreg.net/ctdl/schema/context/json'

/** Namespace of the program's ctids: fixed, so `ce-` + a name-based UUID of the same name never changes. */
const CTID_NAMESPACE = '9a3c6e0b-2f5d-4b8e-a1c7-3d9e5f0a6b21'

/** A partner institution's articulation agreement: credit toward its program for holding a credential. */
export interface CtdlAgreement {
  /** The agreement's own stable id. */
  id: string
  institution: { id: string; name: string; url?: string | null }
  /** The credential it grants credit for: a module code, MS or MT1. */
  credential: string
  /** The institution's program the credit counts toward. */
  program: string
  courses: readonly { code: string; name: string }[]
  credits: number
  conditions?: string | null
  /** YYYY-MM-DD */
  effectiveFrom: string
  effectiveTo?: string | null
}

export interface CtdlInput {
  program: Program
  publicUrl: string
  agreements: readonly CtdlAgreement[]
}

export const ctidOf = (name: string): string => `ce-${nameBasedUuid(CTID_NAMESPACE, name)}`

/** One resource of the graph: its id, its CTDL class, its ctid, and its other CTDL terms. */
export interface CtdlNode {
  '@id': string
  '@type': string
  'ceterms:ctid': string
  [term: string]: unknown
}

const en = (text: string) => ({ 'en-US': text })

/** A concept of one of Credential Engine's concept schemes, as the 2023 examples write them. */
const concept = (scheme: string, schemeName: string, node: string, nodeName: string) => ({
  '@type': 'ceterms:CredentialAlignmentObject',
  'ceterms:framework': `https://credreg.net/ctdl/terms/${scheme}`,
  'ceterms:frameworkName': en(schemeName),
  'ceterms:targetNode': node,
  'ceterms:targetNodeName': en(nodeName),
})

/** "PT45M": an ISO 8601 duration, as ceterms:exactDuration takes it. */
const minutes = (n: number) => `PT${n}M`

export function buildCtdl({ program, publicUrl, agreements }: CtdlInput) {
  const documentId = `${publicUrl}/api/v1/program/ctdl`
  const node = (ctid: string) => `${documentId}#${ctid}`
  const code = program.code
  const ctids = {
    organization: ctidOf(`${code}/organization`),
    credential: (c: string) => ctidOf(`${code}/credential/${c}`),
    assessment: (m: string) => ctidOf(`${code}/assessment/${m}`),
    institution: (id: string) => ctidOf(`institution/${id}`),
  }
  const organization = node(ctids.organization)
  const credentialId = (c: string) => node(ctids.credential(c))
  const assessmentId = (m: string) => node(ctids.assessment(m))
  const owned = { 'ceterms:ownedBy': [organization], 'ceterms:offeredBy': [organization] }
  const active = concept('CredentialStatus', 'Credential Status', 'credentialStat:Active', 'Active')
  const skillsFramework = `${program.name} Skills Standards`

  const skill = (s: ProgramModule['skills'][number]) => ({
    '@type': 'ceterms:CredentialAlignmentObject',
    'ceterms:framework': `${publicUrl}/modules`,
    'ceterms:frameworkName': en(skillsFramework),
    'ceterms:targetNode': `${publicUrl}/modules#${s.code}`,
    'ceterms:codedNotation': s.code,
    'ceterms:targetNodeName': en(s.name),
    'ceterms:targetNodeDescription': en(s.description),
  })

  const institutions = new Map(agreements.map((a) => [a.institution.id, a.institution]))
  const advancedStanding = (credential: string) => agreements.filter((a) => a.credential === credential).map((a) => ({
    '@type': 'ceterms:ConditionProfile',
    'ceterms:name': en(`Advanced standing at ${a.institution.name}: ${a.program}`),
    'ceterms:description': en([
      `${a.credits} credit${a.credits === 1 ? '' : 's'} toward ${a.program} at ${a.institution.name}`
        + (a.courses.length ? `, for ${a.courses.map((c) => `${c.code} ${c.name}`).join('; ')}` : '') + '.',
      a.conditions ? `Conditions: ${a.conditions}.` : null,
      a.effectiveTo ? `In effect from ${a.effectiveFrom} until ${a.effectiveTo}.` : `In effect from ${a.effectiveFrom}.`,
      `At most ${program.policies.advancedStandingCreditsMax} credits in all for one holder at one institution.`,
    ].filter(Boolean).join(' ')),
    'ceterms:assertedBy': [node(ctids.institution(a.institution.id))],
    'ceterms:dateEffective': a.effectiveFrom,
    'ceterms:creditValue': [{
      '@type': 'ceterms:ValueProfile',
      'schema:value': a.credits,
      'ceterms:creditUnitType': [concept('CreditUnit', 'Credit Unit', 'creditUnit:DegreeCredit', 'Degree Credit')],
    }],
  }))
  const withAdvancedStanding = (credential: string) => {
    const profiles = advancedStanding(credential)
    return profiles.length ? { 'ceterms:isAdvancedStandingFor': profiles } : {}
  }

  const passModules = (modules: readonly ProgramModule[]) => ({
    '@type': 'ceterms:ConditionProfile',
    'ceterms:name': en(`Pass ${modules.map((m) => `${m.name} (${m.code})`).join(', ')}`),
    'ceterms:description': en(
      `Pass ${modules.length === 1 ? 'the module assessment' : 'each of these module assessments'} with a score of ${modules.map((m) => `${m.passPercent}%`).filter((p, i, all) => all.indexOf(p) === i).join(' or ')} or higher `
      + '(no rounding up), at an MSI Certified Assessment Center or an onsite event with a certified proctor present for the entire testing period.'
      + (modules.length > 1 ? ' Modules may be passed on different dates; the certification is dated when the last one is passed.' : ''),
    ),
    'ceterms:assertedBy': [organization],
    'ceterms:targetAssessment': modules.map((m) => assessmentId(m.code)),
    ...(modules.length === 1 ? { 'ceterms:targetCompetency': modules[0]!.skills.map(skill) } : {}),
  })

  const ncrcRecommendation = {
    '@type': 'ceterms:ConditionProfile',
    'ceterms:name': en(`National Career Readiness Certificate (${program.policies.recommendedNcrcLevel} or higher)`),
    'ceterms:description': en(
      `A ${program.policies.recommendedNcrcLevel} ACT WorkKeys National Career Readiness Certificate (NCRC) is strongly encouraged before testing; it is never required. `
      + `The ${program.credentials.map((c) => c.code).join(' and ')} certifications stack on the NCRC (levels: ${program.policies.ncrcLevels.join(', ')}).`,
    ),
    'ceterms:assertedBy': [organization],
  }

  const moduleOf = (m: string) => program.modules.find((x) => x.code === m)!
  const partOf = (m: string) => program.credentials.filter((c) => c.requiresModules.includes(m)).map((c) => credentialId(c.code))

  const graph: CtdlNode[] = [
    {
      '@id': organization,
      '@type': 'ceterms:CredentialOrganization',
      'ceterms:ctid': ctids.organization,
      'ceterms:name': en(program.owner),
      'ceterms:description': en(`Owner of the ${program.name} (${code}) certification program: ${program.description}`),
      'ceterms:subjectWebpage': publicUrl,
    },
    ...program.credentials.map((c) => ({
      '@id': credentialId(c.code),
      '@type': 'ceterms:Certification',
      'ceterms:ctid': ctids.credential(c.code),
      'ceterms:name': en(c.name),
      'ceterms:description': en(c.code === code ? `${program.description} ${c.description}` : c.description),
      'ceterms:subjectWebpage': `${publicUrl}/achievements/${c.code}`,
      'ceterms:inLanguage': ['en'],
      ...owned,
      'ceterms:credentialStatusType': active,
      'ceterms:requires': [passModules(c.requiresModules.map(moduleOf))],
      'ceterms:recommends': [ncrcRecommendation],
      'ceterms:hasPart': c.requiresModules.map(credentialId),
      ...withAdvancedStanding(c.code),
    })),
    ...program.modules.map((m) => ({
      '@id': credentialId(m.code),
      '@type': 'ceterms:Certificate',
      'ceterms:ctid': ctids.credential(m.code),
      'ceterms:name': en(`${m.name} Certificate`),
      'ceterms:description': en(`${m.description} Earned by passing the ${m.name} (${m.code}) module of the ${program.name} assessment.`),
      'ceterms:subjectWebpage': `${publicUrl}/achievements/${m.code}`,
      'ceterms:inLanguage': ['en'],
      ...owned,
      'ceterms:credentialStatusType': active,
      'ceterms:requires': [passModules([m])],
      'ceterms:isPartOf': partOf(m.code),
      ...withAdvancedStanding(m.code),
    })),
    ...program.modules.map((m) => ({
      '@id': assessmentId(m.code),
      '@type': 'ceterms:AssessmentProfile',
      'ceterms:ctid': ctids.assessment(m.code),
      'ceterms:name': en(`${m.name} (${m.code}) assessment`),
      'ceterms:description': en(`${m.description} ${formLength(m)} questions in ${m.timeLimitMinutes} minutes, computer-delivered.`),
      'ceterms:subjectWebpage': `${publicUrl}/modules`,
      'ceterms:inLanguage': ['en'],
      ...owned,
      'ceterms:assessmentMethodType': [concept('AssessmentMethod', 'Assessment Method', 'assessMethod:Exam', 'Exam')],
      'ceterms:deliveryType': [concept('Delivery', 'Delivery Type', 'deliveryType:InPerson', 'In Person')],
      'ceterms:deliveryTypeDescription': en('Taken on a computer at an MSI Certified Assessment Center or onsite at a company, with a certified proctor present for the entire testing period.'),
      'ceterms:isProctored': true,
      'ceterms:estimatedDuration': [{
        '@type': 'ceterms:DurationProfile',
        'ceterms:description': en(`Time limit: ${m.timeLimitMinutes} minutes.`),
        'ceterms:exactDuration': minutes(m.timeLimitMinutes),
      }],
      'ceterms:scoringMethodDescription': en(`Each question is worth one point. A score of ${m.passPercent}% or higher passes, with no rounding up; the score report gives a score for each skill.`),
      'ceterms:assesses': m.skills.map(skill),
    })),
    ...[...institutions.values()].map((i) => ({
      '@id': node(ctids.institution(i.id)),
      '@type': 'ceterms:CredentialOrganization',
      'ceterms:ctid': ctids.institution(i.id),
      'ceterms:name': en(i.name),
      ...(i.url ? { 'ceterms:subjectWebpage': i.url } : {}),
    })),
  ]
  return { '@context': CTDL_CONTEXT, '@id': documentId, '@graph': graph }
}

export type CtdlDocument = ReturnType<typeof buildCtdl>
