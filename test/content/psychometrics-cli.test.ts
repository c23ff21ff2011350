// `mt1 psychometrics items|dif` end to end: the real command in its own process on files written to a
// temporary folder, checked for the exit code and the JSON shape API.md fixes, or exit 2 with a
// message on stderr (and nothing on stdout) for each kind of malformed file or argument.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src/server/config.js'
import { datasetsPresent, lsatCsv, verbalAggressionCsv } from '../helpers/psychometrics-datasets.js'

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function mt1(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src', 'cli', 'main.ts'), ...args], { cwd: projectRoot, env: { ...process.env, DATA_DIR: path.join(dir, 'no-data') } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

const present = datasetsPresent('psychometrics-cli')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-psychometrics-cli-'))
const file = (name: string, text: string) => {
  const p = path.join(dir, name)
  fs.writeFileSync(p, text)
  return p
}

// Every invocation, started two at a time (the CLI loads in a couple of seconds), then checked.
const invocations: Record<string, string[]> = {}
const runs: Record<string, Run> = {}
const good = 'person,a,b,g\np1,1,0,F\np2,0,1,M\np3,1,1,F\n'
const refusals: [string, string[], RegExp][] = [
  ['missing file', ['items', path.join(dir, 'absent.csv')], /absent\.csv: no such file/],
  ['no header (empty file)', ['items', file('empty.csv', '')], /empty/],
  ['no person column', ['items', file('noperson.csv', 'id,a\nx,1\n')], /no "person" column/],
  ['a cell other than 0/1', ['items', file('cell.csv', 'person,a,b\np1,1,2\n')], /line 2, item "b": "2" is not 0 or 1/],
  ['an empty cell', ['items', file('blank.csv', 'person,a,b\np1,1,\n')], /refused in this version/],
  ['a ragged row', ['items', file('ragged.csv', 'person,a,b\np1,1,0\np2,1\n')], /line 3: 2 cells where the header has 3/],
  ['a group column absent', ['dif', file('good1.csv', good), '--group', 'sex', '--reference', 'F', '--focal', 'M'], /group column "sex" is not in the header/],
  ['a reference value absent', ['dif', file('good2.csv', good), '--group', 'g', '--reference', 'X', '--focal', 'M'], /no examinee has g = "X" \(--reference\)/],
  ['a focal value absent', ['dif', file('good3.csv', good), '--group', 'g', '--reference', 'F', '--focal', 'Y'], /no examinee has g = "Y" \(--focal\)/],
  ['dif without --group', ['dif', file('good4.csv', good), '--reference', 'F', '--focal', 'M'], /needs --group, --reference and --focal/],
  ['an unknown subcommand', ['frobnicate'], /Unknown psychometrics command: frobnicate/],
]

beforeAll(async () => {
  for (const [name, args] of refusals) invocations[name] = args
  invocations.small = ['items', file('small.csv', 'person,a,b\np1,1,0\n')]
  if (present) {
    invocations.lsat7 = ['items', file('lsat7.csv', lsatCsv('Ob7'))]
    invocations.verbal = ['dif', file('verbal.csv', verbalAggressionCsv()), '--group', 'Gender', '--reference', '0', '--focal', '1']
  }
  const queue = Object.entries(invocations)
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) runs[next[0]] = await mt1(['psychometrics', ...next[1]])
  }
  await Promise.all([worker(), worker()])
}, 180_000)

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('mt1 psychometrics', () => {
  it.skipIf(!present)('items prints one JSON document of the contract’s shape and exits 0 (LSAT-7)', () => {
    const run = runs.lsat7!
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    const doc = JSON.parse(run.stdout)
    expect(Object.keys(doc)).toEqual(['n', 'k', 'mean', 'sd', 'kr20', 'sem', 'items'])
    expect(doc.items).toHaveLength(5)
    for (const item of doc.items) expect(Object.keys(item)).toEqual(['id', 'p', 'pointBiserial', 'correctedItemTotal', 'alphaIfDeleted'])
    expect(doc.n).toBe(1000)
    expect(doc.k).toBe(5)
    expect(doc.kr20).toBeCloseTo(0.453, 3)
    expect(doc.items.map((i: { id: string }) => i.id)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5'])
    expect(doc.items[2].pointBiserial).toBeCloseTo(0.611, 3)
  })

  it.skipIf(!present)('dif prints one JSON document of the contract’s shape and exits 0 (verbal aggression)', () => {
    const run = runs.verbal!
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    const doc = JSON.parse(run.stdout)
    expect(Object.keys(doc)).toEqual(['items'])
    expect(doc.items).toHaveLength(24)
    for (const item of doc.items) expect(Object.keys(item)).toEqual(['id', 'chiSquare', 'alphaMH', 'deltaMH', 'category'])
    const shout = doc.items.find((i: { id: string }) => i.id === 'S2WantShout')
    expect([shout.chiSquare, shout.alphaMH, shout.deltaMH].map((x: number) => Number(x.toFixed(4)))).toEqual([9.6032, 2.8804, -2.4861])
    expect(shout.category).toBe('C')
  })

  it('prints null, not NaN, where a statistic is undefined (one examinee)', () => {
    const run = runs.small!
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({
      n: 1, k: 2, mean: 1, sd: null, kr20: null, sem: null,
      items: [
        { id: 'a', p: 1, pointBiserial: null, correctedItemTotal: null, alphaIfDeleted: null },
        { id: 'b', p: 0, pointBiserial: null, correctedItemTotal: null, alphaIfDeleted: null },
      ],
    })
  })

  it.each(refusals)('refuses %s: a message on stderr, nothing on stdout, exit 2', (name, _args, message) => {
    const run = runs[name]!
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(message)
  })
})
