// The xAPI 1.0.3 statements the Learning Lab and courses record: one place for the verbs, the activity
// types and the IRIs of what is learned, so every module says "answered a practice item" the same way
// and an external learning record store reads one vocabulary. Verbs and activity types are ADL's
// (http://adlnet.gov/expapi/verbs/…, …/activities/…); activity IRIs are the platform's public pages.

/** The specification followed: the X-Experience-API-Version header of every request to another LRS. */
export const XAPI_VERSION = '1.0.3'
/**
 * A statement's own `version` property. It is the data model's version, always 1.0.0 for every 1.0.x
 * specification (Part Two 2.4.10.s4.b1: a Learning Record Provider that sets it MUST set 1.0.0; Part
 * Three 3.3 note: the header carries the patch version, the statement does not).
 */
export const STATEMENT_VERSION = '1.0.0'

export const VERBS = {
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  attempted: 'http://adlnet.gov/expapi/verbs/attempted',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  mastered: 'http://adlnet.gov/expapi/verbs/mastered',
  registered: 'http://adlnet.gov/expapi/verbs/registered',
  attended: 'http://adlnet.gov/expapi/verbs/attended',
} as const
export type Verb = keyof typeof VERBS

/** What a statement is about, with its ADL activity type. */
export const OBJECT_KINDS = {
  learning_lab: 'http://adlnet.gov/expapi/activities/course',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  practice_set: 'http://adlnet.gov/expapi/activities/assessment',
  practice_test: 'http://adlnet.gov/expapi/activities/assessment',
  practice_item: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  skill: 'http://adlnet.gov/expapi/activities/objective',
  course: 'http://adlnet.gov/expapi/activities/course',
  course_meeting: 'http://adlnet.gov/expapi/activities/meeting',
  // issue 13, practice stream: a study plan's goal is its skills mastered.
  study_plan: 'http://adlnet.gov/expapi/activities/objective',
} as const
export type ObjectKind = keyof typeof OBJECT_KINDS

/** The part of the site an activity lives at, under the platform's public URL. */
export const ACTIVITY_PATHS: Record<ObjectKind, (ref: string) => string> = {
  learning_lab: (module) => `/learning/modules/${encodeURIComponent(module)}`,
  lesson: (lessonId) => `/learning/lessons/${encodeURIComponent(lessonId)}`,
  practice_set: (skill) => `/learning/practice/${encodeURIComponent(skill)}`,
  practice_test: (id) => `/learning/practice-tests/${encodeURIComponent(id)}`,
  practice_item: (itemId) => `/learning/items/${encodeURIComponent(itemId)}`,
  skill: (skill) => `/learning/skills/${encodeURIComponent(skill)}`,
  course: (offeringId) => `/training/courses/${encodeURIComponent(offeringId)}`,
  course_meeting: (ref) => `/training/meetings/${encodeURIComponent(ref)}`,
  study_plan: (id) => `/learning/study-plans/${encodeURIComponent(id)}`,
}

/** What a module asks to record; the learning-records service turns it into a full statement. */
export interface LearningEvent {
  userId: string
  verb: Verb
  object: { kind: ObjectKind; ref: string; name: string; description?: string }
  /** The skill and module the event belongs to, when it belongs to one (filters and context). */
  skill?: string | null
  module?: string | null
  result?: {
    /** Raw score with its range; scaled is computed from them. */
    score?: { raw: number; min: number; max: number }
    success?: boolean
    completion?: boolean
    /** The learner's response, in xAPI's string form (a choice identifier, a number, a text). */
    response?: string
    /** ISO 8601 duration, e.g. PT4M12S. */
    duration?: string
  }
  /** The activity this one is part of (a lesson's skill, a practice item's set or test). */
  parent?: { kind: ObjectKind; ref: string; name: string }
  /** For statements about one run of an activity (a practice test attempt): xAPI's context.registration, a UUID. */
  registration?: string
}

type Activity = {
  objectType: 'Activity'
  id: string
  definition: { type: string; name: { 'en-US': string }; description?: { 'en-US': string } }
}

export interface XapiStatement {
  id: string
  actor: { objectType: 'Agent'; account: { homePage: string; name: string } }
  verb: { id: string; display: { 'en-US': string } }
  object: Activity
  result?: {
    score?: { scaled: number; raw: number; min: number; max: number }
    success?: boolean
    completion?: boolean
    response?: string
    duration?: string
  }
  context: {
    registration?: string
    platform: string
    language: string
    contextActivities?: { parent: Activity[] }
  }
  timestamp: string
  stored: string
  authority: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } }
  version: string
}

