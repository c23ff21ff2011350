// The xAPI 1.0.3 statement schema for tests: every statement a test sees the platform make or send can
// be checked with it. The schema itself lives with the learning-records module
// (src/server/modules/learning-records/xapi-statement.schema.json), because `record` checks every
// statement against it at run time too; it was written from the specification's text, not from
// buildStatement, and its own tests (statement-validator.test.ts) show it refusing what the spec refuses.
export { statementProblems as xapiStatementProblems } from '../../src/server/modules/learning-records/statement-validator.js'
