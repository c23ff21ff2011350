// The program as the public reads it (GET /api/v1/program): modules with their skills, pass mark,
// time limit and form length, credentials, policies, fees and contact.
import { Type, type Static } from 'typebox'
import { CredentialSchema, FeesSchema, ModuleSchema, PoliciesSchema, ProgramSchema, SkillSchema } from '../program/program-schema.js'

export const ProgramSkillView = SkillSchema
export type ProgramSkillView = Static<typeof ProgramSkillView>

export const ProgramModuleView = Type.Object({
  ...ModuleSchema.properties,
  itemCount: Type.Integer({ description: 'Items on one form of the module (the sum of its blueprint).' }),
})
export type ProgramModuleView = Static<typeof ProgramModuleView>

export const ProgramCredentialView = CredentialSchema
export type ProgramCredentialView = Static<typeof ProgramCredentialView>

export const ProgramPoliciesView = PoliciesSchema
export type ProgramPoliciesView = Static<typeof ProgramPoliciesView>

export const ProgramFeesView = FeesSchema
export type ProgramFeesView = Static<typeof ProgramFeesView>

export const ProgramView = Type.Object({
  code: ProgramSchema.properties.code,
  name: ProgramSchema.properties.name,
  owner: Type.String({ description: 'The body that runs the program and issues its credentials.' }),
  description: ProgramSchema.properties.description,
  modules: Type.Array(ProgramModuleView),
  credentials: Type.Array(ProgramCredentialView),
  policies: ProgramPoliciesView,
  fees: ProgramFeesView,
  contact: ProgramSchema.properties.contact,
})
export type ProgramView = Static<typeof ProgramView>

/**
 * The program in Credential Engine's CTDL (GET /api/v1/program/ctdl): a JSON-LD document whose @graph
 * holds the issuing organization, the certifications, the module certificates and the assessments.
 * Each node's CTDL terms pass through whole (a schema cannot list them all without dropping some).
 */
export const CtdlNodeView = Type.Object({
  '@id': Type.String(),
  '@type': Type.String({ description: 'ceterms:CredentialOrganization, ceterms:Certification, ceterms:Certificate or ceterms:AssessmentProfile' }),
  'ceterms:ctid': Type.String({ description: 'Credential Engine identifier: "ce-" and a UUID, derived from the program code, so it never changes' }),
}, { additionalProperties: true, description: 'One CTDL resource, its terms as CTDL names them (ceterms:name, ceterms:requires, …)' })

export const CtdlView = Type.Object({
  '@context': Type.String({ description: 'https://credreg.net/ctdl/schema/context/json' }),
  '@id': Type.String(),
  '@graph': Type.Array(CtdlNodeView),
}, { description: 'The MT1 program described in CTDL as JSON-LD (Credential Registry record form)' })
export type CtdlView = Static<typeof CtdlView>
