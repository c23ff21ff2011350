// The `mt1` command line: database upkeep and accounts for operators (forms fixed in API.md).
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { buildApp } from '../server/app.js'
import { psychometricsCommand } from './psychometrics.js'

// The server's modules are loaded only by the commands that use them: `mt1 psychometrics` reads a file
// and computes, and should not wait seconds for Fastify, the database drivers and every module to load.
const server = {
  app: () => import('../server/app.js'),
  config: () => import('../server/config.js'),
}

const HELP = `mt1 — MT1 certification platform operations

Usage:
  mt1 migrate                      bring the database to the latest schema
  mt1 seed --demo                  add the demo accounts, center and sessions (password mt1-demo)
  mt1 seed --synthetic-certificates <n>
                                   add n synthetic certificate holders (benchmarks), in batches,
                                   with a progress bar
  mt1 items import <folder or .zip> [--activate]
                                   import a QTI 3.0 content package or a folder of item XML files;
                                   one line per item and a summary (new items are drafts unless
                                   --activate, which activates those with a skill); an item refused
                                   for its content is reported and skipped, and a failure stores
                                   nothing from the package
  mt1 items export <folder>        write the item bank as a QTI 3.0 package with imsmanifest.xml
  mt1 users create-staff --email <email> --first-name <name> --last-name <name>
                                   create a program staff account and print a single-use link
                                   (valid 7 days) to choose its password — the first account of
                                   a production install started with MT1_DEMO=0
  mt1 keys rotate                  sign new credentials with a new issuer key (stored in the database,
                                   encrypted; every instance uses it from its next signature);
                                   old keys stay published, so earlier credentials still verify
  mt1 keys rewrap                  re-encrypt the stored issuer keys and LRS secrets from the current
                                   key-encryption key to MT1_NEW_KEY_ENCRYPTION_KEY
  mt1 psychometrics items <responses.csv>
                                   classical item statistics and KR-20 of a scored response file
                                   (header row; column person; every other column an item, 0 or 1),
                                   as one JSON document
  mt1 psychometrics dif <responses.csv> --group <column> --reference <value> --focal <value>
                                   Mantel–Haenszel DIF of every item between two groups, with the
                                   ETS A/B/C category, as one JSON document
  mt1 psychometrics rasch <responses.csv>
                                   Rasch calibration by marginal maximum likelihood (one common
                                   discrimination): logLikelihood and each item's difficulty
  mt1 psychometrics equate --design random-groups --method mean|linear|equipercentile --x <x.csv> --y <y.csv>
  mt1 psychometrics equate --design neat --method tucker|levine|chained --x <x.csv> --y <y.csv> --anchor internal
                                   observed-score equating of form X onto form Y: score,count tables
                                   (random groups) or per-examinee total,anchor files (NEAT)
                                   (a malformed file or argument: message on stderr, exit 2;
                                   these commands never open the database)

Settings come from the environment: DATA_DIR (default ./data) or DATABASE_URL for PostgreSQL, and
MT1_KEY_ENCRYPTION_KEY (default: the key in DATA_DIR/key-encryption-key).
`

async function migrate(): Promise<void> {
  const { loadConfig } = await server.config()
  const { openDatabase } = await import('../server/db/database.js')
  const { migrateToLatest } = await import('../server/db/migrate.js')
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
  const [{ buildApp }, { loadConfig }] = await Promise.all([server.app(), server.config()])
  const app = await buildApp(loadConfig(), { logger: false })
  try {
    return await fn(app)
  } finally {
    await app.close()
  }
}

async function itemsCommand(args: string[]): Promise<number> {
  const [sub, ...more] = args
  const { values, positionals } = parseArgs({ args: more, options: { activate: { type: 'boolean' } }, allowPositionals: true, strict: true })
  const target = positionals[0]
  if ((sub !== 'import' && sub !== 'export') || !target || positionals.length > 1) {
    console.error('Usage: mt1 items import <folder or .zip> [--activate] | mt1 items export <folder>')
    return 2
  }
  const { readFolder, readZip, writeFolder } = await import('../server/modules/item-bank/package.js')
  if (sub === 'export') {
    const files = await withApp((app) => app.services.itemBank.exportFiles('operator'))
    if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
      console.error(`${target} is not empty; export into a new or empty folder.`)
      return 2
    }
    writeFolder(target, files)
    console.log(`Exported ${files.size - 1} files (items and figures) and imsmanifest.xml to ${path.resolve(target)}`)
    return 0
  }
  let files
  try {
    files = target.toLowerCase().endsWith('.zip') ? readZip(fs.readFileSync(target)) : readFolder(target)
  } catch (err) {
    console.error(`Cannot read ${target}: ${(err as Error).message}`)
    return 1
  }
  let report
  try {
    report = await withApp((app) => app.services.itemBank.importAsOperator(files, values.activate === true))
  } catch (err) {
    // The package is imported in one transaction: a failure leaves the bank as it was.
    console.error(`The import failed, and nothing from the package was stored: ${(err as Error).message}`)
    return 1
  }
  for (const line of report.lines) {
    const what = line.outcome === 'failed' ? `not imported: ${line.reason}` : `${line.outcome} (${line.type}${line.manualScoring ? ', scored by a person' : ''})`
    console.log(`${line.identifier ?? '?'}  ${line.path}  ${what}${line.warnings?.length ? ` — ${line.warnings.join('; ')}` : ''}`)
  }
  for (const note of report.notes) console.log(`note: ${note}`)
  const s = report.summary
  console.log(`${s.imported} imported, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed} not imported`)
  return 0
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'migrate':
      await migrate()
      return 0
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' }, 'synthetic-certificates': { type: 'string' } }, strict: true })
      if (values['synthetic-certificates'] !== undefined) return (await import('./synthetic.js')).syntheticCommand(values['synthetic-certificates'], withApp)
      if (!values.demo) {
        console.error('Say what to seed: mt1 seed --demo | mt1 seed --synthetic-certificates <n>')
        return 2
      }
      const { seedDemo } = await import('../server/db/seed/demo.js')
      await withApp((app) => seedDemo(app))
      console.log('Demo data is in place. Log in as admin@demo.test, center@demo.test, proctor@demo.test, candidate@demo.test or employer@demo.test with the password mt1-demo.')
      return 0
    }
    case 'items':
      return itemsCommand(rest)
    case 'keys':
      return (await import('./keys.js')).keysCommand(rest, withApp)
    case 'psychometrics':
      return psychometricsCommand(rest)
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
      const { INVITE_LINK_TTL_MS } = await import('../server/modules/accounts/auth.service.js')
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
