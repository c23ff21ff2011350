// Settings from the environment (names fixed by the published contract), read once at start-up.
import path from 'node:path'

export interface AppConfig {
  port: number
  host: string
  dataDir: string
  databaseUrl: string | undefined
  /** PostgreSQL schema to use instead of `public` (lets tests and side-by-side installs share a server). */
  databaseSchema: string | undefined
  demo: boolean
  publicUrl: string
  smtpUrl: string | undefined
  /** Per-IP requests a minute on public lookups and forms; 0 turns the limit off (load tests). */
  rateLimitPublicPerMinute: number
  logLevel: string
  programDir: string
  webDir: string
  /** Send cookies with `Secure`: on when the public address is https. */
  secureCookies: boolean
  trustProxy: boolean
}

/** The checkout root: this file is src/server/config.ts or, built, dist/server/config.js. */
export const projectRoot = path.resolve(import.meta.dirname, '..', '..')

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`)
  return n
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
    demo: env.MT1_DEMO !== '0',
    publicUrl,
    smtpUrl: env.SMTP_URL || undefined,
    rateLimitPublicPerMinute: int(env.RATE_LIMIT_PUBLIC_PER_MINUTE, 120, 'RATE_LIMIT_PUBLIC_PER_MINUTE'),
    logLevel: env.LOG_LEVEL || 'info',
    programDir: path.resolve(env.MT1_PROGRAM_DIR || path.join(projectRoot, 'program', 'mt1')),
    webDir: path.join(projectRoot, 'dist', 'web'),
    secureCookies: publicUrl.startsWith('https://'),
    trustProxy: env.TRUST_PROXY === '1',
    ...overrides,
  }
}
