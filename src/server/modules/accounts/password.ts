// Password hashing with Argon2id at OWASP's recommended cost (19 MiB, 2 passes): memory-hard, so
// a stolen hash is expensive to attack on GPUs.
import { hash, verify } from '@node-rs/argon2'

const ARGON2ID = 2
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export const hashPassword = (password: string): Promise<string> => hash(password, options)

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

// Verified against when the email is unknown, so a failed login takes as long either way and does
// not reveal which addresses have accounts.
let decoy: Promise<string> | undefined
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword('decoy password that matches nothing'))
