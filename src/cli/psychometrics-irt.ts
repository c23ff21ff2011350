// `mt1 psychometrics rasch` and `mt1 psychometrics equate` (forms and output fixed in API.md,
// "Psychometrics CLI"): read the files, compute, print one JSON document. The database is never
// opened. A malformed file or a refused calculation prints its message on stderr and exits 2.
import fs from 'node:fs'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { ResponseFileError, readResponses } from '../common/psychometrics/csv.js'
import {
  EquatingError, equipercentileEquating, linearEquating, meanEquating, neatEquating, neatScoreRange,
  type EquatingResult, type NeatMethod,
} from '../common/psychometrics/equating.js'
import { ScoreFileError, readAnchorRecords, readFrequencyTable } from '../common/psychometrics/frequency-table.js'
import { CalibrationError, calibrateRasch, collapsePatterns } from '../common/psychometrics/irt.js'

/** Where the commands write; tests pass their own to capture the output. */
export interface CliIo {
  out(text: string): void
  err(text: string): void
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}

// Far above any real response file; a larger one is refused before it is read into memory.
const MAX_FILE_BYTES = 256 * 1024 * 1024

/** The user's input is at fault: print the message, exit 2. */
class UsageError extends Error {}

function readText(file: string): string {
  let size: number
  try {
    size = fs.statSync(file).size
  } catch {
    throw new UsageError(`cannot read ${file}: no such file`)
  }
  if (size > MAX_FILE_BYTES) throw new UsageError(`${file} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`)
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`)
  }
}

/** Reads a file with one of the psychometrics readers; a malformed file's message names the file. */
function readWith<T>(file: string, reader: (text: string) => T): T {
  const text = readText(file)
  try {
    return reader(text)
  } catch (err) {
    if (err instanceof ResponseFileError || err instanceof ScoreFileError) throw new UsageError(`${file}: ${err.message}`)
    throw err
  }
}

const INPUT_ERRORS = [UsageError, CalibrationError, EquatingError]

function run(io: CliIo, compute: () => unknown): number {
  let result: unknown
  try {
    result = compute()
  } catch (err) {
    if (INPUT_ERRORS.some((kind) => err instanceof kind)) {
      io.err(`${(err as Error).message}\n`)
      return 2
    }
    throw err
  }
  io.out(`${JSON.stringify(result, null, 2)}\n`)
  return 0
}

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

const RASCH_USAGE = 'Usage: mt1 psychometrics rasch <responses.csv>'

/** `rasch <responses.csv>` → `{discrimination, logLikelihood, items: [{id, difficulty}]}`. */
export function raschCommand(args: string[], io: CliIo = processIo): number {
  return run(io, () => {
    const { positionals } = parse(args, {})
    if (positionals.length !== 1) throw new UsageError(RASCH_USAGE)
    const responses = readWith(positionals[0]!, (text) => readResponses(text))
    const fit = calibrateRasch(collapsePatterns(responses.scores), responses.items)
    if (!fit.converged) io.err(`note: the calibration stopped after ${fit.iterations} EM cycles without meeting its convergence criterion\n`)
    return {
      discrimination: fit.discrimination,
      logLikelihood: fit.logLikelihood,
      items: responses.items.map((id, j) => ({ id, difficulty: fit.difficulties[j]! })),
    }
  })
}

const EQUATE_USAGE = `Usage: mt1 psychometrics equate --design random-groups --method mean|linear|equipercentile --x <x.csv> --y <y.csv>
       mt1 psychometrics equate --design neat --method tucker|levine|chained --x <x.csv> --y <y.csv> --anchor internal`

const RANDOM_GROUPS = {
  mean: meanEquating,
  linear: linearEquating,
  equipercentile: equipercentileEquating,
} as const
const NEAT_METHODS: readonly NeatMethod[] = ['tucker', 'levine', 'chained']

/** `equate --design … --method … --x … --y … [--anchor internal]` → `{slope, intercept, equated}`. */
export function equateCommand(args: string[], io: CliIo = processIo): number {
  return run(io, (): EquatingResult => {
    const { values, positionals } = parse(args, {
      design: { type: 'string' }, method: { type: 'string' }, x: { type: 'string' }, y: { type: 'string' }, anchor: { type: 'string' },
    })
    const { design, method, x, y, anchor } = values as Record<string, string | undefined>
    if (positionals.length > 0 || !x || !y) throw new UsageError(EQUATE_USAGE)
    if (design === 'random-groups') {
      if (anchor !== undefined) throw new UsageError(`--anchor belongs to the NEAT design\n${EQUATE_USAGE}`)
      if (!method || !Object.hasOwn(RANDOM_GROUPS, method)) throw new UsageError(`the random-groups design takes --method mean, linear or equipercentile\n${EQUATE_USAGE}`)
      return RANDOM_GROUPS[method as keyof typeof RANDOM_GROUPS](readWith(x, readFrequencyTable), readWith(y, readFrequencyTable))
    }
    if (design === 'neat') {
      if (anchor !== 'internal') throw new UsageError(`the NEAT design needs --anchor internal (external anchors are not supported)\n${EQUATE_USAGE}`)
      if (!NEAT_METHODS.includes(method as NeatMethod)) throw new UsageError(`the NEAT design takes --method tucker, levine or chained\n${EQUATE_USAGE}`)
      const fromX = readWith(x, readAnchorRecords)
      return neatEquating(method as NeatMethod, fromX, readWith(y, readAnchorRecords), neatScoreRange(fromX))
    }
    throw new UsageError(`--design must be random-groups or neat\n${EQUATE_USAGE}`)
  })
}
