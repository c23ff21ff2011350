// The MT1 program definition, as loaded at start-up. The public view is serialized once: it never
// changes while the process runs, so GET /api/v1/program is a string copy.
import { formLength } from '../../../common/program/program-consistency.js'
import type { Program } from '../../../common/program/program-schema.js'

export function publicProgramView(program: Program) {
  return {
    code: program.code,
    name: program.name,
    owner: program.owner,
    description: program.description,
    modules: program.modules.map((m) => ({
      code: m.code,
      name: m.name,
      description: m.description,
      passPercent: m.passPercent,
      timeLimitMinutes: m.timeLimitMinutes,
      itemCount: formLength(m),
      blueprint: m.blueprint,
      skills: m.skills.map((s) => ({ code: s.code, name: s.name, description: s.description })),
    })),
    credentials: program.credentials.map((c) => ({
      code: c.code,
      name: c.name,
      description: c.description,
      requiresModules: [...c.requiresModules],
    })),
    policies: program.policies,
    fees: program.fees,
    contact: program.contact,
  }
}

export function createProgramService(program: Program) {
  const publicJson = JSON.stringify(publicProgramView(program))
  return {
    definition: program,
    publicJson,
    module(code: string) {
      return program.modules.find((m) => m.code === code)
    },
  }
}

export type ProgramService = ReturnType<typeof createProgramService>
