// What a learning record store's address may be. Staff type it; the server sends learners' statements
// to it with a key and secret, so it must be a plain web address: http or https, a host, no user name or
// password inside it (credentials go in the key and secret fields, which are stored apart and never
// shown again), no query or fragment (the client appends `statements` to the path), and of a bounded
// length. Addresses on a private network are allowed on purpose: an employer's or a center's LRS often
// lives on one, and only program staff can add an endpoint.

export const LRS_URL_MAX_LENGTH = 500

/** Why the address cannot be used, or null when it can. The same rule runs in the browser and on the server. */
export function lrsEndpointUrlProblem(input: string): string | null {
  const value = input.trim()
  if (value === '') return 'Enter the address of the learning record store.'
  if (value.length > LRS_URL_MAX_LENGTH) return `Use an address of ${LRS_URL_MAX_LENGTH} characters or fewer.`
  // Whitespace and control characters would be silently dropped or encoded by the URL parser.
  if (/\s/.test(value) || [...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return 'The address may not contain spaces or control characters.'
  if (!/^https?:\/\//i.test(value)) return 'Use an http:// or https:// address.'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'This is not a web address.'
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Use an http:// or https:// address.'
  if (url.username !== '' || url.password !== '' || /^https?:\/\/[^/]*@/i.test(value)) {
    return 'Do not put a user name or password in the address: enter them as the key and secret.'
  }
  if (url.hostname === '') return 'The address needs a host name.'
  if (url.search !== '' || value.includes('?')) return 'The address may not have a query string (?…).'
  if (url.hash !== '' || value.includes('#')) return 'The address may not have a fragment (#…).'
  return null
}

/** The address as stored: trimmed, with the path ending in a slash (the statements resource is `<address>statements`). */
export function normalizeLrsEndpointUrl(input: string): string {
  const url = new URL(input.trim())
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`
  return url.toString()
}
