// The national certificant registry and revocation. Holders are made through the API (register,
// profile) and their credentials through the registry's own award (what results calls when a
// sitting completes one): a real sitting per credential would take seconds each, and awarding has
// its own tests.
import { randomInt } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { certificateNumberFrom } from '../../src/common/rules/certificate-number.js'
import { call, errorCode, login, register, staffSession, type Session } from '../helpers/http-client.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

const newNumber = () => certificateNumberFrom(Array.from({ length: 10 }, () => randomInt(0, 32)))

/** The same number with its check character changed: one mistyped character. */
function mistyped(number: string): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
  const last = number.at(-1)!
  return number.slice(0, -1) + alphabet[(alphabet.indexOf(last) + 1) % 32]
}

interface Holder {
  session: Session
  email: string
  numbers: Record<string, string>
}

describe.each(databases)('the registry on %s', (kind) => {
  let t: TestApp
  let staff: Session
  let employer: Session
  let seq = 0

  async function holder(options: { first: string; last: string; types?: string[]; state?: string; listed?: boolean; issuedOn?: string }): Promise<Holder> {
    const email = `holder-${++seq}@example.com`
    const session = await register(t.app, { email, firstName: options.first, lastName: options.last })
    if (options.state || options.listed) {
      const res = await call(t.app, 'PUT', '/api/v1/me/profile', { session, body: { state: options.state ?? null, registryListed: options.listed ?? false } })
      expect(res.statusCode).toBe(200)
    }
    const numbers: Record<string, string> = {}
    for (const type of options.types ?? ['MM']) {
      numbers[type] = await t.app.db.transaction().execute((trx) =>
        t.app.services.credentialRecords.award(trx, { candidateId: session.userId, type, issuedOn: options.issuedOn ?? '2025-03-14', at: new Date().toISOString() }))
    }
    return { session, email, numbers }
  }

  const lookup = (number: string) => call(t.app, 'GET', `/api/v1/registry/${encodeURIComponent(number)}`)
  const revoke = (number: string, reason: string, session: Session = staff) => call(t.app, 'POST', `/api/v1/admin/credentials/${number}/revoke`, { session, body: { reason } })
  const reinstate = (number: string, reason: string, session: Session = staff) => call(t.app, 'POST', `/api/v1/admin/credentials/${number}/reinstate`, { session, body: { reason } })

  beforeAll(async () => {
    t = await createTestApp(kind)
    staff = await staffSession(t.app)
    await t.app.services.users.createWithPassword({ email: 'hr@acme.test', password: 'employer password', firstName: 'Hana', lastName: 'Reyes', roles: ['employer'] })
    employer = await login(t.app, 'hr@acme.test', 'employer password')
  })
  afterAll(async () => t.close())

  describe('public lookup', () => {
    it('shows holder, credential, date and status for a number, however it is typed', async () => {
      const h = await holder({ first: 'Ada', last: 'Lovelace', types: ['MT1'], issuedOn: '2024-11-02' })
      const number = h.numbers.MT1!
      const res = await lookup(number)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toEqual({ certificateNumber: number, type: 'MT1', holderName: 'Ada Lovelace', issuedOn: '2024-11-02', status: 'active', revokedOn: null, stack: null })
      const typed = await lookup(` ${number.toLowerCase().replace(/-/g, ' ')} `)
      expect(typed.json().certificateNumber).toBe(number)
    })

    it('tells a mistyped number (400, check) from one that is not a number (400, format) and from an unknown one (404)', async () => {
      const h = await holder({ first: 'Grace', last: 'Hopper' })
      const wrong = await lookup(mistyped(h.numbers.MM!))
      expect(wrong.statusCode).toBe(400)
      expect(errorCode(wrong)).toBe('CERTIFICATE_NUMBER_INVALID')
      expect(wrong.json().error.details.reason).toBe('check')
      expect(wrong.json().error.message).toMatch(/mistyped/)
      const junk = await lookup('hello-world')
      expect(junk.statusCode).toBe(400)
      expect(junk.json().error.details.reason).toBe('format')
      const unknown = await lookup(newNumber())
      expect(unknown.statusCode).toBe(404)
      expect(errorCode(unknown)).toBe('NOT_FOUND')
    })

    it('answers lookups that arrive together each with its own result (they share one query)', async () => {
      const a = await holder({ first: 'Bat', last: 'Ched', types: ['MM', 'QBA'] })
      const unknown = newNumber()
      const asked = [a.numbers.MM!, unknown, a.numbers.QBA!, a.numbers.MM!.toLowerCase(), mistyped(a.numbers.QBA!), ...Array.from({ length: 70 }, () => a.numbers.QBA!)]
      const answers = await Promise.all(asked.map((n) => lookup(n)))
      expect(answers.slice(0, 5).map((r) => r.statusCode)).toEqual([200, 404, 200, 200, 400])
      expect(answers[0]!.json().type).toBe('MM')
      expect(answers[2]!.json().type).toBe('QBA')
      expect(answers[3]!.json().certificateNumber).toBe(a.numbers.MM)
      expect(answers.slice(5).every((r) => r.statusCode === 200 && r.json().type === 'QBA')).toBe(true)
    })

    it('handles hostile path input without a 5xx', async () => {
      for (const input of ['<script>alert(1)</script>', "MT1' OR 1=1 --", '%00', 'x'.repeat(65)]) {
        const res = await lookup(input)
        expect(res.statusCode, input).toBe(400)
      }
    })

    it('shows a credential withdrawn by rescoring as revoked, never as active or unknown', async () => {
      const h = await holder({ first: 'Wendy', last: 'Drawn' })
      await t.app.db.updateTable('credentials').set({ status: 'withdrawn', status_reason: 'rescored', status_changed_at: '2025-06-01T10:00:00.000Z' }).where('certificate_number', '=', h.numbers.MM!).execute()
      expect((await lookup(h.numbers.MM!)).json()).toMatchObject({ status: 'revoked', revokedOn: '2025-06-01' })
      const again = await revoke(h.numbers.MM!, 'try')
      expect(again.statusCode).toBe(409)
    })
  })

  describe('revocation', () => {
    it('revokes with a reason: the registry and the status-list row show it at once, audited, the holder told', async () => {
      const h = await holder({ first: 'Ray', last: 'Voke', types: ['MM', 'SRMT', 'MS'] })
      const number = h.numbers.MM!
      const res = await revoke(number, 'Misconduct during the sitting (incident 42).')
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ certificateNumber: number, status: 'revoked', reason: 'Misconduct during the sitting (incident 42).' })
      expect(typeof res.json().changedAt).toBe('string')
      expect((await lookup(number)).json()).toMatchObject({ status: 'revoked', revokedOn: res.json().changedAt.slice(0, 10) })
      const row = await t.app.db.selectFrom('credentials').select(['status', 'status_reason']).where('certificate_number', '=', number).executeTakeFirstOrThrow()
      expect(row).toEqual({ status: 'revoked', status_reason: 'Misconduct during the sitting (incident 42).' })
      // No cascade: the MS built on the module stays until staff revoke it too.
      expect((await lookup(h.numbers.MS!)).json().status).toBe('active')

      const audit = await call(t.app, 'GET', `/api/v1/admin/audit?entityType=credential&entityId=${number}`, { session: staff })
      expect(audit.json().items[0]).toMatchObject({ action: 'credential.revoked', reason: 'Misconduct during the sitting (incident 42).', actorId: staff.userId })

      await t.flushEmails()
      const mail = await call(t.app, 'GET', `/api/v1/admin/outbox?to=${h.email}`, { session: staff })
      expect(mail.json().items[0].subject).toBe('Your MT1 certificate has been revoked')
      expect(mail.json().items[0].text).toContain('Misconduct during the sitting (incident 42).')

      const twice = await revoke(number, 'again')
      expect(twice.statusCode).toBe(409)
      expect(errorCode(twice)).toBe('CONFLICT')

      const detail = await call(t.app, 'GET', `/api/v1/admin/credentials/${number}`, { session: staff })
      expect(detail.statusCode).toBe(200)
      expect(detail.json()).toMatchObject({ status: 'revoked', publicStatus: 'revoked', holder: { name: 'Ray Voke', email: h.email } })
      expect(detail.json().otherCredentials.map((c: { type: string }) => c.type).sort()).toEqual(['MS', 'SRMT'])
      expect(detail.json().history[0]).toMatchObject({ action: 'credential.revoked' })
    })

    it('reinstates a revoked credential, audited, and the holder is told', async () => {
      const h = await holder({ first: 'Rene', last: 'Stated', types: ['QBA'] })
      const number = h.numbers.QBA!
      expect((await reinstate(number, 'Not revoked yet')).statusCode).toBe(409)
      expect((await revoke(number, 'Identity not verified')).statusCode).toBe(200)
      t.clock.advance(60_000)
      const res = await reinstate(number, 'Identity confirmed by the center')
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ status: 'active', reason: 'Identity confirmed by the center' })
      expect((await lookup(number)).json()).toMatchObject({ status: 'active', revokedOn: null })
      const audit = await call(t.app, 'GET', `/api/v1/admin/audit?entityType=credential&entityId=${number}`, { session: staff })
      expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['credential.reinstated', 'credential.revoked'])
      await t.flushEmails()
      const mail = await call(t.app, 'GET', `/api/v1/admin/outbox?to=${h.email}`, { session: staff })
      expect(mail.json().items.map((m: { subject: string }) => m.subject)).toContain('Your MT1 certificate has been reinstated')
    })

    it('answers 404 for an unknown number, 400 for a mistyped one or a blank reason', async () => {
      expect((await revoke(newNumber(), 'x')).statusCode).toBe(404)
      const h = await holder({ first: 'Blank', last: 'Reason' })
      expect(errorCode(await revoke(mistyped(h.numbers.MM!), 'x'))).toBe('CERTIFICATE_NUMBER_INVALID')
      expect((await revoke(h.numbers.MM!, '   ')).statusCode).toBe(400)
      expect((await call(t.app, 'POST', `/api/v1/admin/credentials/${h.numbers.MM}/revoke`, { session: staff, body: {} })).statusCode).toBe(400)
      expect((await lookup(h.numbers.MM!)).json().status).toBe('active')
    })

    it('is for program staff only', async () => {
      const h = await holder({ first: 'Only', last: 'Staff' })
      const number = h.numbers.MM!
      for (const session of [h.session, employer]) {
        expect((await revoke(number, 'no', session)).statusCode).toBe(403)
        expect((await reinstate(number, 'no', session)).statusCode).toBe(403)
        expect((await call(t.app, 'GET', '/api/v1/admin/registry/export', { session })).statusCode).toBe(403)
        expect((await call(t.app, 'GET', '/api/v1/admin/registry/figures', { session })).statusCode).toBe(403)
        expect((await call(t.app, 'GET', `/api/v1/admin/credentials/${number}`, { session })).statusCode).toBe(403)
      }
      expect((await call(t.app, 'POST', `/api/v1/admin/credentials/${number}/revoke`, { body: { reason: 'x' } })).statusCode).toBe(401)
      expect((await call(t.app, 'GET', '/api/v1/admin/registry/export')).statusCode).toBe(401)
      expect((await lookup(number)).json().status).toBe('active')
    })
  })

  describe('staff export and figures', () => {
    it('exports every certificate as CSV with the contract header, formula-safe', async () => {
      const h = await holder({ first: '=HYPERLINK("http://evil.test","x")', last: 'Export', types: ['MM', 'QBA'], issuedOn: '2023-01-05' })
      const res = await call(t.app, 'GET', '/api/v1/admin/registry/export', { session: staff })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toMatch(/^text\/csv/)
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="mt1-registry-/)
      const lines = res.body.trimEnd().split('\r\n')
      expect(lines[0]).toBe('certificateNumber,type,holderName,issuedOn,status')
      const count = await t.app.db.selectFrom('credentials').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
      expect(lines.length - 1).toBe(Number(count.n))
      const line = lines.find((l) => l.startsWith(h.numbers.QBA!))
      expect(line).toBe(`${h.numbers.QBA},QBA,"'=HYPERLINK(""http://evil.test"",""x"") Export",2023-01-05,active`)
      const numbers = lines.slice(1).map((l) => l.split(',')[0]!)
      expect(numbers).toEqual([...numbers].sort())
    })

    it('counts holders by credential, state and year', async () => {
      await holder({ first: 'Fig', last: 'Ures', types: ['MM', 'SRMT', 'MS'], state: 'OH', issuedOn: '2022-07-01' })
      const res = await call(t.app, 'GET', '/api/v1/admin/registry/figures', { session: staff })
      expect(res.statusCode).toBe(200)
      const body = res.json()
      const rows = await t.app.db.selectFrom('credentials').select(['type', 'status', 'candidate_id', 'issued_on']).execute()
      const ms = body.byCredential.find((c: { type: string }) => c.type === 'MS')
      expect(ms.active).toBe(rows.filter((r) => r.type === 'MS' && r.status === 'active').length)
      expect(body.byState.find((s: { state: string | null }) => s.state === 'OH').holders).toBeGreaterThanOrEqual(1)
      expect(body.byYear).toContainEqual({ year: 2022, type: 'MS', active: expect.any(Number) })
      expect(body.activeHolders).toBe(new Set(rows.filter((r) => r.status === 'active').map((r) => r.candidate_id)).size)
    })
  })

  describe('search', () => {
    beforeAll(async () => {
      await holder({ first: 'Marie', last: 'Searchwell', state: 'VA', listed: true, types: ['MM', 'SRMT', 'MS'] })
      await holder({ first: 'Pierre', last: 'Searchwell', state: 'TX', listed: true, types: ['QBA'] })
      await holder({ first: 'Hidden', last: 'Searchwell', state: 'VA', listed: false, types: ['MT1'] })
      await holder({ first: 'Anna', last: 'van Searchwell', state: 'VA', listed: true, types: ['MM'] })
    })
    const search = (query: string) => call(t.app, 'GET', `/api/v1/registry?${query}`)

    it('finds only holders who opted in, by last name and state', async () => {
      const res = await search('name=searchw')
      expect(res.statusCode).toBe(200)
      const names = res.json().items.map((i: { holderName: string }) => i.holderName)
      expect(names).toEqual(expect.arrayContaining(['Marie Searchwell', 'Pierre Searchwell']))
      expect(names).not.toContain('Hidden Searchwell')
      const va = await search('name=Searchwell&state=va')
      expect(va.json().items).toEqual([
        { holderName: 'Marie Searchwell', state: 'VA', credentials: expect.arrayContaining([expect.objectContaining({ type: 'MS', status: 'active' })]) },
      ])
      expect(va.json().items[0].credentials).toHaveLength(3)
    })

    it('reads first and last names, and multi-word last names', async () => {
      expect((await search('name=pierre%20search')).json().items.map((i: { holderName: string }) => i.holderName)).toEqual(['Pierre Searchwell'])
      expect((await search('name=anna%20van%20search')).json().items.map((i: { holderName: string }) => i.holderName)).toEqual(['Anna van Searchwell'])
      expect((await search('name=van%20searchwell')).json().items.map((i: { holderName: string }) => i.holderName)).toEqual(['Anna van Searchwell'])
    })

    it('pages with a cursor', async () => {
      const first = await search('name=searchwell&limit=1')
      expect(first.json().items).toHaveLength(1)
      expect(first.json().nextCursor).toEqual(expect.any(String))
      const second = await search(`name=searchwell&limit=1&cursor=${first.json().nextCursor}`)
      expect(second.json().items).toHaveLength(1)
      expect(second.json().items[0].holderName).not.toBe(first.json().items[0].holderName)
    })

    it('needs a name of two letters or more and refuses markup', async () => {
      expect((await search('state=VA')).statusCode).toBe(400)
      expect((await search('name=S')).statusCode).toBe(400)
      const script = await search(`name=${encodeURIComponent('<script>alert(1)</script>')}`)
      expect(script.statusCode).toBe(400)
      expect(script.body).not.toContain('<script>')
      expect((await search(`name=${encodeURIComponent("' OR 1=1 --")}`)).json().items).toEqual([])
      expect((await search('name=%25%25')).json().items).toEqual([])
    })

    it('lets a candidate opt in and out on the profile', async () => {
      const h = await holder({ first: 'Olive', last: 'Optin', state: 'PA' })
      expect((await search('name=optin')).json().items).toEqual([])
      const on = await call(t.app, 'PUT', '/api/v1/me/profile', { session: h.session, body: { registryListed: true } })
      expect(on.json()).toMatchObject({ registryListed: true, state: 'PA' })
      expect((await search('name=optin')).json().items).toHaveLength(1)
      await call(t.app, 'PUT', '/api/v1/me/profile', { session: h.session, body: { state: 'NJ' } })
      expect((await search('name=optin&state=NJ')).json().items).toHaveLength(1)
      await call(t.app, 'PUT', '/api/v1/me/profile', { session: h.session, body: { registryListed: false } })
      expect((await search('name=optin')).json().items).toEqual([])
    })
  })

  describe('bulk verification', () => {
    let active: Holder
    let revoked: Holder
    beforeAll(async () => {
      active = await holder({ first: 'José', last: "O'Neil", types: ['MT1'] })
      revoked = await holder({ first: 'Rex', last: 'Gone', types: ['SRMT'] })
      expect((await revoke(revoked.numbers.SRMT!, 'Fraud')).statusCode).toBe(200)
    })

    it('verifies a list as JSON, comparing names loosely', async () => {
      const unknown = newNumber()
      const res = await call(t.app, 'POST', '/api/v1/registry/verify', {
        session: employer,
        body: {
          items: [
            { certificateNumber: active.numbers.MT1!.toLowerCase(), name: '  jose   oneil ' },
            { certificateNumber: active.numbers.MT1!, name: 'Someone Else' },
            { certificateNumber: revoked.numbers.SRMT! },
            { certificateNumber: unknown, name: 'Nobody' },
            { certificateNumber: mistyped(active.numbers.MT1!) },
            { certificateNumber: 'not a number' },
          ],
        },
      })
      expect(res.statusCode).toBe(200)
      const items = res.json().items
      expect(items[0]).toEqual({
        certificateNumber: active.numbers.MT1, input: active.numbers.MT1!.toLowerCase(), name: 'jose   oneil', result: 'valid',
        type: 'MT1', holderName: "José O'Neil", issuedOn: '2025-03-14', nameMatches: true,
      })
      expect(items[1]).toMatchObject({ result: 'valid', nameMatches: false })
      expect(items[2]).toMatchObject({ result: 'revoked', type: 'SRMT', holderName: 'Rex Gone', nameMatches: null })
      expect(items[3]).toMatchObject({ result: 'not_found', certificateNumber: unknown, holderName: null, nameMatches: null })
      expect(items[4]).toMatchObject({ result: 'mistyped', certificateNumber: null })
      expect(items[5]).toMatchObject({ result: 'mistyped', certificateNumber: null })
    })

    it('works with an API token, is refused to candidates and strangers, and caps the list', async () => {
      const token = await call(t.app, 'POST', '/api/v1/admin/api-tokens', { session: staff, body: { name: 'ACME HR system', userId: employer.userId, scopes: ['registry:verify'], expiresInDays: 90 } })
      expect(token.statusCode).toBe(201)
      const viaToken = await call(t.app, 'POST', '/api/v1/registry/verify', {
        headers: { authorization: `Bearer ${token.json().token}` }, body: { items: [{ certificateNumber: active.numbers.MT1! }] },
      })
      expect(viaToken.statusCode).toBe(200)
      expect(viaToken.json().items[0].result).toBe('valid')
      expect((await call(t.app, 'POST', '/api/v1/registry/verify', { session: active.session, body: { items: [{ certificateNumber: 'x' }] } })).statusCode).toBe(403)
      expect((await call(t.app, 'POST', '/api/v1/registry/verify', { body: { items: [{ certificateNumber: 'x' }] } })).statusCode).toBe(401)
      const tooMany = Array.from({ length: 1001 }, () => ({ certificateNumber: 'x' }))
      expect((await call(t.app, 'POST', '/api/v1/registry/verify', { session: employer, body: { items: tooMany } })).statusCode).toBe(400)
    })

    it('verifies a CSV upload and answers a formula-safe CSV', async () => {
      const csv = [
        'certificateNumber,name',
        `${active.numbers.MT1},José O'Neil`,
        `${revoked.numbers.SRMT},"=HYPERLINK(""http://evil.test"",""click"")"`,
        '"unterminated, but quoted",',
        ',',
        `${mistyped(active.numbers.MT1!)}`,
      ].join('\n')
      const res = await call(t.app, 'POST', '/api/v1/registry/verify.csv', { session: employer, headers: { 'content-type': 'text/csv' }, payload: csv })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.headers['content-type']).toMatch(/^text\/csv/)
      const lines = res.body.trimEnd().split('\r\n')
      expect(lines[0]).toBe('input,name,certificateNumber,result,type,holderName,issuedOn,nameMatches')
      expect(lines).toHaveLength(6)
      expect(lines[1]).toBe(`${active.numbers.MT1},José O'Neil,${active.numbers.MT1},valid,MT1,José O'Neil,2025-03-14,true`)
      expect(lines[2]).toBe(`${revoked.numbers.SRMT},"'=HYPERLINK(""http://evil.test"",""click"")",${revoked.numbers.SRMT},revoked,SRMT,Rex Gone,2025-03-14,false`)
      expect(lines[3]).toBe('"unterminated, but quoted",,,mistyped,,,,')
      expect(lines[4]).toBe(',,,mistyped,,,,')
      expect(lines[5]).toMatch(/,mistyped,/)
    })

    it('takes a CSV without a header, refuses a broken one (400) and one over 1 MB (413)', async () => {
      const noHeader = await call(t.app, 'POST', '/api/v1/registry/verify.csv', { session: employer, headers: { 'content-type': 'text/csv' }, payload: `${active.numbers.MT1}\n` })
      expect(noHeader.body.trimEnd().split('\r\n')[1]).toMatch(/,valid,MT1,/)
      const broken = await call(t.app, 'POST', '/api/v1/registry/verify.csv', { session: employer, headers: { 'content-type': 'text/csv' }, payload: 'a,"b\nc' })
      expect(broken.statusCode).toBe(400)
      expect(errorCode(broken)).toBe('VALIDATION')
      const big = `${active.numbers.MT1},${'x'.repeat(100)}\n`.repeat(9000)
      const tooBig = await call(t.app, 'POST', '/api/v1/registry/verify.csv', { session: employer, headers: { 'content-type': 'text/csv' }, payload: big })
      expect(tooBig.statusCode).toBe(413)
      expect(errorCode(tooBig)).toBe('PAYLOAD_TOO_LARGE')
      const candidate = await call(t.app, 'POST', '/api/v1/registry/verify.csv', { session: active.session, headers: { 'content-type': 'text/csv' }, payload: 'x\n' })
      expect(candidate.statusCode).toBe(403)
    })
  })
})

describe('registry lookups are rate-limited per address', () => {
  it('answers 429 in the contract shape past the limit, separately for lookups and search', async () => {
    const t = await createTestApp('sqlite', { rateLimitPublicPerMinute: 4 })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 6; i++) statuses.push((await call(t.app, 'GET', `/api/v1/registry/${newNumber()}`)).statusCode)
      expect(statuses).toEqual([404, 404, 404, 404, 429, 429])
      const limited = await call(t.app, 'GET', `/api/v1/registry/${newNumber()}`)
      expect(errorCode(limited)).toBe('RATE_LIMITED')
      // Search allows a quarter of the lookup limit (here 1 a minute).
      expect((await call(t.app, 'GET', '/api/v1/registry?name=smith')).statusCode).toBe(200)
      expect((await call(t.app, 'GET', '/api/v1/registry?name=smith')).statusCode).toBe(429)
    } finally {
      await t.close()
    }
  })
})
