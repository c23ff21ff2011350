// The Bitstring Status List (W3C): one list of revocation bits, bit i for the credential whose
// status_index is i, set when the credential is no longer active. The list is GZIP-compressed and
// base64url-encoded by the reference library; it is at least 131,072 bits long (the spec's minimum,
// so one set bit does not single out a holder) and grows in steps of that size.
import { createList } from '@digitalbazaar/vc-bitstring-status-list'
import { VC_V2_CONTEXT } from './contexts/index.js'
import type { IssuerUrls } from './issuer.js'

export const STATUS_LIST_MIN_BITS = 131_072

/** Bits needed to hold indexes 0..highest: whole multiples of the minimum size. */
export function statusListLength(highestIndex: number | null): number {
  const needed = (highestIndex ?? -1) + 1
  return Math.max(1, Math.ceil(needed / STATUS_LIST_MIN_BITS)) * STATUS_LIST_MIN_BITS
}

export async function encodeStatusList(length: number, setIndexes: readonly number[]): Promise<string> {
  const list = await createList({ length })
  for (const i of setIndexes) list.setStatus(i, true)
  return list.encode()
}

/** The unsigned BitstringStatusListCredential (VC 2.0: its context defines every status-list term). */
export function statusListCredential(urls: IssuerUrls, listId: number, encodedList: string, validFrom: Date) {
  const id = urls.statusList(listId)
  return {
    '@context': [VC_V2_CONTEXT],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    // The same issuer as the credentials it covers: verifiers check that the two match.
    issuer: urls.issuer,
    validFrom: validFrom.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: { id: `${id}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList },
  }
}
