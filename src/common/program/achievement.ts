// What each credential the program awards is and what earns it, in the words its Open Badges 3.0
// Achievement uses: a module certificate (pass that module) or a certification (pass each module it
// requires: MS = MM + SRMT, MT1 = all three). The server signs these words into every credential and
// serves them at the achievement's address; the web's achievement page shows the same ones.

/** The parts of a program definition an achievement is described from (the server's and the web's types both fit). */
export interface AchievementSource {
  name: string
  modules: readonly {
    code: string
    name: string
    description: string
    passPercent: number
    skills: readonly { code: string; name: string; description: string }[]
  }[]
  credentials: readonly { code: string; name: string; description: string; requiresModules: readonly string[] }[]
}

type SourceModule = AchievementSource['modules'][number]

export interface AchievementFacts {
  /** The credential type: a module code (MM, SRMT, QBA) or a certification code (MS, MT1). */
  code: string
  name: string
  description: string
  /** OB 3.0 achievement type. */
  achievementType: 'Certificate' | 'Certification'
  /** The criteria in words. */
  narrative: string
  /** The modules to pass, each at its own pass mark: the module itself, or every module a certification requires. */
  requirements: { code: string; name: string; passPercent: number }[]
  /** The skills the achievement covers, in program order. */
  skills: SourceModule['skills'][number][]
}

/** Every credential code of the program: the module certificates, then the certifications. */
export function achievementCodes(program: AchievementSource): string[] {
  return [...program.modules.map((m) => m.code), ...program.credentials.map((c) => c.code)]
}

/** The achievement of a credential type, or undefined when the program awards no such credential. */
export function achievementOf(program: AchievementSource, code: string): AchievementFacts | undefined {
  const module = program.modules.find((m) => m.code === code)
  if (module) {
    return {
      code,
      name: `${module.name} Certificate`,
      description: module.description,
      narrative: `Pass the ${module.name} (${module.code}) module of the ${program.name} assessment with a score of ${module.passPercent}% or higher, ` +
        'taken at an MSI Certified Assessment Center or an onsite event with a certified proctor present for the entire testing period.',
      achievementType: 'Certificate',
      requirements: [{ code: module.code, name: module.name, passPercent: module.passPercent }],
      skills: [...module.skills],
    }
  }
  const credential = program.credentials.find((c) => c.code === code)
  if (!credential) return undefined
  const modules = credential.requiresModules
    .map((m) => program.modules.find((x) => x.code === m))
    .filter((m): m is SourceModule => m !== undefined)
  return {
    code,
    name: credential.name,
    description: credential.description,
    narrative: `Pass each of these ${program.name} certificate modules: ${modules.map((m) => `${m.name} (${m.code}, ${m.passPercent}% or higher)`).join('; ')}. ` +
      'Modules may be passed on different dates; the certification is dated when the last one is passed.',
    achievementType: 'Certification',
    requirements: modules.map((m) => ({ code: m.code, name: m.name, passPercent: m.passPercent })),
    skills: modules.flatMap((m) => m.skills),
  }
}
