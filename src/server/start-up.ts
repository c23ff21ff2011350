// What a server start does to its data before it listens, and what it reports having done: the
// migrations it applied (app.ts, none when the database was up to date), the shipped item bank
// (imported only into a database without items: one count), and the demo data (only into a
// database without accounts: one read, and the seed's code is loaded only then).
import type { FastifyInstance } from 'fastify'
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
