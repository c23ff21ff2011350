// Certificate numbers: "MT1-" and ten random Crockford base-32 characters (50 bits, so numbers
// cannot be guessed or enumerated) in two groups, then one check character computed by the Luhn
// mod-32 algorithm, which catches every single mistyped character and nearly every swap of two neighbours.
// Typing is forgiving: case, spaces, dashes and the look-alikes O→0, I/L→1 do not matter.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const PREFIX = 'MT1'
const BODY_LENGTH = 10

function checkCharacter(body: string): string {
  let factor = 2
  let sum = 0
  for (let i = body.length - 1; i >= 0; i--) {
    const addend = factor * ALPHABET.indexOf(body[i]!)
    factor = factor === 2 ? 1 : 2
    sum += Math.floor(addend / 32) + (addend % 32)
  }
  return ALPHABET[(32 - (sum % 32)) % 32]!
}

const format = (body: string) => `${PREFIX}-${body.slice(0, 5)}-${body.slice(5)}-${checkCharacter(body)}`

/** A new certificate number from ten random values in 0..31 (the caller supplies the randomness). */
export function certificateNumberFrom(random: ArrayLike<number>): string {
  if (random.length < BODY_LENGTH) throw new Error(`need ${BODY_LENGTH} random values`)
  let body = ''
  for (let i = 0; i < BODY_LENGTH; i++) body += ALPHABET[random[i]! & 31]
  return format(body)
}

export type ParsedCertificateNumber =
  | { ok: true; number: string }
  | { ok: false; reason: 'format' | 'check' }

/** Reads a typed or scanned number: its canonical form, or why it cannot be one of ours. */
export function parseCertificateNumber(input: string): ParsedCertificateNumber {
  let text = input.toUpperCase().replace(/[\s-]/g, '')
  if (!text.startsWith(PREFIX)) return { ok: false, reason: 'format' }
  text = text.slice(PREFIX.length).replace(/O/g, '0').replace(/[IL]/g, '1')
  if (text.length !== BODY_LENGTH + 1 || [...text].some((c) => !ALPHABET.includes(c))) return { ok: false, reason: 'format' }
  const body = text.slice(0, BODY_LENGTH)
  if (checkCharacter(body) !== text[BODY_LENGTH]) return { ok: false, reason: 'check' }
  return { ok: true, number: format(body) }
}
