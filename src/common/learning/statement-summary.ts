// A statement as a person reads it in their learning record: when, what they did, to what, and how it
// went. Shared by the server (which sends it with each statement) and its tests; the words come from
// the statement itself (verb, activity name, result), never from a second copy of the event.
import { formatPercent } from '../rules/pass-rule.js'
import { formatZonedShort } from '../time-zones.js'
import type { ObjectKind, XapiStatement } from './xapi-statements.js'

export const OBJECT_KIND_LABELS: Record<ObjectKind, string> = {
  learning_lab: 'Learning Lab',
  lesson: 'Lesson',
  practice_set: 'Practice set',
  practice_test: 'Practice test',
  practice_item: 'Practice question',
  skill: 'Skill',
  course: 'Course',
  course_meeting: 'Course meeting',
  study_plan: 'Study plan',
}

export interface StatementSummary {
  /** "Mar 10, 2026, 2:05 PM UTC": shown in UTC with the zone named (a learning record is tied to no place). */
  when: string
  /** The verb as the statement displays it ("answered"). */
  verb: string
  /** What it was about: "Lesson: Reading a fractional-inch rule". */
  what: string
  /** How it went, in words, or null when the statement carries no result. */
  result: string | null
}

function resultText(result: XapiStatement['result']): string | null {
  if (!result) return null
  const parts: string[] = []
  const score = result.score
  if (score && score.max > score.min) {
    parts.push(`${score.raw} of ${score.max} (${formatPercent(((score.raw - score.min) / (score.max - score.min)) * 100)})`)
  }
  if (result.success !== undefined) parts.push(result.success ? 'passed' : 'not passed')
  if (result.completion !== undefined) parts.push(result.completion ? 'completed' : 'not completed')
  if (result.response !== undefined && result.response !== '') parts.push(`answer: ${result.response}`)
  return parts.length ? parts.join(', ') : null
}

export function summarizeStatement(statement: XapiStatement, kind: string): StatementSummary {
  const label = (OBJECT_KIND_LABELS as Record<string, string>)[kind] ?? 'Activity'
  const name = statement.object.definition?.name?.['en-US'] ?? statement.object.id
  return {
    when: formatZonedShort(statement.timestamp, 'UTC'),
    verb: statement.verb.display?.['en-US'] ?? statement.verb.id,
    what: `${label}: ${name}`,
    result: resultText(statement.result),
  }
}
