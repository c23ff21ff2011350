// The one-time work of a server start: the shipped item bank, demo data on a fresh install, and what
// a crash left behind. Done by the single process, or once by the cluster's primary for all workers.
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

  // What a crash may have left behind: emails recorded but not delivered, jobs cut off midway.
  const resent = await app.services.notifications.resendQueued()
  const jobs = await app.services.jobs.recover()
  if (resent + jobs.resumed + jobs.failed > 0) app.log.warn({ resent, jobsResumed: jobs.resumed, jobsFailed: jobs.failed }, 'recovered after an unclean stop')
}
