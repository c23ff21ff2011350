// The xAPI 1.0.3 statement schema against what the platform builds (every verb with every kind of
// object, results and context included), against examples from the specification itself, and against
// hand-made statements the specification refuses: the validator can fail, and fails where it should.
import { describe, expect, it } from 'vitest'
import { buildStatement, connectionTestStatement, OBJECT_KINDS, sentByClient, VERBS, type LearningEvent, type ObjectKind, type Verb } from '../../../common/learning/xapi-statements.js'
import { assertValidStatement, InvalidStatementError, statementProblems } from './statement-validator.js'

const o = { id: '0b9ad8c1-2f3e-4d5a-8b6c-7d8e9f0a1b2c', baseUrl: 'https://mt1.example.org', now: new Date('2026-05-04T10:11:12.345Z') }
const valid = (s: unknown) => expect(statementProblems(s)).toEqual([])
const invalid = (s: unknown, path?: string) => {
  const problems = statementProblems(s)
  expect(problems.length, JSON.stringify(s)).toBeGreaterThan(0)
  if (path) expect(problems.map((p) => p.path), JSON.stringify(problems)).toContain(path)
}

function event(verb: Verb, kind: ObjectKind): LearningEvent {
  return {
    userId: 'f3c1d2e4-5a6b-4c7d-8e9f-0a1b2c3d4e5f', verb,
    object: { kind, ref: kind === 'lesson' ? 'MEAS-1' : 'ref with spaces/and slashes', name: `A ${kind}`, description: 'What it is about' },
    skill: 'MEAS', module: 'MM',
  }
}

const base = () => buildStatement({
  ...event('answered', 'practice_item'),
  result: { score: { raw: 1, min: 0, max: 1 }, success: true, completion: true, response: 'B', duration: 'PT1M30.5S' },
  parent: { kind: 'practice_set', ref: 'MEAS', name: 'Measurement practice' },
  registration: '5d3e1f2a-7b8c-4d9e-a0b1-c2d3e4f5a6b7',
}, o) as unknown as Record<string, any>
const clone = () => JSON.parse(JSON.stringify(base())) as Record<string, any>

