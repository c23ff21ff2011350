// The time to rescore after a key correction, over BENCH_ATTEMPTS scored attempts (default 100,000)
// that all drew the corrected item, on SQLite: each result is recomputed from its stored responses,
// changed results are written and audited, certificates are awarded or withdrawn, and every
// candidate is emailed. The baseline, in the same run, is reading and scoring the same attempts in
// memory without writing anything; the ratio is full rescoring time over that.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { FormItem } from '../src/common/items/form-assembly.js'
import { buildApp } from '../src/server/app.js'
import { loadConfig } from '../src/server/config.js'
import { newId } from '../src/server/ids.js'
import type { Actor } from '../src/server/modules/accounts/actor.js'
import { envNumber, printResult, printTable } from './lib/harness.js'

const BATCH = 1000

export async function run(): Promise<void> {
  const attempts = envNumber('BENCH_ATTEMPTS', 100_000)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-bench-rescore-'))
  const app = await buildApp(loadConfig({ DATA_DIR: dataDir, MT1_DEMO: '0', LOG_LEVEL: 'error' }), { logger: false })
  try {
    await app.services.itemBank.seedShippedBank()
    const staffUser = await app.services.users.createWithPassword({ email: 'bench-staff@bench.test', firstName: 'Bench', lastName: 'Staff', roles: ['program_staff'] })
    const staff: Actor = { userId: staffUser.id, email: 'bench-staff@bench.test', roles: ['program_staff'], via: 'cookie' }

    // One MM form for everyone, and the single-choice item X on it whose key will be corrected.
    const { form } = await app.services.itemBank.assemble('MM', 'operational', 7)
    let x: { id: string; xml: string; key: string; other: string } | undefined
    for (const f of form) {
      const item = await app.services.itemBank.get(staff, f.itemId)
      const key = /<qti-correct-response><qti-value>([A-Za-z0-9_-]+)<\/qti-value><\/qti-correct-response>/.exec(item.qtiXml)?.[1]
      const choices = [...item.qtiXml.matchAll(/<qti-simple-choice identifier="([A-Za-z0-9_-]+)"/g)].map((m) => m[1]!)
      if (key && choices.length > 1 && item.type === 'single_choice' && !/<img|<object/.test(item.qtiXml)) {
        x = { id: f.itemId, xml: item.qtiXml, key, other: choices.find((c) => c !== key)! }
        break
      }
    }
    if (!x) throw new Error('no single-choice item without figures on the form')
    const keys = new Map(await Promise.all(form.map(async (f) => [f.itemId, (await app.services.itemBank.get(staff, f.itemId)).correctResponse] as const)))
    const others = form.filter((f) => f.itemId !== x!.id).slice(0, 17)
    // Half answer X with the old key (they pass at 18/24 and lose it), half with the corrected one.
    const responsesFor = (i: number) => [...others.map((f) => [f.itemId, keys.get(f.itemId)] as const), [x!.id, { RESPONSE: i % 2 === 0 ? x!.key : x!.other }] as const]

    console.log(`preparing ${attempts} scored attempts…`)
    const t0 = performance.now()
    const now = new Date().toISOString()
    const centerId = newId()
    const sessionId = newId()
    await app.db.insertInto('centers').values({ id: centerId, name: 'Bench Center', kind: 'center', address_line1: '1 Bench St', address_line2: null, city: 'Richmond', state: 'VA', postal_code: '23219', phone: null, email: null, status: 'certified', certified_until: now, created_at: now, time_zone: 'America/New_York' }).execute()
    await app.db.insertInto('test_sessions').values({ id: sessionId, center_id: centerId, starts_at: now, ends_at: now, seats: attempts, modules: '["MM"]', status: 'closed', created_at: now, created_by: null }).execute()
    const formJson = JSON.stringify(form)
    const models = await app.services.results.modelsOf(form as FormItem[])
    for (let start = 0; start < attempts; start += BATCH) {
      await app.db.transaction().execute(async (trx) => {
        const n = Math.min(BATCH, attempts - start)
        const rows = Array.from({ length: n }, (_, k) => ({ i: start + k, user: newId(), reg: newId(), attempt: newId() }))
        await trx.insertInto('users').values(rows.map((r) => ({ id: r.user, email: `rescore-${r.i}@bench.test`, password_hash: null, first_name: 'Bench', last_name: `Holder ${r.i}`, status: 'active' as const, created_at: now, updated_at: now }))).execute()
        await trx.insertInto('registrations').values(rows.map((r) => ({
          id: r.reg, session_id: sessionId, candidate_id: r.user, modules: '["MM"]', status: 'confirmed' as const, holds_seat: 1, hold_expires_at: null, payment_method: 'none' as const,
          voucher_id: null, override_reason: null, created_by: null, created_at: now, updated_at: now, cancelled_at: null, reminder_sent_at: null, queue_no: r.i + 1, confirmation_number: `BENCH-${r.i}`,
        }))).execute()
        await trx.insertInto('attempts').values(rows.map((r) => ({
          id: r.attempt, registration_id: r.reg, session_id: sessionId, candidate_id: r.user, module: 'MM', status: 'scored' as const, seed: 7, form: formJson, time_factor: 1,
          started_at: now, deadline_at: now, paused_at: null, pause_reason: null, submitted_at: now, updated_at: now, device_id: null, last_seen_at: null,
        }))).execute()
        const responses = rows.flatMap((r) => responsesFor(r.i).map(([itemId, response]) => ({ attempt_id: r.attempt, item_id: itemId, response: JSON.stringify(response), seq: 1, saved_at: now })))
        for (let k = 0; k < responses.length; k += 400) await trx.insertInto('attempt_responses').values(responses.slice(k, k + 400)).execute()
        for (const r of rows) {
          const answers = new Map(responsesFor(r.i).map(([id, v]) => [id, v as unknown]))
          await app.services.results.record(trx, { id: r.attempt, candidate_id: r.user, module: 'MM', form: formJson, submitted_at: now }, app.services.results.computeResult({ id: r.attempt, candidate_id: r.user, module: 'MM', form: formJson, submitted_at: now }, answers, models))
        }
      })
      process.stderr.write(`\r  ${Math.min(start + BATCH, attempts)} / ${attempts}`)
    }
    process.stderr.write('\n')
    console.log(`prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

    // Baseline: read and score every affected attempt, writing nothing.
    const b0 = performance.now()
    const ids = (await app.db.selectFrom('attempts').select(['id', 'candidate_id', 'form', 'submitted_at']).where('status', '=', 'scored').execute())
    for (let k = 0; k < ids.length; k += 200) {
      const slice = ids.slice(k, k + 200)
      const responses = await app.db.selectFrom('attempt_responses').select(['attempt_id', 'item_id', 'response']).where('attempt_id', 'in', slice.map((a) => a.id)).execute()
      for (const a of slice) {
        const answers = new Map(responses.filter((r) => r.attempt_id === a.id).map((r) => [r.item_id, JSON.parse(r.response) as unknown]))
        app.services.results.computeResult({ ...a, module: 'MM' }, answers, await app.services.results.modelsOf(JSON.parse(a.form) as FormItem[]))
      }
    }
    const baseline = (performance.now() - b0) / 1000

    // The correction: version 2 keys the other option; every attempt changes (half pass, half fail).
    const v2 = await app.services.itemBank.update(staff, x.id, { qtiXml: x.xml.replace(`<qti-value>${x.key}</qti-value></qti-correct-response>`, `<qti-value>${x.other}</qti-value></qti-correct-response>`), note: 'key correction' })
    const r0 = performance.now()
    const { jobId } = await app.services.rescoring.correct(staff, x.id, { version: 1, action: 'use_version', replacementVersion: v2.version, reason: 'Benchmark key correction' })
    await app.services.rescoring.idle()
    const rescoreSeconds = (performance.now() - r0) / 1000
    // The job is done when every change and email is committed; the emails' delivery (rendered into
    // DATA_DIR/outbox here) runs beside it on the same event loop and may finish later: reported too.
    await app.services.notifications.flush()
    const deliveredSeconds = (performance.now() - r0) / 1000
    const job = await app.db.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow()
    printTable([{ attempts, 'job status': job.status, report: job.report ?? '', 'rescore s': +rescoreSeconds.toFixed(1), 'emails delivered s': +deliveredSeconds.toFixed(1), 'score-only baseline s': +baseline.toFixed(1), 'attempts/s': Math.round(attempts / rescoreSeconds) }])
    printResult({ bench: 'rescore', value: +rescoreSeconds.toFixed(1), unit: 's', baseline: +baseline.toFixed(1), ratio: +(rescoreSeconds / baseline).toFixed(2) })
  } finally {
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
