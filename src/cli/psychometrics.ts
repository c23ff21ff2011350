// `mt1 psychometrics <subcommand>`: statistics on a response file, in the forms API.md fixes
// ("Psychometrics CLI"). Each subcommand prints one JSON document on stdout and returns 0; a file or
// argument it cannot use gets a message on stderr and 2. Nothing here opens the database or builds the
// app: the numbers can be checked from outside on any file.
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { analyseItems } from '../common/psychometrics/classical.js'
import { readResponses, ResponseFileError, type ResponseMatrix } from '../common/psychometrics/csv.js'
import { groupCodes, GroupTooSmallError, mantelHaenszel } from '../common/psychometrics/dif.js'
import { equateCommand, raschCommand } from './psychometrics-irt.js'

export const PSYCHOMETRICS_USAGE = `Usage:
  mt1 psychometrics items <responses.csv>
  mt1 psychometrics dif <responses.csv> --group <column> --reference <value> --focal <value>
  mt1 psychometrics rasch <responses.csv>
  mt1 psychometrics equate --design random-groups --method mean|linear|equipercentile --x <x.csv> --y <y.csv>
  mt1 psychometrics equate --design neat --method tucker|levine|chained --x <x.csv> --y <y.csv> --anchor internal`

/** A refusal the user can fix: printed on stderr, exit 2. */
class UsageError extends Error {}

/** A subcommand returns its exit code; it throws UsageError for anything the user can fix. */
type Subcommand = (args: string[]) => number | Promise<number>

/** One JSON document, nothing else, on stdout. */
function print(document: unknown): void {
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`)
}

function readFile(file: string | undefined): string {
  if (!file) throw new UsageError(`Name the response file.\n${PSYCHOMETRICS_USAGE}`)
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new UsageError(code === 'ENOENT' ? `${file}: no such file` : code === 'EISDIR' ? `${file} is a folder, not a file` : `cannot read ${file}: ${(err as Error).message}`)
  }
}

function responsesOf(file: string | undefined, group?: string): ResponseMatrix {
  const text = readFile(file)
  try {
    return readResponses(text, group === undefined ? {} : { group })
  } catch (err) {
    if (err instanceof ResponseFileError) throw new UsageError(`${file}: ${err.message}`)
    throw err
  }
}

function parse(args: string[], options: Record<string, { type: 'string' }>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${PSYCHOMETRICS_USAGE}`)
  }
}

function onePositional(positionals: string[]): string | undefined {
  if (positionals.length > 1) throw new UsageError(`One response file at a time (got ${positionals.length}).\n${PSYCHOMETRICS_USAGE}`)
  return positionals[0]
}

const items: Subcommand = (args) => {
  const { positionals } = parse(args, {})
  const m = responsesOf(onePositional(positionals))
  const a = analyseItems(m.scores, m.items)
  print({
    n: a.n,
    k: a.k,
    mean: a.mean,
    sd: a.sd,
    kr20: a.kr20,
    sem: a.sem,
    items: a.items.map((i) => ({ id: i.id, p: i.p, pointBiserial: i.pointBiserial, correctedItemTotal: i.correctedItemTotal, alphaIfDeleted: i.alphaIfDeleted })),
  })
  return 0
}

const dif: Subcommand = (args) => {
  const { values, positionals } = parse(args, { group: { type: 'string' }, reference: { type: 'string' }, focal: { type: 'string' } })
  const file = onePositional(positionals)
  const { group, reference, focal } = values
  if (group === undefined || reference === undefined || focal === undefined) throw new UsageError(`mt1 psychometrics dif needs --group, --reference and --focal.\n${PSYCHOMETRICS_USAGE}`)
  if (reference === focal) throw new UsageError('--reference and --focal name the same group')
  const m = responsesOf(file, group)
  const present = new Set(m.groups)
  for (const [flag, value] of [['--reference', reference], ['--focal', focal]] as const) {
    if (!present.has(value)) throw new UsageError(`${file}: no examinee has ${group} = "${value}" (${flag}); the column holds ${[...present].slice(0, 10).map((v) => `"${v}"`).join(', ')}`)
  }
  let result
  try {
    result = mantelHaenszel(m.scores, m.items, groupCodes(m.groups!, reference, focal))
  } catch (err) {
    if (err instanceof GroupTooSmallError) throw new UsageError(`${file}: ${err.message}`)
    throw err
  }
  print({ items: result.items.map((i) => ({ id: i.id, chiSquare: i.chiSquare, alphaMH: i.alphaMH, deltaMH: i.deltaMH, category: i.category })) })
  return 0
}

/** Subcommands by name. IRT and equating report their own refusals (exit 2) in psychometrics-irt.ts. */
const subcommands: Record<string, Subcommand> = { items, dif, rasch: (args) => raschCommand(args), equate: (args) => equateCommand(args) }

export async function psychometricsCommand(args: string[]): Promise<number> {
  const [name, ...rest] = args
  // Own names only: `constructor` or `toString` must not reach Object.prototype's functions.
  const run = name !== undefined && Object.hasOwn(subcommands, name) ? subcommands[name] : undefined
  if (!run) {
    console.error(`${name === undefined ? 'Say which statistics to compute.' : `Unknown psychometrics command: ${name}`}\n${PSYCHOMETRICS_USAGE}`)
    return 2
  }
  try {
    return await run(rest)
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(err.message)
      return 2
    }
    throw err
  }
}
