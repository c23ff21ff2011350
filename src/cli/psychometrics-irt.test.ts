import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { datasetsPresent, lsatCsv } from '../../test/helpers/psychometrics-datasets.js'
import { readReferenceCsv, referencePath } from '../../test/helpers/psychometrics-reference.js'
import { equateCommand, raschCommand } from './psychometrics-irt.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-psy-cli-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
const file = (name: string, text: string) => {
  const at = path.join(dir, name)
  fs.writeFileSync(at, text)
  return at
}

function run(command: typeof raschCommand, args: string[]) {
  let out = ''
  let err = ''
  const code = command(args, { out: (t) => (out += t), err: (t) => (err += t) })
  return { code, out, err, json: code === 0 ? JSON.parse(out) : undefined }
}

const present = datasetsPresent('psychometrics-irt-cli')

describe.skipIf(!present)('the CLI reproduces published results', () => {
  it('rasch on LSAT-6 (one row per examinee): the contract\'s JSON with slope 0.7551 and logLik −2466.938', () => {
    const result = run(raschCommand, [file('lsat6.csv', lsatCsv('Ob6'))])
    expect(result.code).toBe(0)
    expect(result.err).toBe('')
    expect(Object.keys(result.json)).toEqual(['discrimination', 'logLikelihood', 'items'])
    expect(result.json.discrimination).toBeCloseTo(0.7551, 4)
    expect(result.json.logLikelihood).toBeCloseTo(-2466.938, 3)
    expect(result.json.items.map((i: { id: string }) => i.id)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5'])
    ;[-3.6153, -1.3224, -0.3176, -1.7301, -2.7802].forEach((b, j) => expect(Math.abs(result.json.items[j].difficulty - b)).toBeLessThan(1e-3))
  })

  it('equate random groups on ACTmath converted to score,count files', () => {
    const rows = readReferenceCsv('actmath.csv')
    const x = file('act-x.csv', `score,count\n${rows.map((r) => `${r.scale},${r.xcount}`).join('\n')}\n`)
    const y = file('act-y.csv', `score,count\n${rows.map((r) => `${r.scale},${r.ycount}`).join('\n')}\n`)
    const args = (method: string) => ['--design', 'random-groups', '--method', method, '--x', x, '--y', y]
    const mean = run(equateCommand, args('mean')).json
    expect(mean.slope).toBe(1)
    expect(mean.intercept).toBeCloseTo(-0.8726, 4)
    const linear = run(equateCommand, args('linear')).json
    expect(linear.slope).toBeCloseTo(1.0886, 4)
    expect(linear.intercept).toBeCloseTo(-2.6319, 4)
    const equi = run(equateCommand, args('equipercentile')).json
    expect(Object.keys(equi)).toEqual(['slope', 'intercept', 'equated'])
    expect(equi.slope).toBeNull()
    expect(equi.equated).toHaveLength(41)
    expect(equi.equated[1].score).toBe(1)
    expect(equi.equated[1].equated).toBeCloseTo(0.9796, 4)
    expect(equi.equated[5].equated).toBeCloseTo(3.6205, 4)
  })

  it('equate NEAT on the KBneat files as published (R write.csv with row names)', () => {
    const expected = { tucker: [1.0292, 0.5378], levine: [1.011, 0.2514], chained: [1.0213, 0.3937] } as const
    for (const method of ['tucker', 'levine', 'chained'] as const) {
      const result = run(equateCommand, ['--design', 'neat', '--method', method, '--x', referencePath('kbneat-x.csv'), '--y', referencePath('kbneat-y.csv'), '--anchor', 'internal'])
      expect(result.code).toBe(0)
      expect(result.json.slope).toBeCloseTo(expected[method][0], 4)
      expect(result.json.intercept).toBeCloseTo(expected[method][1], 4)
      expect(result.json.equated).toHaveLength(37)
    }
  })
})

describe('malformed input: a message on stderr, nothing on stdout, exit 2', () => {
  const refused = (command: typeof raschCommand, args: string[], message: RegExp) => {
    const result = run(command, args)
    expect(result.code).toBe(2)
    expect(result.out).toBe('')
    expect(result.err).toMatch(message)
  }
  const scores = file('scores.csv', 'score,count\n0,2\n1,3\n2,1\n')
  const anchors = file('anchors.csv', 'total,anchor\n5,2\n8,3\n9,4\n')

  it('rasch: usage, a missing file, a malformed response file and a constant item', () => {
    refused(raschCommand, [], /Usage: mt1 psychometrics rasch/)
    refused(raschCommand, ['a.csv', 'b.csv'], /Usage/)
    refused(raschCommand, ['--fast', 'a.csv'], /Unknown option '--fast'/)
    refused(raschCommand, [path.join(dir, 'absent.csv')], /cannot read .*absent\.csv/)
    refused(raschCommand, [file('bad.csv', 'person,i1\np1,2\n')], /bad\.csv: line 2, item "i1": "2" is not 0 or 1/)
    refused(raschCommand, [file('missing.csv', 'person,i1,i2\np1,1,\n')], /empty cell is a missing response/)
    refused(raschCommand, [file('constant.csv', 'person,i1,i2\np1,1,0\np2,1,1\np3,1,0\n')], /item "i1" cannot be calibrated/)
    refused(raschCommand, [file('one.csv', 'person,i1,i2\np1,1,0\n')], /at least two examinees/)
  })

  it('equate: designs, methods and the anchor option', () => {
    refused(equateCommand, [], /Usage: mt1 psychometrics equate/)
    refused(equateCommand, ['--design', 'single-group', '--method', 'mean', '--x', scores, '--y', scores], /--design must be random-groups or neat/)
    refused(equateCommand, ['--design', 'random-groups', '--method', 'tucker', '--x', scores, '--y', scores], /takes --method mean, linear or equipercentile/)
    refused(equateCommand, ['--design', 'random-groups', '--method', 'toString', '--x', scores, '--y', scores], /takes --method mean/)
    refused(equateCommand, ['--design', 'random-groups', '--method', 'mean', '--x', scores, '--y', scores, '--anchor', 'internal'], /--anchor belongs to the NEAT design/)
    refused(equateCommand, ['--design', 'neat', '--method', 'tucker', '--x', anchors, '--y', anchors], /needs --anchor internal/)
    refused(equateCommand, ['--design', 'neat', '--method', 'tucker', '--x', anchors, '--y', anchors, '--anchor', 'external'], /needs --anchor internal/)
    refused(equateCommand, ['--design', 'neat', '--method', 'mean', '--x', anchors, '--y', anchors, '--anchor', 'internal'], /takes --method tucker, levine or chained/)
  })

  it('equate: the wrong file kind, malformed cells and data that cannot be equated', () => {
    refused(equateCommand, ['--design', 'neat', '--method', 'levine', '--x', scores, '--y', anchors, '--anchor', 'internal'], /"total,anchor"/)
    refused(equateCommand, ['--design', 'random-groups', '--method', 'mean', '--x', anchors, '--y', scores], /"score,count"/)
    refused(equateCommand, ['--design', 'random-groups', '--method', 'mean', '--x', file('neg.csv', 'score,count\n0,-4\n'), '--y', scores], /count: "-4"/)
    refused(equateCommand, ['--design', 'random-groups', '--method', 'linear', '--x', file('flat.csv', 'score,count\n3,10\n'), '--y', scores], /no spread/)
    refused(equateCommand, ['--design', 'random-groups', '--method', 'mean', '--x', file('quote.csv', 'score,count\n"0,1\n'), '--y', scores], /quoted field is not closed/)
  })

  it('equate succeeds on small well-formed files and prints one JSON document', () => {
    const result = run(equateCommand, ['--design', 'random-groups', '--method', 'mean', '--x', scores, '--y', scores])
    expect(result.code).toBe(0)
    expect(result.json).toEqual({ slope: 1, intercept: 0, equated: [{ score: 0, equated: 0 }, { score: 1, equated: 1 }, { score: 2, equated: 2 }] })
  })
})
