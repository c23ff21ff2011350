// mt1 seed --synthetic-certificates <n>: synthetic certificate holders for benchmarks, with a
// progress bar on stderr and a summary (count, time, rate) on stdout.
import type { FastifyInstance } from 'fastify'
import { seedSyntheticCertificates } from '../server/db/seed/synthetic-certificates.js'
import { progressBar } from './progress.js'

const MAX = 10_000_000

export async function syntheticCommand(value: string, withApp: <T>(fn: (app: FastifyInstance) => Promise<T>) => Promise<T>): Promise<number> {
  const count = Number(value)
  if (!/^\d+$/.test(value) || count < 1 || count > MAX) {
    console.error(`--synthetic-certificates takes a number of holders from 1 to ${MAX.toLocaleString('en-US')}`)
    return 2
  }
  const started = Date.now()
  const summary = await withApp(async (app) => {
    const bar = progressBar(count, 'holders')
    const result = await seedSyntheticCertificates(app.db, app.dialect, count, app.program.credentials, { onProgress: (done) => bar.update(done) })
    bar.finish()
    return result
  })
  const seconds = (Date.now() - started) / 1000
  console.log(`Added ${summary.holders.toLocaleString('en-US')} synthetic holders with ${summary.credentials.toLocaleString('en-US')} certificates in ${seconds.toFixed(1)} s (${Math.round(summary.holders / seconds).toLocaleString('en-US')} holders/s). They cannot log in; their emails end in @synthetic.mt1.invalid.`)
  return 0
}
