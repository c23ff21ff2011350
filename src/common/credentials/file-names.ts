// Downloads are named after the certificate they carry (every number starts with MT1-), so a folder
// of them sorts by number and each file says what it is: MT1-…-badge.json, MT1-…-certificate.pdf.

export type CredentialFileKind = 'badge' | 'certificate'

const EXTENSION: Record<CredentialFileKind, string> = { badge: 'json', certificate: 'pdf' }

export function credentialFileName(certificateNumber: string, kind: CredentialFileKind): string {
  // Only letters, digits and dashes reach a header or a file system (the number is ours, but say so).
  return `${certificateNumber.replace(/[^A-Za-z0-9-]/g, '')}-${kind}.${EXTENSION[kind]}`
}
