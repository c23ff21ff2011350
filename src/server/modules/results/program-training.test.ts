// The program's training data (program.json `training`): valid, and covering every skill, so a skill
// below standard always has training to name.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { programConsistencyProblems } from '../../../common/program/program-consistency.js'
import type { Program } from '../../../common/program/program-schema.js'
import { projectRoot } from '../../config.js'
import { loadProgram } from '../program/program.loader.js'

const shipped = loadProgram(path.join(projectRoot, 'program', 'mt1'))

describe('program training', () => {
  it('the shipped program offers training for every skill', () => {
    const covered = new Set(shipped.training!.flatMap((t) => t.skills))
    for (const skill of shipped.modules.flatMap((m) => m.skills)) expect(covered.has(skill.code), skill.code).toBe(true)
  })

  it('a definition naming training for a skill it does not have is refused, naming the field', () => {
    const broken: Program = { ...shipped, training: [{ kind: 'course', title: 'T', description: 'D', skills: ['MEAS', 'NOPE'] }] }
    expect(programConsistencyProblems(broken)).toEqual(['/training/0/skills/1: no skill NOPE'])
  })
})
