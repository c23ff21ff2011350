import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { projectRoot } from '../../config.js'
import { buildCtdl, ctidOf, CTDL_CONTEXT, type CtdlAgreement } from './ctdl.js'
import { loadProgram } from './program.loader.js'

const program = loadProgram(path.join(projectRoot, 'program', 'mt1'))
const PUBLIC = 'https://mt1.example.org'
type Node = Record<string, any>

const agreement: CtdlAgreement = {
  id: '7d1f0a52-3a0e-4a53-9d55-0f8f2b6d1c11',
  institution: { id: 'b8a4f3e2-6c1d-4f0e-8a9b-1c2d3e4f5a6b', name: 'Example Community College', url: 'https://college.example.edu' },
  credential: 'MT1', program: 'A.A.S. in Manufacturing Technology',
  courses: [{ code: 'MFG 101', name: 'Introduction to Manufacturing' }, { code: 'QC 110', name: 'Quality Control' }],
  credits: 6, conditions: 'earned within the last 5 years', effectiveFrom: '2026-01-01', effectiveTo: null,
}

function graphOf(agreements: CtdlAgreement[] = []) {
  const doc = buildCtdl({ program, publicUrl: PUBLIC, agreements })
  const nodes = doc['@graph'] as Node[]
  const byName = (name: string) => nodes.find((n) => n['ceterms:name']?.['en-US'] === name)!
  return { doc, nodes, byName, byId: (id: string) => nodes.find((n) => n['@id'] === id)! }
}

