// What every service is built with: the database, the settings, a clock (tests move it) and a logger.
import type { FastifyBaseLogger } from 'fastify'
import type { AppConfig } from './config.js'
import type { Db, DialectName } from './db/database.js'

export type Clock = () => Date

export interface ServerContext {
  db: Db
  dialect: DialectName
  config: AppConfig
  clock: Clock
  log: FastifyBaseLogger
}
