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
