// When a credential stops being valid: its issue date plus the program's certificateExpiryMonths, or
// never (null). One rule for the signed credential's validUntil, its public page and LinkedIn's form.

/** YYYY-MM-DD, or null when certificates do not expire. */
export function credentialExpiresOn(issuedOn: string, months: number | null | undefined): string | null {
  if (months === null || months === undefined) return null
  const d = new Date(`${issuedOn}T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() + months)
  return d.toISOString().slice(0, 10)
}
