// The `mt1` command line: database upkeep and accounts for operators (forms fixed in API.md).
import { parseArgs } from 'node:util'
import { buildApp } from '../server/app.js'
import { loadConfig } from '../server/config.js'
import { migrateToLatest } from '../server/db/migrate.js'
import { openDatabase } from '../server/db/database.js'
import { seedDemo } from '../server/db/seed/demo.js'
import { INVITE_LINK_TTL_MS } from '../server/modules/accounts/auth.service.js'

const HELP = `mt1 — MT1 certification platform operations

Usage:
  mt1 migrate                      bring the database to the latest schema
  mt1 seed --demo                  add the demo accounts, center and sessions (password mt1-demo)
  mt1 users create-staff --email <email> --first-name <name> --last-name <name>
                                   create a program staff account and print a single-use link
                                   (valid 7 days) to choose its password — the first account of
                                   a production install started with MT1_DEMO=0

Settings come from the environment: DATA_DIR (default ./data) or DATABASE_URL for PostgreSQL.
`

async function migrate(): Promise<void> {
  const config = loadConfig()
  const handle = await openDatabase(config)
  try {
    const applied = await migrateToLatest(handle)
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.')
  } finally {
    await handle.close()
  }
}

async function withApp<T>(fn: (app: Awaited<ReturnType<typeof buildApp>>) => Promise<T>): Promise<T> {
  const app = await buildApp(loadConfig(), { logger: false })
  try {
    return await fn(app)
  } finally {
    await app.close()
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'migrate':
      await migrate()
      return 0
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' } }, strict: true })
      if (!values.demo) {
        console.error('Say what to seed: mt1 seed --demo')
        return 2
      }
      await withApp((app) => seedDemo(app))
      console.log('Demo data is in place. Log in as admin@demo.test, center@demo.test, proctor@demo.test, candidate@demo.test or employer@demo.test with the password mt1-demo.')
      return 0
    }
    case 'users': {
      const [sub, ...args] = rest
      if (sub !== 'create-staff') break
      const { values } = parseArgs({
        args,
        options: { email: { type: 'string' }, 'first-name': { type: 'string' }, 'last-name': { type: 'string' } },
        strict: true,
      })
      if (!values.email || !values['first-name'] || !values['last-name']) {
        console.error('mt1 users create-staff needs --email, --first-name and --last-name')
        return 2
      }
      const link = await withApp(async (app) => {
        const user = await app.services.users.createWithPassword({
          email: values.email!, firstName: values['first-name']!, lastName: values['last-name']!, roles: ['program_staff'],
        })
        return app.services.auth.issueResetLink(user.id, INVITE_LINK_TTL_MS)
      })
      console.log(`Created program staff account ${values.email}. Choose its password (link valid 7 days, usable once):\n${link}`)
      return 0
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP)
      return 0
  }
  console.error(`Unknown command: mt1 ${argv.join(' ')}\n\n${HELP}`)
  return 2
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  },
)
