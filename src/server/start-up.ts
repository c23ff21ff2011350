// What a server start does to its data before it listens, and what it reports having done: the
// migrations it applied (app.ts, none when the database was up to date), the shipped item bank
// (imported only into a database without items: one count), and the demo data (only into a
// database without accounts: one read, and the seed's code is loaded only then). Done by the single
// process, or once by the cluster's primary for all workers. What a crash left behind (emails, jobs)
// is every process's own start (background.ts): each may take over others' work.
import type { FastifyInstance } from 'fastify'
import type { AppConfig } from './config.js'
import type { ImportReport } from './modules/item-bank/item-bank.service.js'

export interface StartReport {
  migrationsApplied: readonly string[]
  /** The shipped bank's import summary, or null when the database had items already. */
  bankImported: ImportReport['summary'] | null
  demoSeeded: boolean
}

export async function prepareData(app: FastifyInstance, options: { demo: boolean }): Promise<StartReport> {
  // The MT1 item bank ships with the program: a fresh database gets it whether or not it has demo data.
  const bank = await app.services.itemBank.seedShippedBank()
  let demoSeeded = false
  if (options.demo && !(await app.db.selectFrom('users').select('id').limit(1).executeTakeFirst())) {
    const { seedDemoIfFresh } = await import('./db/seed/demo.js')
    demoSeeded = await seedDemoIfFresh(app)
  }
  return { migrationsApplied: app.migrationsApplied, bankImported: bank?.summary ?? null, demoSeeded }
}

/** prepareData, with what it did in the log. */
export async function prepareOnStart(app: FastifyInstance, config: AppConfig): Promise<StartReport> {
  const start = await prepareData(app, { demo: config.demo })
  if (start.migrationsApplied.length > 0) app.log.info({ migrations: start.migrationsApplied }, 'database migrated')
  if (start.bankImported) app.log.info(start.bankImported, 'shipped MT1 item bank imported')
  if (start.demoSeeded) app.log.info('demo data seeded (accounts use the password mt1-demo); set MT1_DEMO=0 to start without it')
  return start
}