describe('the xAPI 1.0.3 statement schema', () => {
  it('accepts every verb with every kind of object the platform records, bare and with result, parent and registration', () => {
    let checked = 0
    for (const verb of Object.keys(VERBS) as Verb[]) {
      for (const kind of Object.keys(OBJECT_KINDS) as ObjectKind[]) {
        valid(buildStatement(event(verb, kind), o))
        valid(buildStatement({
          ...event(verb, kind),
          result: { score: { raw: 7, min: 0, max: 8 }, success: false, completion: true, response: '12.5', duration: 'PT4M12S' },
          parent: { kind: 'skill', ref: 'MEAS', name: 'Measurement' },
          registration: '5d3e1f2a-7b8c-4d9e-a0b1-c2d3e4f5a6b7',
        }, o))
        checked++
      }
    }
    expect(checked).toBe(Object.keys(VERBS).length * Object.keys(OBJECT_KINDS).length)
  })

  it('accepts what is sent to another LRS (without stored, authority and version) and the connection test', () => {
    const sent = sentByClient(base() as never)
    expect(sent).not.toHaveProperty('stored')
    expect(sent).not.toHaveProperty('authority')
    expect(sent).not.toHaveProperty('version')
    valid(sent)
    valid(connectionTestStatement(o))
  })

  it('sets the statement version to 1.0.0 as a Learning Record Provider must (2.4.10.s4.b1)', () => {
    expect(base().version).toBe('1.0.0')
  })

  it('accepts examples from the specification: a voiding statement, a Group actor, a SubStatement, an interaction', () => {
    valid({ actor: { objectType: 'Agent', name: 'Example Admin', mbox: 'mailto:admin@example.adlnet.gov' }, verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { 'en-US': 'voided' } }, object: { objectType: 'StatementRef', id: 'e05aa883-acaf-40ad-bf54-02c8ce485fb0' } })
    valid({
      id: '6690e6c9-3ef0-4ed3-8b37-7f3964730bee',
      actor: { name: 'Team PB', mbox: 'mailto:teampb@example.com', objectType: 'Group', member: [
        { name: 'Andrew Downes', account: { homePage: 'http://www.example.com', name: '13936749' }, objectType: 'Agent' },
        { name: 'Toby Nichols', openid: 'http://toby.openid.example.org/', objectType: 'Agent' },
        { name: 'Ena Hills', mbox_sha1sum: 'ebd31e95054c018b10727ccffd2ef2ec3a016ee9', objectType: 'Agent' },
      ] },
      verb: { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'en-GB': 'attended', 'en-US': 'attended' } },
      result: { extensions: { 'http://example.com/profiles/meetings/resultextensions/minuteslocation': 'X:\\meetings\\minutes\\examplemeeting.one' }, success: true, completion: true, response: 'We agreed on some example actions.', duration: 'PT1H0M0S' },
      context: { registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7', contextActivities: { parent: [{ id: 'http://www.example.com/meetings/series/267', objectType: 'Activity' }] }, language: 'en-GB' },
      timestamp: '2013-05-18T05:32:34.804+00:00', stored: '2013-05-18T05:32:34.804+00:00',
      authority: { account: { homePage: 'http://cloud.scorm.com/', name: 'anonymous' }, objectType: 'Agent' },
      version: '1.0.0',
      object: { id: 'http://www.example.com/meetings/occurances/34534', definition: { type: 'http://adlnet.gov/expapi/activities/meeting', name: { 'en-GB': 'example meeting' } }, objectType: 'Activity' },
    })
    valid({
      actor: { objectType: 'Agent', mbox: 'mailto:test@example.com' },
      verb: { id: 'http://example.com/planned', display: { 'en-US': 'planned' } },
      object: { objectType: 'SubStatement', actor: { objectType: 'Agent', mbox: 'mailto:test@example.com' }, verb: { id: 'http://example.com/visited', display: { 'en-US': 'will visit' } }, object: { objectType: 'Activity', id: 'http://example.com/website', definition: { name: { 'en-US': 'Some Awesome Website' } } } },
    })
    valid({
      actor: { mbox: 'mailto:learner@example.com' }, verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
      object: { id: 'http://example.com/q1', definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice', correctResponsesPattern: ['golf[,]tetris'], choices: [{ id: 'golf', description: { 'en-US': 'Golf Example' } }, { id: 'tetris', description: { 'en-US': 'Tetris Example' } }] } },
      result: { response: 'golf[,]tetris', score: { scaled: -0.5 } },
    })
  })

  it('refuses a statement without an actor, a verb or an object (2.2.s2.b3)', () => {
    for (const key of ['actor', 'verb', 'object']) {
      const s = clone()
      delete s[key]
      invalid(s)
    }
  })

  it('refuses a verb id that is not an IRI, and an Activity id without a scheme (2.2.s4.b1.b8)', () => {
    for (const id of ['answered', 'adlnet.gov/expapi/verbs/answered', '', 'http://adlnet.gov/expapi/verbs/an swered', 'http://adlnet.gov/<script>']) {
      const s = clone()
      s.verb.id = id
      invalid(s, '/verb/id')
    }
    const s = clone()
    s.object.id = '/learning/lessons/MEAS-1'
    invalid(s)
  })

  it('refuses a score outside its ranges: scaled beyond -1..1, raw outside min..max, min not below max (2.4.5.1)', () => {
    for (const [score, path] of [
      [{ scaled: 1.01 }, '/result/score/scaled'],
      [{ scaled: -1.5 }, '/result/score/scaled'],
      [{ scaled: 1, raw: 2, min: 0, max: 1 }, '/result/score/raw'],
      [{ raw: -1, min: 0, max: 1 }, '/result/score/raw'],
      [{ raw: 1, min: 1, max: 1 }, '/result/score/min'],
      [{ scaled: '0.5' }, '/result/score/scaled'],
    ] as const) {
      const s = clone()
      s.result.score = score
      invalid(s, path)
    }
  })

  it('refuses durations that are not ISO 8601 durations (4.6)', () => {
    for (const duration of ['4 minutes', 'PT', 'P', 'P4W1D', 'PT4M12', 'T4M', 'PT1.5M', '00:04:12', 'P16559.14S', 'pt4m']) {
      const s = clone()
      s.result.duration = duration
      invalid(s, '/result/duration')
    }
    for (const duration of ['PT4H35M59.14S', 'P3Y1M29DT4H35M59.14S', 'P3Y', 'P4W', 'PT0S']) {
      const s = clone()
      s.result.duration = duration
      valid(s)
    }
  })

  it('refuses ids and registrations that are not UUIDs in standard form (4.4)', () => {
    for (const id of ['not-a-uuid', '0b9ad8c12f3e4d5a8b6c7d8e9f0a1b2c', '{0b9ad8c1-2f3e-4d5a-8b6c-7d8e9f0a1b2c}', '0b9ad8c1-2f3e-4d5a-8b6c-7d8e9f0a1b2', '0b9ad8c1-2f3e-0d5a-8b6c-7d8e9f0a1b2c', '0b9ad8c1-2f3e-4d5a-cb6c-7d8e9f0a1b2c']) {
      const s = clone()
      s.id = id
      invalid(s, '/id')
      const r = clone()
      r.context.registration = id
      invalid(r, '/context/registration')
    }
  })

  it('refuses versions that do not start with 1.0. (2.4.10.s3.b2)', () => {
    for (const version of ['2.0.0', '1.1.0', '1.0', '1', '0.95', '1.0.x', '1.0.3-beta', 1]) {
      const s = clone()
      s.version = version
      invalid(s, '/version')
    }
    for (const version of ['1.0.0', '1.0.3', '1.0.12']) {
      const s = clone()
      s.version = version
      valid(s)
    }
  })

  it('refuses what the spec says an LRS must reject: nulls, unknown properties, two identifiers, bad language tags and timestamps', () => {
    const withNull = clone()
    withNull.result.success = null
    invalid(withNull, '/result/success')
    const extra = clone()
    extra.colour = 'blue'
    invalid(extra)
    const extraInResult = clone()
    extraInResult.result.grade = 'A'
    invalid(extraInResult, '/result')
    const twoIfis = clone()
    twoIfis.actor.mbox = 'mailto:someone@example.com'
    invalid(twoIfis)
    const noIfi = clone()
    delete noIfi.actor.account
    invalid(noIfi)
    const badAccount = clone()
    badAccount.actor.account.homePage = 'not a url'
    invalid(badAccount)
    const badLanguage = clone()
    badLanguage.verb.display = { 'english please': 'answered' }
    invalid(badLanguage)
    const badContextLanguage = clone()
    badContextLanguage.context.language = 'e'
    invalid(badContextLanguage, '/context/language')
    for (const timestamp of ['2026-13-01T00:00:00Z', '2026-05-04 10:11:12Z', 'yesterday', '2026-05-04T25:00:00Z']) {
      const s = clone()
      s.timestamp = timestamp
      invalid(s, '/timestamp')
    }
    const stringBoolean = clone()
    stringBoolean.result.completion = 'true'
    invalid(stringBoolean, '/result/completion')
    const badContextKey = clone()
    badContextKey.context.contextActivities.related = [{ id: 'http://example.com/a' }]
    invalid(badContextKey)
    const badExtensionKey = clone()
    badExtensionKey.result.extensions = { minutes: 5 }
    invalid(badExtensionKey)
  })

  it('refuses a platform in the context of a statement about a statement (2.4.6.s4.b2) and nested or identified SubStatements (2.4.4.3.s8)', () => {
    const ref = clone()
    ref.object = { objectType: 'StatementRef', id: 'e05aa883-acaf-40ad-bf54-02c8ce485fb0' }
    delete ref.context.contextActivities
    invalid(ref)
    delete ref.context.platform
    valid(ref)
    const sub = { objectType: 'SubStatement', actor: { mbox: 'mailto:a@example.com' }, verb: { id: 'http://example.com/did' }, object: { id: 'http://example.com/thing' } }
    const withSub = clone()
    withSub.object = sub
    delete withSub.context.platform
    valid(withSub)
    withSub.object = { ...sub, id: '0b9ad8c1-2f3e-4d5a-8b6c-7d8e9f0a1b2c' }
    invalid(withSub)
    withSub.object = { ...sub, object: sub }
    invalid(withSub)
  })

  it('throws for an invalid statement with the problems named', () => {
    const s = clone()
    s.result.score.scaled = 2
    expect(() => assertValidStatement(s)).toThrow(InvalidStatementError)
    expect(() => assertValidStatement(s)).toThrow(/\/result\/score\/scaled must be <= 1/)
    expect(() => assertValidStatement(base())).not.toThrow()
  })
})