describe('the MT1 program in CTDL', () => {
  it('is a JSON-LD @graph in the current record form', () => {
    const { doc, nodes } = graphOf()
    expect(doc['@context']).toBe(CTDL_CONTEXT)
    expect(doc['@id']).toBe(`${PUBLIC}/api/v1/program/ctdl`)
    expect(nodes.map((n) => n['@type'])).toEqual([
      'ceterms:CredentialOrganization',
      'ceterms:Certification', 'ceterms:Certification',
      'ceterms:Certificate', 'ceterms:Certificate', 'ceterms:Certificate',
      'ceterms:AssessmentProfile', 'ceterms:AssessmentProfile', 'ceterms:AssessmentProfile',
    ])
    for (const n of nodes) {
      expect(n['@id']).toBe(`${PUBLIC}/api/v1/program/ctdl#${n['ceterms:ctid']}`)
      expect(n['ceterms:name']).toEqual({ 'en-US': expect.any(String) })
    }
  })

  it('has the institute owning and offering every certification, certificate and assessment', () => {
    const { nodes, byName } = graphOf()
    const msi = byName('Manufacturing Skills Institute')
    expect(msi['@type']).toBe('ceterms:CredentialOrganization')
    for (const n of nodes.slice(1)) {
      expect(n['ceterms:ownedBy']).toEqual([msi['@id']])
      expect(n['ceterms:offeredBy']).toEqual([msi['@id']])
    }
  })

  it('requires MM and SRMT for MS and all three for MT1, each at 75%, and recommends the NCRC', () => {
    const { byName, byId } = graphOf()
    const assessment = (code: string) => byName(`${program.modules.find((m) => m.code === code)!.name} (${code}) assessment`)['@id']
    const certificate = (code: string) => byName(`${program.modules.find((m) => m.code === code)!.name} Certificate`)['@id']
    const ms = byName('Manufacturing Specialist')
    const mt1 = byName('Manufacturing Technician Level 1')
    expect(ms['ceterms:requires']).toHaveLength(1)
    expect(ms['ceterms:requires'][0]['ceterms:targetAssessment']).toEqual([assessment('MM'), assessment('SRMT')])
    expect(mt1['ceterms:requires'][0]['ceterms:targetAssessment']).toEqual([assessment('MM'), assessment('SRMT'), assessment('QBA')])
    expect(ms['ceterms:hasPart']).toEqual([certificate('MM'), certificate('SRMT')])
    expect(mt1['ceterms:hasPart']).toEqual([certificate('MM'), certificate('SRMT'), certificate('QBA')])
    for (const c of [ms, mt1]) {
      expect(c['ceterms:requires'][0]['@type']).toBe('ceterms:ConditionProfile')
      expect(c['ceterms:requires'][0]['ceterms:description']['en-US']).toMatch(/75% or higher/)
      expect(c['ceterms:recommends'][0]['ceterms:name']['en-US']).toBe('National Career Readiness Certificate (Silver or higher)')
      expect(c['ceterms:recommends'][0]['ceterms:description']['en-US']).toMatch(/never required/)
      expect(c['ceterms:credentialStatusType']['ceterms:targetNode']).toBe('credentialStat:Active')
    }
    // Each module certificate needs its own assessment, names its skills, and is part of the certifications that need it.
    const qba = byId(certificate('QBA'))
    expect(qba['ceterms:requires'][0]['ceterms:targetAssessment']).toEqual([assessment('QBA')])
    expect(qba['ceterms:requires'][0]['ceterms:targetCompetency'].map((a: Node) => a['ceterms:codedNotation'])).toEqual(['SPC', 'QLM', 'FLBA'])
    expect(qba['ceterms:isPartOf']).toEqual([mt1['@id']])
    expect(byId(certificate('MM'))['ceterms:isPartOf']).toEqual([ms['@id'], mt1['@id']])
  })

  it('describes each assessment: an in-person proctored exam, its time limit and the skills it assesses', () => {
    const { nodes } = graphOf()
    const assessments = nodes.filter((n) => n['@type'] === 'ceterms:AssessmentProfile')
    expect(assessments.map((a) => a['ceterms:estimatedDuration'][0]['ceterms:exactDuration'])).toEqual(['PT45M', 'PT60M', 'PT45M'])
    expect(assessments.map((a) => a['ceterms:assesses'].length)).toEqual([3, 6, 3])
    for (const a of assessments) {
      expect(a['ceterms:isProctored']).toBe(true)
      expect(a['ceterms:deliveryType'][0]['ceterms:targetNode']).toBe('deliveryType:InPerson')
      expect(a['ceterms:assessmentMethodType'][0]['ceterms:targetNode']).toBe('assessMethod:Exam')
      for (const s of a['ceterms:assesses']) {
        expect(s).toMatchObject({ '@type': 'ceterms:CredentialAlignmentObject', 'ceterms:framework': `${PUBLIC}/modules`, 'ceterms:targetNode': `${PUBLIC}/modules#${s['ceterms:codedNotation']}` })
      }
    }
    expect(assessments[0]!['ceterms:description']['en-US']).toMatch(/24 questions in 45 minutes/)
  })

  it('gives stable, well-formed ctids derived from the program code', () => {
    const first = graphOf().nodes.map((n) => n['ceterms:ctid'])
    const again = buildCtdl({ program, publicUrl: 'http://elsewhere.test', agreements: [] })['@graph'].map((n) => (n as Node)['ceterms:ctid'])
    expect(again).toEqual(first)
    expect(new Set(first).size).toBe(first.length)
    for (const ctid of first) expect(ctid).toMatch(/^ce-[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    // Pinned: a ctid once published must never change.
    expect(first[0]).toBe('ce-fb36245b-f85b-5bab-9634-99c1ed44f62b')
    expect(first[1]).toBe('ce-48d428dd-1c27-58eb-bf69-e40f6f4ba51a') // MS
  })

  it('states each advanced-standing agreement on the credential it grants credit for', () => {
    const { nodes, byName } = graphOf([agreement])
    const college = byName('Example Community College')
    expect(college).toMatchObject({ '@type': 'ceterms:CredentialOrganization', 'ceterms:subjectWebpage': 'https://college.example.edu' })
    expect(college['ceterms:ctid']).toBe(ctidOf(`institution/${agreement.institution.id}`))
    const mt1 = byName('Manufacturing Technician Level 1')
    const [standing] = mt1['ceterms:isAdvancedStandingFor']
    expect(standing['ceterms:assertedBy']).toEqual([college['@id']])
    expect(standing['ceterms:dateEffective']).toBe('2026-01-01')
    expect(standing['ceterms:creditValue']).toEqual([expect.objectContaining({ '@type': 'ceterms:ValueProfile', 'schema:value': 6 })])
    expect(standing['ceterms:description']['en-US']).toMatch(/6 credits toward A\.A\.S\. in Manufacturing Technology at Example Community College, for MFG 101/)
    expect(standing['ceterms:description']['en-US']).toMatch(/At most 6 credits in all/)
    // Only on the credential the agreement names.
    expect(nodes.filter((n) => n['ceterms:isAdvancedStandingFor'])).toHaveLength(1)
    expect(graphOf().nodes.some((n) => n['ceterms:isAdvancedStandingFor'])).toBe(false)
  })
})
