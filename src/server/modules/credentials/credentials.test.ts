import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { decodeList } from '@digitalbazaar/vc-bitstring-status-list'
import { describe, expect, it } from 'vitest'
import { IMPORTED_SUFFIX, readKeyFiles } from './issuer-key-files.js'
import { emailIdentity } from './ob3-credential.js'
import { issuerUrls } from './issuer.js'
import { encodeStatusList, STATUS_LIST_MIN_BITS, statusListCredential, statusListLength, statusListServable, statusListValidity } from './status-list.js'

describe('status list', () => {
  it('is at least 131,072 bits and grows in whole steps of that size to hold the highest index', () => {
    expect(statusListLength(null)).toBe(STATUS_LIST_MIN_BITS)
    expect(statusListLength(0)).toBe(STATUS_LIST_MIN_BITS)
    expect(statusListLength(STATUS_LIST_MIN_BITS - 1)).toBe(STATUS_LIST_MIN_BITS)
    expect(statusListLength(STATUS_LIST_MIN_BITS)).toBe(2 * STATUS_LIST_MIN_BITS)
    expect(statusListLength(999_999)).toBe(8 * STATUS_LIST_MIN_BITS)
  })

  it('sets exactly the given bits (GZIP + base64url with the multibase "u" prefix)', async () => {
    const encoded = await encodeStatusList(STATUS_LIST_MIN_BITS, [0, 7, 8, 131_071])
    expect(encoded[0]).toBe('u')
    const list = await decodeList({ encodedList: encoded })
    expect(list.length).toBe(STATUS_LIST_MIN_BITS)
    expect([0, 1, 7, 8, 9, 131_070, 131_071].map((i) => list.getStatus(i))).toEqual([true, false, true, true, false, false, true])
  })
})

describe('status list validity', () => {
  const HOUR = 3_600_000
  const now = new Date('2026-03-01T10:15:30.789Z')

  it('runs from the signing second for the policy hours, and is renewed half-way through', () => {
    const v = statusListValidity(now, 6)
    expect(v.validFrom.toISOString()).toBe('2026-03-01T10:15:30.000Z')
    expect(v.validUntil.toISOString()).toBe('2026-03-01T16:15:30.000Z')
    expect(v.renewAt.toISOString()).toBe('2026-03-01T13:15:30.000Z')
    expect(statusListValidity(now, 0.5).validUntil.toISOString()).toBe('2026-03-01T10:45:30.000Z')
  })

  it('is served until its renewal time, and never before it was signed', () => {
    const v = statusListValidity(now, 6)
    expect(statusListServable(v, now)).toBe(true)
    expect(statusListServable(v, new Date(v.renewAt.getTime() - 1))).toBe(true)
    expect(statusListServable(v, v.renewAt)).toBe(false)
    expect(statusListServable(v, new Date(now.getTime() + 7 * HOUR))).toBe(false)
    expect(statusListServable(v, new Date(v.validFrom.getTime() - 1))).toBe(false)
  })

  it('writes validFrom and validUntil as VC 2.0 date-times in whole seconds', () => {
    const list = statusListCredential(issuerUrls('http://mt1.test'), 1, 'uH4sI', statusListValidity(now, 6))
    expect(list).toMatchObject({ validFrom: '2026-03-01T10:15:30Z', validUntil: '2026-03-01T16:15:30Z', id: 'http://mt1.test/api/v1/credentials/status/1' })
  })
})

describe('holder identity', () => {
  it('is a salted sha256 of the normalized email, stable per certificate and different across certificates', () => {
    const a = emailIdentity('Ada@Example.org ', 'MT1-AAAAA-BBBBB-C')
    expect(a).toEqual(emailIdentity('ada@example.org', 'MT1-AAAAA-BBBBB-C'))
    expect(a.identityHash).toMatch(/^sha256\$[0-9a-f]{64}$/)
    expect(emailIdentity('ada@example.org', 'MT1-AAAAA-BBBBC-D').identityHash).not.toBe(a.identityHash)
  })
})

describe('the key files of before (imported once into the database)', () => {
  it('reads every well-formed key file and reports the rest without reading them as keys', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-keys-'))
    const key = { id: '20260101-0a1b2c3d', publicKeyMultibase: 'z6Mk', secretKeyMultibase: 'zrv', createdAt: '2026-01-01T00:00:00.000Z', retiredAt: null }
    fs.writeFileSync(path.join(dir, `${key.id}.json`), JSON.stringify(key))
    fs.writeFileSync(path.join(dir, '20260101-ffffffff.json'), '{not json')
    fs.writeFileSync(path.join(dir, '20260102-00000000.json'), JSON.stringify({ ...key, id: 'someone-else' }))
    fs.writeFileSync(path.join(dir, `20260103-00000000.json${IMPORTED_SUFFIX}`), JSON.stringify(key))
    fs.writeFileSync(path.join(dir, 'notes.json'), '{}')
    const read = readKeyFiles(dir)
    expect(read.keys).toEqual([{ key, file: path.join(dir, `${key.id}.json`) }])
    expect(read.unreadable.map((f) => path.basename(f)).sort()).toEqual(['20260101-ffffffff.json', '20260102-00000000.json'])
    expect(readKeyFiles(path.join(dir, 'missing'))).toEqual({ keys: [], unreadable: [] })
    fs.rmSync(dir, { recursive: true })
  })
})
