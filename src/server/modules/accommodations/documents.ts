// Documentation files: PDF or image, checked by their first bytes (a renamed program is refused
// whatever its name says), and limited in size.
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

const SIGNATURES: { type: string; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
]

/** The content type the bytes really are, or null when they are not an accepted document. */
export function documentType(bytes: Buffer): string | null {
  for (const s of SIGNATURES) if (bytes.length >= s.bytes.length && s.bytes.every((b, i) => bytes[i] === b)) return s.type
  return null
}

/** A file name safe to show and to offer as a download name. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'document'
  const clean = base.replace(/[^\w.\- ()]/g, '_').slice(0, 120).trim()
  return clean || 'document'
}
