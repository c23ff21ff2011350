// What one candidate may store as accommodation documentation, over all their requests: the
// program's `accommodationDocuments` policy (a number of files and a total size). An upload that
// would pass either limit is refused whole; the caller checks inside the transaction that stores it.

export interface DocumentQuotaPolicy {
  maxFilesPerCandidate: number
  maxMegabytesPerCandidate: number
}

export interface DocumentUsage {
  files: number
  bytes: number
}

export const MEGABYTE = 1024 * 1024

export type DocumentQuotaRefusal = {
  limit: 'files' | 'bytes'
  message: string
  details: { maxFiles: number; maxBytes: number; usedFiles: number; usedBytes: number; uploadBytes: number }
}

/** Why storing one more document of `uploadBytes` would pass the candidate's quota, or null when it fits. */
export function documentQuotaRefusal(used: DocumentUsage, uploadBytes: number, policy: DocumentQuotaPolicy): DocumentQuotaRefusal | null {
  const maxBytes = policy.maxMegabytesPerCandidate * MEGABYTE
  const details = { maxFiles: policy.maxFilesPerCandidate, maxBytes, usedFiles: used.files, usedBytes: used.bytes, uploadBytes }
  if (used.files + 1 > policy.maxFilesPerCandidate) {
    return { limit: 'files', details, message: `You have stored ${used.files} documents, the most one candidate may store (${policy.maxFilesPerCandidate}).` }
  }
  if (used.bytes + uploadBytes > maxBytes) {
    const left = Math.max(0, maxBytes - used.bytes)
    return {
      limit: 'bytes', details,
      message: `Your documents may take up to ${policy.maxMegabytesPerCandidate} MB in all; ${formatMb(left)} MB is left and this file is ${formatMb(uploadBytes)} MB.`,
    }
  }
  return null
}

/** Megabytes with one decimal, rounded down, so "left" never overstates what fits. */
const formatMb = (bytes: number) => (Math.floor((bytes / MEGABYTE) * 10) / 10).toFixed(1)
