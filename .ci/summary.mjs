// Prints one closing line for CI, "ci: N passed, N failed, N skipped", from the Vitest and
// Playwright JSON reports (a missing report counts as one failure: that suite did not run).
import fs from 'node:fs'

let passed = 0
let failed = 0
let skipped = 0

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    console.error(`no report at ${file}`)
    failed += 1
    return undefined
  }
}

// Further Vitest reports (the two-app pass) follow the Playwright one.
const [vitestFile, e2eFile, ...moreVitestFiles] = process.argv.slice(2)
for (const file of [vitestFile, ...moreVitestFiles]) {
  const vitest = read(file)
  if (!vitest) continue
  passed += vitest.numPassedTests
  failed += vitest.numFailedTests
  skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0)
}
const e2e = read(e2eFile)
if (e2e) {
  passed += e2e.stats.expected
  failed += e2e.stats.unexpected + (e2e.stats.flaky ?? 0)
  skipped += e2e.stats.skipped
}
console.log(`ci: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exitCode = failed > 0 ? 1 : 0
