import { describe, expect, it } from 'vitest'
import { LRS_URL_MAX_LENGTH, lrsEndpointUrlProblem, normalizeLrsEndpointUrl } from './lrs-endpoint-url.js'

describe('a learning record store address', () => {
  it('takes http and https addresses, private ones included', () => {
    for (const ok of ['https://lrs.example.com/xapi/', 'http://127.0.0.1:8080', 'https://lrs.example.com:8443/data/xAPI', 'http://10.0.0.5/lrs']) {
      expect(lrsEndpointUrlProblem(ok), ok).toBeNull()
    }
  })

  it('refuses other schemes, credentials in the address, queries, fragments, spaces and long addresses', () => {
    const refused: [string, RegExp][] = [
      ['', /Enter the address/],
      ['javascript:alert(1)', /http/],
      ['file:///etc/passwd', /http/],
      ['ftp://lrs.example.com/', /http/],
      ['data:text/plain,hello', /http/],
      ['//lrs.example.com/xapi', /http/],
      ['https://user:secret@lrs.example.com/xapi', /user name or password/],
      ['https://key@lrs.example.com/xapi', /user name or password/],
      ['https://lrs.example.com/xapi?token=abc', /query/],
      ['https://lrs.example.com/xapi#x', /fragment/],
      ['https://lrs.exa mple.com/', /spaces/],
      ['https://lrs.example.com/\u0000', /control/],
      ['http://', /not a web address|host/],
      [`https://lrs.example.com/${'a'.repeat(LRS_URL_MAX_LENGTH)}`, /characters or fewer/],
    ]
    for (const [url, why] of refused) expect(lrsEndpointUrlProblem(url), url).toMatch(why)
  })

  it('stores the address with its path ending in a slash', () => {
    expect(normalizeLrsEndpointUrl(' https://lrs.example.com/xapi ')).toBe('https://lrs.example.com/xapi/')
    expect(normalizeLrsEndpointUrl('http://127.0.0.1:9000')).toBe('http://127.0.0.1:9000/')
  })
})
