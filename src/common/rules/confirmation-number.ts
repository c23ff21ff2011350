// Registration confirmation numbers: "MT1-" and eight characters in two groups of four, from an
// alphabet without the look-alikes 0/O, 1/I/L and U/V (so a number read aloud over the phone or
// copied from paper is typed right). About 39 bits: not a secret (a receipt is shown only to its
// owner), just a short handle that is unique (a unique index, and the writer draws again on a clash).
// Typing is forgiving: case, spaces and dashes do not matter.

export const CONFIRMATION_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789'
const PREFIX = 'MT1'
const LENGTH = 8

/** A confirmation number from eight random values (any non-negative integers; the caller supplies the randomness). */
export function confirmationNumberFrom(random: ArrayLike<number>): string {
  if (random.length < LENGTH) throw new Error(`need ${LENGTH} random values`)
  let body = ''
  for (let i = 0; i < LENGTH; i++) body += CONFIRMATION_ALPHABET[random[i]! % CONFIRMATION_ALPHABET.length]
  return `${PREFIX}-${body.slice(0, 4)}-${body.slice(4)}`
}

/** A typed confirmation number in its stored form, or null when it cannot be one. */
export function normalizeConfirmationNumber(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '')
  const body = compact.startsWith(PREFIX) ? compact.slice(PREFIX.length) : compact
  if (body.length !== LENGTH || [...body].some((c) => !CONFIRMATION_ALPHABET.includes(c))) return null
  return `${PREFIX}-${body.slice(0, 4)}-${body.slice(4)}`
}

export const CONFIRMATION_NUMBER_PATTERN = `^${PREFIX}-[${CONFIRMATION_ALPHABET}]{4}-[${CONFIRMATION_ALPHABET}]{4}$`
