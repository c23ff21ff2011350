// Checks statements against the xAPI 1.0.3 statement schema (xapi-statement.schema.json, written from
// the specification's text, not from buildStatement). `record` runs every statement through it before
// storing: a statement this platform cannot stand behind as an LRS, or send to another, is a bug in the
// code that asked for it, so it is thrown, never stored.
import { Ajv, type ErrorObject } from 'ajv'
import schema from './xapi-statement.schema.json' with { type: 'json' }

// $data: the score's raw must lie within min and max, and min below max (spec 2.4.5.1). strictTypes is
// off because the schema's composition (required-only branches of oneOf) is plain draft-07.
const ajv = new Ajv({ $data: true, allErrors: true, strict: true, strictTypes: false, strictRequired: false })
const check = ajv.compile(schema)

export interface StatementProblem {
  path: string
  message: string
}

/** The statement's problems against the xAPI 1.0.3 schema; empty when it is valid. */
export function statementProblems(statement: unknown): StatementProblem[] {
  if (check(statement)) return []
  return (check.errors ?? []).map((e: ErrorObject) => ({ path: e.instancePath || '/', message: e.message ?? 'is not valid' }))
}

export class InvalidStatementError extends Error {
  constructor(readonly problems: StatementProblem[]) {
    super(`Not a valid xAPI 1.0.3 statement: ${problems.slice(0, 5).map((p) => `${p.path} ${p.message}`).join('; ')}`)
    this.name = 'InvalidStatementError'
  }
}

/** Throws InvalidStatementError when the statement is not valid xAPI 1.0.3. */
export function assertValidStatement(statement: unknown): void {
  const problems = statementProblems(statement)
  if (problems.length) throw new InvalidStatementError(problems)
}
