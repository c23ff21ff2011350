// Reading the Accept header for an address that is both a page and a document (an achievement's id):
// a browser asks for text/html first and gets the page; a verifier dereferencing the id asks for
// JSON (or JSON-LD) and gets the document. Anything unclear (no header, */*, a tie) is the page.

const JSON_TYPES = new Set(['application/json', 'application/ld+json'])

interface MediaRange {
  type: string
  q: number
  at: number
}

function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = []
  // A header is short; a hostile one is cut rather than parsed at length.
  header.slice(0, 2048).split(',').forEach((part, at) => {
    const [rawType, ...params] = part.split(';')
    const type = rawType!.trim().toLowerCase()
    if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+*-]+$|^\*\/\*$/.test(type)) return
    let q = 1
    for (const param of params) {
      const [name, value] = param.split('=').map((x) => x.trim())
      if (name?.toLowerCase() === 'q') q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value ?? '') ? Number(value) : 0
    }
    ranges.push({ type, q, at })
  })
  return ranges
}

/** The quality the header gives a media type: from its most specific matching range (RFC 9110 §12.5.1). */
function quality(ranges: readonly MediaRange[], mediaType: string): { q: number; specific: boolean; at: number } {
  const [major] = mediaType.split('/')
  const exact = ranges.find((r) => r.type === mediaType)
  if (exact) return { q: exact.q, specific: true, at: exact.at }
  const group = ranges.find((r) => r.type === `${major}/*`)
  if (group) return { q: group.q, specific: false, at: Infinity }
  const any = ranges.find((r) => r.type === '*/*')
  return { q: any?.q ?? 0, specific: false, at: Infinity }
}

/** True when the request prefers JSON (application/json or application/ld+json) to an HTML page. */
export function prefersJson(accept: string | undefined): boolean {
  if (!accept) return false
  const ranges = parseAccept(accept)
  const json = [...JSON_TYPES].map((t) => quality(ranges, t)).reduce((a, b) => (b.q > a.q || (b.q === a.q && b.at < a.at) ? b : a))
  const html = quality(ranges, 'text/html')
  if (json.q <= 0) return false
  if (json.q !== html.q) return json.q > html.q
  // Equal weight: a type named outright beats a wildcard, and the one named first wins.
  return json.specific && json.at < html.at
}
