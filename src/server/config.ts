// Settings from the environment (names fixed by the published contract), read once at start-up.
import { DIF_MIN_GROUP_SIZE } from '../common/rules/demographics.js'
import path from 'node:path'
import { DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from './db/database.js'
import { parseKek } from './crypto/envelope.js'

export interface AppConfig {
  port: number
  host: string
  dataDir: string
  databaseUrl: string | undefined
  /** PostgreSQL schema to use instead of `public` (lets tests and side-by-side installs share a server). */
  databaseSchema: string | undefined
  /** PostgreSQL connect, statement, idle-in-transaction, client read and probe timeouts (DB_*_MS). */
  databaseTimeouts: DatabaseTimeouts
  demo: boolean
  publicUrl: string
  smtpUrl: string | undefined
  /** Per-IP requests a minute on public lookups and forms; 0 turns the limit off (load tests). */
  rateLimitPublicPerMinute: number
  /** REDIS_URL: Redis for the rate-limit counters shared by every instance (else PostgreSQL's table, or memory on SQLite). */
  redisUrl: string | undefined
  logLevel: string
  programDir: string
  webDir: string
  /** Send cookies with `Secure`: on when the public address is https. */
  secureCookies: boolean
  trustProxy: boolean
  /** METRICS_TOKEN: a Bearer token that opens /metrics from any address. */
  metricsToken: string | undefined
  /** METRICS_ALLOW: addresses (CIDRs, comma-separated) that read /metrics without the token; default loopback only. */
  metricsAllow: string[]
  /** DIF_MIN_GROUP_SIZE: the fewest candidates in each group a DIF comparison is computed on (default 100). */
  difMinGroupSize: number
  /** MT1_KEY_ENCRYPTION_KEY: the key-encryption key of stored secrets (32 bytes, hex or base64); unset: DATA_DIR/key-encryption-key. */
  keyEncryptionKey: string | undefined
}

/** The checkout root: this file is src/server/config.ts or, built, dist/server/config.js. */
export const projectRoot = path.resolve(import.meta.dirname, '..', '..')

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`)
  return n
}

/** DB_*_MS settings; the client's read timeout defaults to the statement timeout plus 5 s. */
function databaseTimeouts(env: NodeJS.ProcessEnv): DatabaseTimeouts {
  const d = DEFAULT_DATABASE_TIMEOUTS
  const statementMs = int(env.DB_STATEMENT_TIMEOUT_MS, d.statementMs, 'DB_STATEMENT_TIMEOUT_MS')
  return {
    connectMs: int(env.DB_CONNECT_TIMEOUT_MS, d.connectMs, 'DB_CONNECT_TIMEOUT_MS'),
    statementMs,
    idleInTransactionMs: int(env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS, d.idleInTransactionMs, 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS'),
    queryMs: int(env.DB_QUERY_TIMEOUT_MS, statementMs > 0 ? statementMs + 5_000 : 0, 'DB_QUERY_TIMEOUT_MS'),
    probeMs: Math.max(1, int(env.DB_PROBE_TIMEOUT_MS, d.probeMs, 'DB_PROBE_TIMEOUT_MS')),
  }
}

/** Checked here so a malformed key stops the start before anything opens; kept as given (parsed where used). */
function keyEncryptionKey(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined
  parseKek(value)
  return value
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const port = int(env.PORT, 3000, 'PORT')
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '')
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.DATABASE_SCHEMA || undefined,
    databaseTimeouts: databaseTimeouts(env),
    demo: env.MT1_DEMO !== '0',
    publicUrl,
    smtpUrl: env.SMTP_URL || undefined,
    rateLimitPublicPerMinute: int(env.RATE_LIMIT_PUBLIC_PER_MINUTE, 120, 'RATE_LIMIT_PUBLIC_PER_MINUTE'),
    redisUrl: env.REDIS_URL || undefined,
    difMinGroupSize: Math.max(1, int(env.DIF_MIN_GROUP_SIZE, DIF_MIN_GROUP_SIZE, 'DIF_MIN_GROUP_SIZE')),
    logLevel: env.LOG_LEVEL || 'info',
    programDir: path.resolve(env.MT1_PROGRAM_DIR || path.join(projectRoot, 'program', 'mt1')),
    webDir: path.join(projectRoot, 'dist', 'web'),
    secureCookies: publicUrl.startsWith('https://'),
    trustProxy: env.TRUST_PROXY === '1',
    metricsToken: env.METRICS_TOKEN || undefined,
    keyEncryptionKey: keyEncryptionKey(env.MT1_KEY_ENCRYPTION_KEY),
    metricsAllow: env.METRICS_ALLOW === undefined ? ['127.0.0.0/8', '::1/128'] : env.METRICS_ALLOW.split(',').map((c) => c.trim()).filter((c) => c !== '' && c !== 'none'),
    ...overrides,
  }
}
