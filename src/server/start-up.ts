// The one-time work of a server start: the shipped item bank and demo data on a fresh install. Done by
// the single process, or once by the cluster's primary for all workers. What a crash left behind
// (emails, jobs) is every process's own start (background.ts): each may take over others' work.
import type { FastifyInstance } from 'fastify'
import type { AppConfig } from './config.js'
import { seedDemoIfFresh } from './db/seed/demo.js'

export async function prepareOnStart(app: FastifyInstance, config: AppConfig): Promise<void> {
  // The MT1 item bank ships with the program: a fresh database gets it whether or not it has demo data.
  const bank = await app.services.itemBank.seedShippedBank()
  if (bank) app.log.info(bank.summary, 'shipped MT1 item bank imported')
  if (config.demo) {
    const seeded = await seedDemoIfFresh(app)
    if (seeded) app.log.info('demo data seeded (accounts use the password mt1-demo); set MT1_DEMO=0 to start without it')
  }
}
