// Rules a program definition must satisfy beyond its JSON shape: codes unique, blueprints and
// credentials naming only skills and modules that exist. Returns problems as "path: message".
import type { Program } from './program-schema.js'

export function programConsistencyProblems(program: Program): string[] {
  const problems: string[] = []
  const moduleCodes = new Set<string>()
  const skillCodes = new Set<string>()

  program.modules.forEach((mod, m) => {
    if (moduleCodes.has(mod.code)) problems.push(`/modules/${m}/code: duplicate module code ${mod.code}`)
    moduleCodes.add(mod.code)
    const own = new Set<string>()
    mod.skills.forEach((skill, s) => {
      if (skillCodes.has(skill.code)) problems.push(`/modules/${m}/skills/${s}/code: duplicate skill code ${skill.code}`)
      skillCodes.add(skill.code)
      own.add(skill.code)
    })
    for (const code of Object.keys(mod.blueprint)) {
      if (!own.has(code)) problems.push(`/modules/${m}/blueprint/${code}: no such skill in module ${mod.code}`)
    }
    for (const code of own) {
      if (!(code in mod.blueprint)) problems.push(`/modules/${m}/blueprint: skill ${code} has no item count`)
    }
  })

  program.credentials.forEach((cred, c) => {
    cred.requiresModules.forEach((code, r) => {
      if (!moduleCodes.has(code)) problems.push(`/credentials/${c}/requiresModules/${r}: no module ${code}`)
    })
  })

  program.training?.forEach((t, i) => {
    t.skills.forEach((code, k) => {
      if (!skillCodes.has(code)) problems.push(`/training/${i}/skills/${k}: no skill ${code}`)
    })
  })

  if (!program.policies.ncrcLevels.includes(program.policies.recommendedNcrcLevel)) {
    problems.push(`/policies/recommendedNcrcLevel: ${program.policies.recommendedNcrcLevel} is not one of ncrcLevels`)
  }
  for (const code of Object.keys(program.fees.perModuleCents)) {
    if (!moduleCodes.has(code)) problems.push(`/fees/perModuleCents/${code}: no module ${code}`)
  }
  for (const code of Object.keys(program.trainingFees?.learningLabPerModuleCents ?? {})) {
    if (!moduleCodes.has(code)) problems.push(`/trainingFees/learningLabPerModuleCents/${code}: no module ${code}`)
  }
  return problems
}

/** Items on one form of a module: the sum of its blueprint. */
export function formLength(mod: Program['modules'][number]): number {
  return Object.values(mod.blueprint).reduce((sum, n) => sum + n, 0)
}
