// Reads and validates the program definition at start-up. A broken definition stops the server
// with a message naming every bad field, rather than serving wrong rules.
import fs from 'node:fs'
import path from 'node:path'
import { Compile } from 'typebox/compile'
import { programConsistencyProblems } from '../../../common/program/program-consistency.js'
import { ProgramSchema, type Program } from '../../../common/program/program-schema.js'

export class ProgramDefinitionError extends Error {
  constructor(file: string, problems: string[]) {
    super(`The program definition ${file} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ProgramDefinitionError'
  }
}

const validator = Compile(ProgramSchema)

export function parseProgram(raw: unknown, file = 'program.json'): Program {
  if (!validator.Check(raw)) {
    const problems = [...validator.Errors(raw)].map((e) => `${e.instancePath || '/'}: ${e.message}`)
    throw new ProgramDefinitionError(file, problems)
  }
  const program = raw as Program
  const problems = programConsistencyProblems(program)
  if (problems.length > 0) throw new ProgramDefinitionError(file, problems)
  return deepFreeze(program)
}

export function loadProgram(programDir: string): Program {
  const file = path.join(programDir, 'program.json')
  let raw: unknown
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (err) {
    throw new ProgramDefinitionError(file, [`cannot be read as JSON: ${(err as Error).message}`])
  }
  return parseProgram(raw, file)
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}
