// Voucher codes: 60 random bits from a cryptographic source (unguessable), in an alphabet without
// 0/O or 1/I/L, because codes are read aloud and typed from paper.
import { randomInt } from 'node:crypto'

const VOUCHER_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

export const newVoucherCode = (): string =>
  `MT1-${Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => VOUCHER_ALPHABET[randomInt(VOUCHER_ALPHABET.length)]).join('')).join('-')}`
