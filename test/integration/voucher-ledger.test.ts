// The voucher ledger and invoices: a purchase makes a batch, its codes and a numbered invoice; numbers
// are distinct and gapless under concurrency (a refused purchase gives its number back); a redemption
// shows its holder in the ledger; buyers see only their own; paying and voiding are one-way; hostile
// input is refused and stores nothing; the invoice's PDF is a real PDF that says what it should.
import { inflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, errorCode, login, register, staffSession, type Session } from '../helpers/http-client.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

/** The text a PDF shows: every content stream inflated, and the hex strings of its text operators decoded. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1')
  const out: string[] = []
  const streams = /(?<!end)stream\r?\n/g
  let m: RegExpExecArray | null
  while ((m = streams.exec(raw))) {
    const start = m.index + m[0].length
    const end = raw.indexOf('endstream', start)
    if (end < 0) break
    try {
      const content = inflateSync(pdf.subarray(start, end)).toString('latin1')
      for (const tj of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
        out.push([...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map(([, hex]) => Buffer.from(hex!, 'hex').toString('latin1')).join(''))
      }
    } catch {
      // not a deflated stream (an image, the structure tree): no text in it
    }
    streams.lastIndex = end
  }
  return out.join('\n')
}

describe.each(databases)('voucher ledger on %s', (kind) => {
  let t: TestApp
  let staff: Session
  let employer: Session
  let otherEmployer: Session
  let sessionId: string
  let seq = 0

  const counts = async () => ({
    batches: Number((await t.app.db.selectFrom('voucher_batches').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    vouchers: Number((await t.app.db.selectFrom('vouchers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    invoices: Number((await t.app.db.selectFrom('invoices').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  })
  const buy = (who: Session, body: unknown) => call(t.app, 'POST', '/api/v1/voucher-batches', { session: who, body })

  beforeAll(async () => {
    t = await createTestApp(kind)
    staff = await staffSession(t.app)
    const { seedDemo } = await import('../../src/server/db/seed/demo.js')
    await seedDemo(t.app, t.clock())
    employer = await login(t.app, 'employer@demo.test', 'mt1-demo')
    await t.app.services.users.createWithPassword({ email: `other-employer-${kind}@example.com`, password: 'other employer 1', firstName: 'Olive', lastName: 'Other', roles: ['employer'] })
    otherEmployer = await login(t.app, `other-employer-${kind}@example.com`, 'other employer 1')
    expect((await call(t.app, 'PUT', '/api/v1/admin/fees', { session: staff, body: { MM: 5000, SRMT: 7000 } })).statusCode).toBe(200)
    const sessions = (await call(t.app, 'GET', '/api/v1/sessions')).json().items as { id: string; startsAt: string }[]
    sessionId = sessions.filter((s) => Date.parse(s.startsAt) > t.clock().getTime() + 72 * 3_600_000)[0]!.id
  }, 60_000)
  afterAll(async () => t.close())

  it('makes a batch, its codes and a numbered invoice priced from the fee schedule', async () => {
    const res = await buy(employer, { modules: ['MM', 'SRMT'], quantity: 3, organization: 'Acme Manufacturing', expectedTotalCents: 36000 })
    expect(res.statusCode, res.body).toBe(201)
    const batch = res.json()
    expect(batch).toMatchObject({ quantity: 3, unitPriceCents: 12000, totalCents: 36000, currency: 'USD', priceSource: 'schedule', redeemed: 0, modules: ['MM', 'SRMT'] })
    expect(batch.buyer).toMatchObject({ kind: 'employer', name: 'Erin Walsh', email: 'employer@demo.test', organization: 'Acme Manufacturing' })
    expect(batch.invoice).toMatchObject({ status: 'open', number: expect.stringMatching(/^INV-\d{4}-\d{6}$/) })
    const codes = batch.codes.map((c: { code: string }) => c.code)
    expect(new Set(codes).size).toBe(3)
    for (const code of codes) expect(code).toMatch(/^MT1-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/)

    const invoice = await call(t.app, 'GET', `/api/v1/invoices/${batch.invoice.id}`, { session: employer })
    expect(invoice.statusCode, invoice.body).toBe(200)
    expect(invoice.json()).toMatchObject({
      number: batch.invoice.number, subject: 'voucher_batch', voucherBatchId: batch.id, amountCents: 36000, status: 'open',
      billTo: { name: 'Erin Walsh', organization: 'Acme Manufacturing', email: 'employer@demo.test' },
      lines: [{ quantity: 3, unitCents: 12000, amountCents: 36000 }],
      history: [{ kind: 'issued', actor: 'Erin Walsh' }],
    })
    // The older route answers with the codes of a batch too.
    const legacy = await call(t.app, 'POST', '/api/v1/vouchers', { session: employer, body: { modules: ['MM'], quantity: 1 } })
    expect(legacy.statusCode, legacy.body).toBe(201)
    expect(legacy.json().items).toHaveLength(1)
  })

  it('refuses a purchase whose price changed or is not set, storing nothing; staff may set the price', async () => {
    const before = await counts()
    const changed = await buy(employer, { modules: ['MM'], quantity: 2, expectedTotalCents: 9000 })
    expect(changed.statusCode).toBe(409)
    expect(errorCode(changed)).toBe('PRICE_CHANGED')
    const unset = await buy(employer, { modules: ['QBA'], quantity: 2 })
    expect(unset.statusCode).toBe(422)
    expect(errorCode(unset)).toBe('VOUCHER_PRICE_UNSET')
    const priced = await buy(employer, { modules: ['QBA'], quantity: 2, unitPriceCents: 1 })
    expect(priced.statusCode).toBe(403)
    expect(await counts()).toEqual(before)

    const byStaff = await buy(staff, { modules: ['QBA'], quantity: 2, unitPriceCents: 4500, organization: 'Valley Works' })
    expect(byStaff.statusCode, byStaff.body).toBe(201)
    expect(byStaff.json()).toMatchObject({ priceSource: 'staff', unitPriceCents: 4500, totalCents: 9000, buyer: { id: null, kind: 'staff', organization: 'Valley Works' } })
  })

  it('gives simultaneous purchases distinct invoice numbers with no gaps', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => buy(i % 2 ? employer : otherEmployer, { modules: ['MM'], quantity: 1 + (i % 3) })))
    for (const r of results) expect(r.statusCode, r.body).toBe(201)
    const numbers = results.map((r) => r.json().invoice.number as string)
    expect(new Set(numbers).size).toBe(8)
    // Every number issued so far (refused purchases included above) is 1..N of its year, once each.
    const all = (await t.app.db.selectFrom('invoices').select('number').execute()).map((r) => r.number!)
    const year = new Date(t.clock()).getUTCFullYear()
    const sequence = all.filter((n) => n.startsWith(`INV-${year}-`)).map((n) => Number(n.slice(9))).sort((a, b) => a - b)
    expect(sequence).toEqual(Array.from({ length: sequence.length }, (_, i) => i + 1))
  })

  it('records a redemption in the ledger with its holder, registration and session', async () => {
    const batch = (await buy(employer, { modules: ['MM', 'SRMT'], quantity: 2, organization: 'Acme Manufacturing' })).json()
    const candidate = await register(t.app, { email: `holder-${kind}-${seq++}@example.com`, firstName: 'Hana', lastName: 'Holder' })
    const reg = await call(t.app, 'POST', '/api/v1/registrations', { session: candidate, body: { sessionId, modules: ['MM'] } })
    expect(reg.statusCode, reg.body).toBe(201)
    expect(reg.json().status).toBe('pending_payment')
    const paid = await call(t.app, 'POST', `/api/v1/registrations/${reg.json().id}/payment`, { session: candidate, body: { method: 'voucher', code: batch.codes[0].code.toLowerCase() } })
    expect(paid.statusCode, paid.body).toBe(200)

    const mine = (await call(t.app, 'GET', '/api/v1/me/registrations', { session: candidate })).json().items
    expect(mine[0]).toMatchObject({ status: 'confirmed', paymentMethod: 'voucher', voucherCode: batch.codes[0].code })

    for (const who of [employer, staff]) {
      const ledger = await call(t.app, 'GET', `/api/v1/voucher-batches/${batch.id}`, { session: who })
      expect(ledger.statusCode, ledger.body).toBe(200)
      const used = ledger.json().codes.find((c: { code: string }) => c.code === batch.codes[0].code)
      expect(used).toMatchObject({ status: 'redeemed', holder: { name: 'Hana Holder' }, registrationId: reg.json().id, session: { id: sessionId, centerName: 'MT1 Demo Assessment Center' } })
      expect(used.redeemedAt).not.toBeNull()
      expect(ledger.json().redeemed).toBe(1)
      expect(ledger.json().codes.find((c: { code: string }) => c.code === batch.codes[1].code)).toMatchObject({ status: 'available', holder: null, session: null })
    }
    const csv = await call(t.app, 'GET', '/api/v1/admin/vouchers/export', { session: staff })
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.body.split('\r\n').find((l) => l.includes(batch.codes[0].code))).toContain('Hana Holder')
  })

  it('shows a buyer only its own batches and invoices', async () => {
    const mine = (await buy(employer, { modules: ['MM'], quantity: 1, organization: 'Acme Manufacturing' })).json()
    const theirs = await call(t.app, 'GET', '/api/v1/voucher-batches?limit=200', { session: otherEmployer })
    expect(theirs.statusCode).toBe(200)
    expect(theirs.json().items.map((b: { id: string }) => b.id)).not.toContain(mine.id)
    expect(theirs.json().items.every((b: { buyer: { id: string } }) => b.buyer.id === otherEmployer.userId)).toBe(true)
    expect((await call(t.app, 'GET', `/api/v1/voucher-batches/${mine.id}`, { session: otherEmployer })).statusCode).toBe(404)
    expect((await call(t.app, 'GET', `/api/v1/invoices/${mine.invoice.id}`, { session: otherEmployer })).statusCode).toBe(404)
    expect((await call(t.app, 'GET', `/api/v1/invoices/${mine.invoice.id}/pdf`, { session: otherEmployer })).statusCode).toBe(404)
    const candidate = await register(t.app, { email: `nosy-${kind}@example.com` })
    expect((await call(t.app, 'GET', '/api/v1/voucher-batches', { session: candidate })).statusCode).toBe(403)
    expect((await buy(candidate, { modules: ['MM'], quantity: 1 })).statusCode).toBe(403)
    expect((await call(t.app, 'GET', '/api/v1/voucher-batches')).statusCode).toBe(401)
    expect((await call(t.app, 'GET', '/api/v1/admin/invoices', { session: employer })).statusCode).toBe(403)
    expect((await call(t.app, 'GET', '/api/v1/admin/vouchers/export', { session: employer })).statusCode).toBe(403)
    expect((await call(t.app, 'POST', `/api/v1/admin/invoices/${mine.invoice.id}/paid`, { session: employer, body: {} })).statusCode).toBe(403)
    expect((await call(t.app, 'POST', `/api/v1/admin/invoices/${mine.invoice.id}/void`, { session: employer, body: { reason: 'not mine to void' } })).statusCode).toBe(403)
  })

  it('marks an invoice paid once with its reference, refuses to void a paid one, voids an open one with its unused codes', async () => {
    const batch = (await buy(employer, { modules: ['SRMT'], quantity: 2, organization: 'Acme Manufacturing' })).json()
    const paid = await call(t.app, 'POST', `/api/v1/admin/invoices/${batch.invoice.id}/paid`, { session: staff, body: { paymentReference: 'CHK-1042' } })
    expect(paid.statusCode, paid.body).toBe(200)
    expect(paid.json()).toEqual({ id: batch.invoice.id, status: 'paid' })
    // The audit log names the invoice by its number.
    const logged = await call(t.app, 'GET', `/api/v1/admin/audit?entityType=invoice&entityId=${batch.invoice.id}`, { session: staff })
    expect(logged.json().items.map((e: { action: string; recordLabel: string }) => [e.action, e.recordLabel])).toEqual([['invoice.paid', `Invoice ${batch.invoice.number}`]])
    const again = await call(t.app, 'POST', `/api/v1/admin/invoices/${batch.invoice.id}/paid`, { session: staff, body: { paymentReference: 'CHK-1043' } })
    expect(again.statusCode).toBe(409)
    const voidPaid = await call(t.app, 'POST', `/api/v1/admin/invoices/${batch.invoice.id}/void`, { session: staff, body: { reason: 'Changed our mind' } })
    expect(voidPaid.statusCode).toBe(409)
    const detail = (await call(t.app, 'GET', `/api/v1/invoices/${batch.invoice.id}`, { session: staff })).json()
    expect(detail).toMatchObject({ status: 'paid', paymentReference: 'CHK-1042', history: [{ kind: 'issued' }, { kind: 'paid', actor: 'Sam Staff', note: 'CHK-1042' }] })

    const other = (await buy(employer, { modules: ['SRMT'], quantity: 2, organization: 'Acme Manufacturing' })).json()
    expect((await call(t.app, 'POST', `/api/v1/admin/invoices/${other.invoice.id}/void`, { session: staff, body: { reason: 'x' } })).statusCode).toBe(400)
    const voided = await call(t.app, 'POST', `/api/v1/admin/invoices/${other.invoice.id}/void`, { session: staff, body: { reason: 'Ordered twice by mistake' } })
    expect(voided.statusCode, voided.body).toBe(200)
    expect(voided.json()).toMatchObject({ status: 'void', voidReason: 'Ordered twice by mistake', history: [{ kind: 'issued' }, { kind: 'voided', note: 'Ordered twice by mistake' }] })
    const codes = (await call(t.app, 'GET', `/api/v1/voucher-batches/${other.id}`, { session: employer })).json().codes
    expect(codes.map((c: { status: string }) => c.status)).toEqual(['void', 'void'])
    expect((await call(t.app, 'POST', `/api/v1/admin/invoices/${other.invoice.id}/void`, { session: staff, body: { reason: 'Ordered twice by mistake' } })).statusCode).toBe(409)
    expect((await call(t.app, 'POST', `/api/v1/admin/invoices/${other.invoice.id}/paid`, { session: staff, body: {} })).statusCode).toBe(409)
    expect((await call(t.app, 'POST', '/api/v1/admin/invoices/no-such-invoice/paid', { session: staff, body: {} })).statusCode).toBe(404)
  })

  it("numbers a registration's invoice, pays it through the registration and refuses to void it here", async () => {
    const candidate = await register(t.app, { email: `invoiced-${kind}@example.com`, firstName: 'Ivan', lastName: 'Invoiced' })
    const reg = (await call(t.app, 'POST', '/api/v1/registrations', { session: candidate, body: { sessionId, modules: ['MM', 'SRMT'] } })).json()
    const asked = await call(t.app, 'POST', `/api/v1/registrations/${reg.id}/payment`, { session: candidate, body: { method: 'invoice' } })
    expect(asked.statusCode, asked.body).toBe(200)
    const invoiceId = asked.json().invoiceId as string
    const detail = (await call(t.app, 'GET', `/api/v1/invoices/${invoiceId}`, { session: candidate })).json()
    expect(detail).toMatchObject({ subject: 'registration', registrationId: reg.id, amountCents: 12000, billTo: { name: 'Ivan Invoiced' }, number: expect.stringMatching(/^INV-/) })
    expect(detail.lines).toHaveLength(2)
    const list = (await call(t.app, 'GET', '/api/v1/admin/invoices?status=open&subject=registration', { session: staff })).json()
    expect(list.items.map((i: { id: string }) => i.id)).toContain(invoiceId)
    expect(list.items.every((i: { status: string; subject: string }) => i.status === 'open' && i.subject === 'registration')).toBe(true)
    expect((await call(t.app, 'POST', `/api/v1/admin/invoices/${invoiceId}/void`, { session: staff, body: { reason: 'Not through here' } })).statusCode).toBe(409)
    const paid = await call(t.app, 'POST', `/api/v1/admin/invoices/${invoiceId}/paid`, { session: staff, body: { paymentReference: 'WIRE 77' } })
    expect(paid.statusCode, paid.body).toBe(200)
    expect((await call(t.app, 'GET', `/api/v1/registrations/${reg.id}`, { session: candidate })).json()).toMatchObject({ status: 'confirmed', paymentMethod: 'invoice' })
  })

  it('refuses hostile quantities and bodies and stores nothing', async () => {
    const before = await counts()
    // A numeric string is read as its number (the server's validator coerces query-like scalars); words are not.
    for (const quantity of [0, -1, 1.5, 1_000_000_000, 'ten', '5 vouchers', 'Infinity', '1e9', null, { n: 1 }]) {
      const res = await buy(employer, { modules: ['MM'], quantity })
      expect(res.statusCode, `quantity ${JSON.stringify(quantity)}`).toBe(400)
      expect(errorCode(res)).toBe('VALIDATION')
    }
    const hostile: unknown[] = [
      { modules: [], quantity: 1 },
      { modules: ['MM', 'MM'], quantity: 1 },
      { modules: ['mm'], quantity: 1 },
      { modules: ['MM'], quantity: 1, organization: '<script>alert(1)</script>' },
      { modules: ['MM'], quantity: 1, organization: 'x'.repeat(201) },
      { modules: ['MM'], quantity: 1, expectedTotalCents: -5 },
      { modules: ['MM'], quantity: 1, buyerId: staff.userId },
      { modules: ['MM'], quantity: 1, expiresAt: 'tomorrow' },
      { modules: ['MM'], quantity: 1, expiresAt: '2001-01-01T00:00:00Z' },
      [{ modules: ['MM'], quantity: 1 }],
    ]
    for (const body of hostile) expect((await buy(employer, body)).statusCode, JSON.stringify(body)).toBe(400)
    const unknownModule = await buy(employer, { modules: ['ZZ'], quantity: 1 })
    expect(unknownModule.statusCode).toBe(400)
    const oversized = await call(t.app, 'POST', '/api/v1/voucher-batches', { session: employer, payload: JSON.stringify({ modules: ['MM'], quantity: 1, organization: 'a'.repeat(2 * 1024 * 1024) }) })
    expect(oversized.statusCode).toBe(413)
    const malformed = await call(t.app, 'POST', '/api/v1/voucher-batches', { session: employer, payload: '{"modules": ["MM"], "quantity": ' })
    expect(malformed.statusCode).toBe(400)
    const noCsrf = await call(t.app, 'POST', '/api/v1/voucher-batches', { session: employer, csrf: false, body: { modules: ['MM'], quantity: 1 } })
    expect(noCsrf.statusCode).toBe(403)
    expect((await call(t.app, 'GET', '/api/v1/voucher-batches?limit=0', { session: employer })).statusCode).toBe(400)
    expect((await call(t.app, 'GET', '/api/v1/voucher-batches?cursor=forged', { session: employer })).statusCode).toBe(400)
    expect((await call(t.app, 'GET', '/api/v1/admin/invoices?status=lost', { session: staff })).statusCode).toBe(400)
    expect((await call(t.app, 'GET', '/api/v1/voucher-batches/..%2F..%2Fetc', { session: staff })).statusCode).toBe(400)
    expect(await counts()).toEqual(before)
  })

  it("serves the invoice as a real PDF with its number, bill-to, lines, total and status", async () => {
    const batch = (await buy(employer, { modules: ['MM', 'SRMT'], quantity: 4, organization: 'Acme Manufacturing' })).json()
    await call(t.app, 'POST', `/api/v1/admin/invoices/${batch.invoice.id}/paid`, { session: staff, body: { paymentReference: 'ACH-55120' } })
    const res = await call(t.app, 'GET', `/api/v1/invoices/${batch.invoice.id}/pdf`, { session: employer })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    const pdf = res.rawPayload
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.subarray(-6).toString()).toContain('%%EOF')
    const text = pdfText(pdf)
    for (const expected of [batch.invoice.number, 'Manufacturing Technician Level 1', 'Acme Manufacturing', 'Erin Walsh', '$480.00', '$120.00', 'Paid', 'ACH-55120']) {
      expect(text, expected).toContain(expected)
    }
  })
})