export const PLATFORM = 'MT1 Certification Platform'

function activity(baseUrl: string, object: { kind: ObjectKind; ref: string; name: string; description?: string | undefined }): Activity {
  return {
    objectType: 'Activity',
    id: `${baseUrl}${ACTIVITY_PATHS[object.kind](object.ref)}`,
    definition: {
      type: OBJECT_KINDS[object.kind], name: { 'en-US': object.name },
      ...(object.description ? { description: { 'en-US': object.description } } : {}),
    },
  }
}

const scaled = (s: { raw: number; min: number; max: number }) => (s.max > s.min ? Math.round(((s.raw - s.min) / (s.max - s.min)) * 10000) / 10000 : 0)

/**
 * The full statement for an event, as this platform stores it. The actor is the account on this
 * platform (its id under the public URL), never a name or email, so a statement sent to an outside
 * store identifies nobody without the platform's records.
 *
 * The platform is the learning record store of record for its learners, so it sets what an LRS sets
 * when it stores a statement: `stored` (Part Two 2.4.8.s3.b2: set by the LRS) and `authority` (2.4.9.s3.b3:
 * every stored statement has one; here the platform itself). When it forwards a statement to another
 * LRS it acts as a client, and `sentByClient` takes both off again.
 */
export function buildStatement(event: LearningEvent, o: { id: string; baseUrl: string; now: Date }): XapiStatement {
  const r = event.result
  const result: NonNullable<XapiStatement['result']> = {}
  if (r?.score) result.score = { scaled: scaled(r.score), ...r.score }
  if (r?.success !== undefined) result.success = r.success
  if (r?.completion !== undefined) result.completion = r.completion
  if (r?.response !== undefined) result.response = r.response
  if (r?.duration !== undefined) result.duration = r.duration
  const at = o.now.toISOString()
  return {
    id: o.id,
    actor: { objectType: 'Agent', account: { homePage: o.baseUrl, name: event.userId } },
    verb: { id: VERBS[event.verb], display: { 'en-US': event.verb } },
    object: activity(o.baseUrl, event.object),
    ...(Object.keys(result).length ? { result } : {}),
    context: {
      ...(event.registration ? { registration: event.registration } : {}),
      platform: PLATFORM,
      language: 'en-US',
      ...(event.parent ? { contextActivities: { parent: [activity(o.baseUrl, event.parent)] } } : {}),
    },
    timestamp: at,
    stored: at,
    authority: { objectType: 'Agent', name: PLATFORM, account: { homePage: o.baseUrl, name: 'mt1-platform' } },
    version: STATEMENT_VERSION,
  }
}

/** The statement's properties a client sends; what the receiving LRS sets for itself is left out. */
export type ClientStatement = Omit<XapiStatement, 'stored' | 'authority' | 'version'>

/**
 * A stored statement as a client sends it to another LRS: without `stored` (2.4.8.s3.b2: the receiving
 * LRS MUST overwrite it), `authority` (2.4.9.s3.b4: the LRS SHOULD set it from the credentials used;
 * keeping a sent one needs a strong trust relationship, 2.4.9.s3.b5) and `version` (2.4.10.s4.b2:
 * Learning Record Providers SHOULD NOT set it; the receiver stores 1.0.0 for a statement without one).
 * Everything else, the id first, is sent as stored, so a statement sent twice is the same statement.
 */
export function sentByClient(statement: XapiStatement): ClientStatement {
  const { stored: _stored, authority: _authority, version: _version, ...rest } = statement
  return rest
}

/**
 * The statement staff send to check an endpoint ("Send a test statement"): the platform's own agent
 * "experienced" a connection-test activity. It is not a learning record and is not stored here.
 */
export function connectionTestStatement(o: { id: string; baseUrl: string; now: Date }): ClientStatement {
  return {
    id: o.id,
    actor: { objectType: 'Agent', account: { homePage: o.baseUrl, name: 'mt1-platform' } },
    verb: { id: VERBS.experienced, display: { 'en-US': 'experienced' } },
    object: {
      objectType: 'Activity',
      id: `${o.baseUrl}/staff/learning-records/connection-test`,
      definition: {
        type: 'http://adlnet.gov/expapi/activities/media',
        name: { 'en-US': 'MT1 platform connection test' },
        description: { 'en-US': 'Sent by program staff to check that this learning record store accepts statements from the MT1 platform. Not a learning record.' },
      },
    },
    context: { platform: PLATFORM, language: 'en-US' },
    timestamp: o.now.toISOString(),
  }
}
