// Which certifications a set of passed modules earns (MS = MM + SRMT, MT1 = all three), and the
// date each is awarded on: the day its last required module was passed.

export interface CredentialRequirement {
  code: string
  requiresModules: readonly string[]
}

/** Codes of the certifications whose required modules are all passed. */
export function certificationsEarned(
  passedModules: Iterable<string>,
  credentials: readonly CredentialRequirement[],
): string[] {
  const passed = new Set(passedModules)
  return credentials.filter((c) => c.requiresModules.every((m) => passed.has(m))).map((c) => c.code)
}

/**
 * The award date of a certification: the latest first-pass date among its required modules,
 * or null while any of them is not passed yet.
 */
export function certificationDate(
  requirement: CredentialRequirement,
  firstPassedOn: ReadonlyMap<string, string>,
): string | null {
  let latest: string | null = null
  for (const mod of requirement.requiresModules) {
    const date = firstPassedOn.get(mod)
    if (date === undefined) return null
    if (latest === null || date > latest) latest = date
  }
  return latest
}
