// `mt1 psychometrics rasch|equate` end to end: the real command in its own process (the dispatcher,
// stdout, stderr, exit codes). The numbers themselves are checked in src/cli/psychometrics-irt.test.ts.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src/server/config.js'
import { datasetsPresent, lsatCsv, psychometricsDir } from '../helpers/psychometrics-datasets.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-psychometrics-irt-cli-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function mt1(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src', 'cli', 'main.ts'), 'psychometrics', ...args], {
      cwd: projectRoot,
      // A data folder that does not exist: the commands must not need (or create) a database.
      env: { ...process.env, DATA_DIR: path.join(dir, 'no-data') },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

const present = datasetsPresent('psychometrics-irt-cli')

describe.skipIf(!present)('mt1 psychometrics rasch and equate', () => {
  it('print one JSON document and exit 0, or a message on stderr and exit 2; no database is opened', async () => {
    const lsat6 = path.join(dir, 'lsat6.csv')
    fs.writeFileSync(lsat6, lsatCsv('Ob6'))
    const [rasch, inherited, refused] = await Promise.all([
      mt1(['rasch', lsat6]),
      mt1(['constructor']),
      mt1(['equate', '--design', 'random-groups', '--method', 'linear', '--x', path.join(psychometricsDir, 'actmath.csv'), '--y', path.join(psychometricsDir, 'actmath.csv')]),
    ])
    expect(rasch.code, rasch.stderr).toBe(0)
    const fit = JSON.parse(rasch.stdout)
    expect(fit.discrimination).toBeCloseTo(0.7551, 4)
    expect(fit.logLikelihood).toBeCloseTo(-2466.938, 3)
    expect(fit.items).toHaveLength(5)
    // actmath.csv is scale,xcount,ycount, not the CLI's score,count: refused, and said why.
    expect(refused.code).toBe(2)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toMatch(/expected a header row "score,count"/)
    // A name every object inherits is not a subcommand.
    expect(inherited.code).toBe(2)
    expect(inherited.stderr).toMatch(/Unknown psychometrics command: constructor/)
    expect(fs.existsSync(path.join(dir, 'no-data'))).toBe(false)
  }, 60_000)
})
