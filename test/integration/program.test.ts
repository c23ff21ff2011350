import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadProgram, ProgramDefinitionError } from '../../src/server/modules/program/program.loader.js'
import { projectRoot } from '../../src/server/config.js'
import { call } from '../helpers/http-client.js'
import { createTestApp, databases, type TestApp } from '../helpers/test-app.js'

const shipped = JSON.parse(fs.readFileSync(path.join(projectRoot, 'program/mt1/program.json'), 'utf8'))

function programDirWith(change: (p: any) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-program-'))
  const copy = structuredClone(shipped)
  change(copy)
  fs.writeFileSync(path.join(dir, 'program.json'), JSON.stringify(copy))
  return dir
}

describe('the shipped MT1 definition', () => {
  const program = loadProgram(path.join(projectRoot, 'program/mt1'))

  it('has the three modules and twelve skills of DOMAIN.md', () => {
    expect(program.modules.map((m) => m.code)).toEqual(['MM', 'SRMT', 'QBA'])
    expect(program.modules.map((m) => m.skills.map((s) => s.code))).toEqual([
      ['MEAS', 'ALG', 'MQ'],
      ['SPAT', 'MECH', 'FPT', 'ELEC', 'CHEM', 'MPC'],
      ['SPC', 'QLM', 'FLBA'],
    ])
  })

  it('passes at 75% with the default blueprint and time limits', () => {
    expect(program.modules.every((m) => m.passPercent === 75)).toBe(true)
    expect(program.modules.map((m) => Object.values(m.blueprint).reduce((a, b) => a + b, 0))).toEqual([24, 36, 24])
    expect(program.modules.map((m) => m.timeLimitMinutes)).toEqual([45, 60, 45])
  })

  it('defines MS as MM + SRMT and MT1 as all three', () => {
    expect(program.credentials).toEqual([
      expect.objectContaining({ code: 'MS', name: 'Manufacturing Specialist', requiresModules: ['MM', 'SRMT'] }),
      expect.objectContaining({ code: 'MT1', name: 'Manufacturing Technician Level 1', requiresModules: ['MM', 'SRMT', 'QBA'] }),
    ])
  })

  it('keeps the policies the source gives and the documented defaults', () => {
    expect(program.policies).toMatchObject({
      registrationLeadHours: 48, retake: { waitDaysAfterAttempt: [], maxAttemptsPer12Months: null }, certificateExpiryMonths: null,
      recommendedNcrcLevel: 'Silver', advancedStandingCreditsMax: 6,
      itemBank: { operationalPerSkill: 12, practicePerSkill: 10 },
    })
    expect(program.fees.paymentMethods).toEqual(['voucher', 'invoice'])
  })
})

describe('a broken definition stops start-up with a message naming the bad field', () => {
  const cases: [string, (p: any) => void, RegExp][] = [
    ['a pass mark that is not a number', (p) => { p.modules[0].passPercent = 'seventy-five' }, /\/modules\/0\/passPercent/],
    ['an unknown field', (p) => { p.modules[1].passMark = 75 }, /\/modules\/1/],
    ['a blueprint naming a skill the module lacks', (p) => { p.modules[0].blueprint.ELEC = 4 }, /\/modules\/0\/blueprint\/ELEC: no such skill/],
    ['a credential requiring an unknown module', (p) => { p.credentials[0].requiresModules = ['MM', 'XX'] }, /\/credentials\/0\/requiresModules\/1: no module XX/],
    ['a duplicate skill code', (p) => { p.modules[2].skills[0].code = 'MEAS'; p.modules[2].blueprint = { MEAS: 8, QLM: 8, FLBA: 8 } }, /duplicate skill code MEAS/],
    ['a missing time limit', (p) => { delete p.modules[2].timeLimitMinutes }, /\/modules\/2/],
    ['a negative retake wait', (p) => { p.policies.retake.waitDaysAfterAttempt = [15, -1] }, /\/policies\/retake\/waitDaysAfterAttempt\/1/],
    ['the retired flat retake wait', (p) => { p.policies.retakeWaitDays = 0 }, /\/policies/],
    // issue 13, lab-lessons: a training link is a web page or one of this site's Learning Lab pages, nothing else.
    ['a training link to a script', (p) => { p.training[0].url = 'javascript:alert(1)' }, /\/training\/0\/url/],
    ['a training link to another host without a scheme', (p) => { p.training[0].url = '//evil.example/learning' }, /\/training\/0\/url/],
    ['a training link to a page of this site outside the Learning Lab', (p) => { p.training[0].url = '/admin/users' }, /\/training\/0\/url/],
  ]
  it.each(cases)('%s', async (_name, change, message) => {
    const dir = programDirWith(change)
    expect(() => loadProgram(dir)).toThrow(ProgramDefinitionError)
    expect(() => loadProgram(dir)).toThrow(message)
    await expect(createTestApp('sqlite', { programDir: dir })).rejects.toThrow(message)
  })

  it('names a file that is not JSON', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt1-program-'))
    fs.writeFileSync(path.join(dir, 'program.json'), '{ not json')
    expect(() => loadProgram(dir)).toThrow(/cannot be read as JSON/)
  })
})

describe.each(databases)('GET /api/v1/program on %s', (kind) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(kind) })
  afterAll(async () => t.close())

  it('serves the definition in the contract shape', async () => {
    const res = await call(t.app, 'GET', '/api/v1/program')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/application\/json/)
    const body = res.json()
    expect(body.modules).toHaveLength(3)
    for (const m of body.modules) {
      expect(m).toEqual(expect.objectContaining({ code: expect.any(String), name: expect.any(String), passPercent: 75, timeLimitMinutes: expect.any(Number) }))
      for (const s of m.skills) expect(Object.keys(s).sort()).toEqual(['code', 'description', 'name'])
    }
    expect(body.modules.map((m: { itemCount: number }) => m.itemCount)).toEqual([24, 36, 24])
    expect(body.credentials.map((c: { code: string; requiresModules: string[] }) => [c.code, c.requiresModules])).toEqual([
      ['MS', ['MM', 'SRMT']],
      ['MT1', ['MM', 'SRMT', 'QBA']],
    ])
  })
})
