// Which credentials their holder may still take copies of: the printable certificate (PDF) and the
// signed Open Badges 3.0 file. Only an active credential: a copy of a revoked or withdrawn one would
// be a fresh document for something the program no longer vouches for, and the signed file would
// verify until a verifier checked its status. Anything not known to be active is refused.

/** Null when the holder may download copies of a credential with this status; otherwise why not. */
export function credentialCopyRefusal(status: string): string | null {
  if (status === 'active') return null
  return `This certificate is ${status}; it can no longer be printed or downloaded.`
}
