// The QTI identifier grammar (QTI 3.0 `identifier`, close to an XML NCName): a letter or an
// underscore, then letters, digits, underscores, hyphens and periods; nothing else, so no `/`, no
// `\`, no spaces and no `..` at the start. Items, declarations, choices and variables are named this
// way; an item's identifier also names its file in an exported package, so a value outside this
// grammar is refused on import, create and edit.

export const MAX_IDENTIFIER_LENGTH = 200

const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}\p{M}_.-]*$/u

export function isQtiIdentifier(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_IDENTIFIER_LENGTH && IDENTIFIER.test(value)
}

/** Identifiers that are also safe as a file name on any system as they are: ASCII only. */
const PORTABLE = /^[A-Za-z_][A-Za-z0-9_.-]*$/

export function isPortableIdentifier(value: string): boolean {
  return isQtiIdentifier(value) && PORTABLE.test(value)
}

/** Why a value is not a QTI identifier, for error messages (the value itself is quoted as JSON). */
export function identifierProblem(value: string): string | null {
  if (isQtiIdentifier(value)) return null
  const shown = JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)
  if (value.length > MAX_IDENTIFIER_LENGTH) return `the identifier ${shown} is longer than ${MAX_IDENTIFIER_LENGTH} characters`
  return `the identifier ${shown} is not a QTI identifier (a letter or _, then letters, digits, _, - or .)`
}
