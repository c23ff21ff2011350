// What every service is built with: the database, the settings, a clock (tests move it) and a logger.
import type { FastifyBaseLogger } from 'fastify'
import type { AppConfig } from './config.js'
import type { Db, DialectName } from './db/database.js'
import type { Envelope } from './crypto/envelope.js'

export type Clock = () => Date

export interface ServerContext {
  db: Db
  dialect: DialectName
  config: AppConfig
  clock: Clock
  log: FastifyBaseLogger
  /** Seals and opens the secrets stored in the database under the key-encryption key (crypto/envelope.ts). */
  secrets: Envelope
}
