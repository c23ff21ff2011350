import { describe, expect, it } from 'vitest'
import { achievementCodes, achievementOf, type AchievementSource } from './achievement.js'

const skill = (code: string) => ({ code, name: `Skill ${code}`, description: `About ${code}` })
const program: AchievementSource = {
  name: 'Manufacturing Technician Level 1',
  modules: [
    { code: 'MM', name: 'Math and Measurement', description: 'Measuring.', passPercent: 75, skills: [skill('MEAS'), skill('ALG')] },
    { code: 'SRMT', name: 'Spatial Reasoning and Manufacturing Technology', description: 'Spatial.', passPercent: 75, skills: [skill('SPAT')] },
    { code: 'QBA', name: 'Quality and Business Acumen', description: 'Quality.', passPercent: 80, skills: [skill('SPC')] },
  ],
  credentials: [
    { code: 'MS', name: 'Manufacturing Specialist', description: 'MM and SRMT.', requiresModules: ['MM', 'SRMT'] },
    { code: 'MT1', name: 'Manufacturing Technician Level 1', description: 'All three.', requiresModules: ['MM', 'SRMT', 'QBA'] },
  ],
}

describe('achievementOf', () => {
  it('describes a module certificate: pass that module at its own pass mark, covering its skills', () => {
    const mm = achievementOf(program, 'MM')!
    expect(mm).toMatchObject({ code: 'MM', name: 'Math and Measurement Certificate', description: 'Measuring.', achievementType: 'Certificate' })
    expect(mm.requirements).toEqual([{ code: 'MM', name: 'Math and Measurement', passPercent: 75 }])
    expect(mm.skills.map((s) => s.code)).toEqual(['MEAS', 'ALG'])
    expect(mm.narrative).toContain('Math and Measurement (MM) module of the Manufacturing Technician Level 1 assessment with a score of 75% or higher')
    expect(achievementOf(program, 'QBA')!.narrative).toContain('80% or higher')
  })

  it('describes a certification: every module it requires, MS = MM + SRMT and MT1 = all three', () => {
    const ms = achievementOf(program, 'MS')!
    expect(ms).toMatchObject({ name: 'Manufacturing Specialist', achievementType: 'Certification' })
    expect(ms.requirements.map((r) => r.code)).toEqual(['MM', 'SRMT'])
    expect(ms.skills.map((s) => s.code)).toEqual(['MEAS', 'ALG', 'SPAT'])
    expect(ms.narrative).toBe(
      'Pass each of these Manufacturing Technician Level 1 certificate modules: Math and Measurement (MM, 75% or higher); ' +
      'Spatial Reasoning and Manufacturing Technology (SRMT, 75% or higher). Modules may be passed on different dates; the certification is dated when the last one is passed.',
    )
    const mt1 = achievementOf(program, 'MT1')!
    expect(mt1.requirements).toEqual([
      { code: 'MM', name: 'Math and Measurement', passPercent: 75 },
      { code: 'SRMT', name: 'Spatial Reasoning and Manufacturing Technology', passPercent: 75 },
      { code: 'QBA', name: 'Quality and Business Acumen', passPercent: 80 },
    ])
  })

  it('knows no other code, however it is written', () => {
    for (const code of ['mt1', 'XYZ', '', 'MT1 ', '__proto__', 'constructor', '../MT1']) expect(achievementOf(program, code)).toBeUndefined()
  })

  it('lists every credential code: module certificates, then certifications', () => {
    expect(achievementCodes(program)).toEqual(['MM', 'SRMT', 'QBA', 'MS', 'MT1'])
  })
})
