// The pass mark as a sentence can state it. The program sets a pass percent per module; copy that
// speaks of "the" pass mark may quote a number only while every module shares it.
export function sharedPassPercent(modules: readonly { passPercent: number }[]): number | null {
  const first = modules[0]?.passPercent
  if (first === undefined) return null
  return modules.every((m) => m.passPercent === first) ? first : null
}
