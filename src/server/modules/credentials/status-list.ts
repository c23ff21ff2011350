// The Bitstring Status List (W3C): one list of revocation bits, bit i for the credential whose
// status_index is i, set when the credential is no longer active. The list is GZIP-compressed and
// base64url-encoded by the reference library; it is at least 131,072 bits long (the spec's minimum,
// so one set bit does not single out a holder) and grows in steps of that size. A signed list is valid
// for a few hours only (`validUntil`, the program's statusListValidityHours), so a copy signed before a
// revocation stops verifying soon after: verifiers reject a credential past its validUntil (Digital
// Bazaar's @digitalbazaar/vc does, with five minutes' allowance for clock skew).
import { lazyImport } from '../../lazy-import.js'
import { VC_V2_CONTEXT } from './contexts/index.js'
import type { IssuerUrls } from './issuer.js'

// The status list library (and the vc stack under it) loads with the first list, not at start: start-up time, issue 16.
const loadStatusList = lazyImport(() => import('@digitalbazaar/vc-bitstring-status-list'))

export const STATUS_LIST_MIN_BITS = 131_072

/** Bits needed to hold indexes 0..highest: whole multiples of the minimum size. */
export function statusListLength(highestIndex: number | null): number {
  const needed = (highestIndex ?? -1) + 1
  return Math.max(1, Math.ceil(needed / STATUS_LIST_MIN_BITS)) * STATUS_LIST_MIN_BITS
}

export async function encodeStatusList(length: number, setIndexes: readonly number[]): Promise<string> {
  const { createList } = await loadStatusList()
  const list = await createList({ length })
  for (const i of setIndexes) list.setStatus(i, true)
  return list.encode()
}

export interface StatusListValidity {
  /** Whole seconds, as VC 2.0 date-times are written here. */
  validFrom: Date
  validUntil: Date
  /**
   * When to sign a new list although no bit changed: half-way through the validity, so that every
   * list served still has at least half of it left, and a verifier that caches one is not handed a
   * list about to lapse.
   */
  renewAt: Date
}

export function statusListValidity(now: Date, validityHours: number): StatusListValidity {
  const from = Math.floor(now.getTime() / 1000) * 1000
  const validityMs = Math.round(validityHours * 3_600_000)
  return { validFrom: new Date(from), validUntil: new Date(from + validityMs), renewAt: new Date(from + Math.floor(validityMs / 2)) }
}

/** True when a list signed for `validity` may still be served at `now`; otherwise a new one is signed. */
export function statusListServable(validity: StatusListValidity, now: Date): boolean {
  // A clock set back (before the list's validFrom) also needs a new list: verifiers refuse one from the future.
  return now.getTime() >= validity.validFrom.getTime() && now.getTime() < validity.renewAt.getTime()
}

const vcDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z')

/** The unsigned BitstringStatusListCredential (VC 2.0: its context defines every status-list term). */
export function statusListCredential(urls: IssuerUrls, listId: number, encodedList: string, validity: StatusListValidity) {
  const id = urls.statusList(listId)
  return {
    '@context': [VC_V2_CONTEXT],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    // The same issuer as the credentials it covers: verifiers check that the two match.
    issuer: urls.issuer,
    validFrom: vcDate(validity.validFrom),
    validUntil: vcDate(validity.validUntil),
    credentialSubject: { id: `${id}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList },
  }
}
