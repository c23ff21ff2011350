// The shape of a certification program definition (program/<code>/program.json).
// One schema validates the file at start-up, types the server and feeds the OpenAPI document.
import { Type, type Static } from 'typebox'
import { CODE_PATTERN } from '../schemas/common.js'

// The same code rule the API validates with.
const Code = Type.String({ pattern: CODE_PATTERN })
const Text = Type.String({ minLength: 1, maxLength: 2000 })

export const SkillSchema = Type.Object(
  { code: Code, name: Text, description: Text },
  { additionalProperties: false },
)

export const ModuleSchema = Type.Object(
  {
    code: Code,
    name: Text,
    description: Text,
    passPercent: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
    timeLimitMinutes: Type.Integer({ minimum: 1, maximum: 600 }),
    /** Items drawn per skill code for one form. */
    blueprint: Type.Record(Type.String(), Type.Integer({ minimum: 1, maximum: 200 })),
    skills: Type.Array(SkillSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
)

export const CredentialSchema = Type.Object(
  { code: Code, name: Text, description: Text, requiresModules: Type.Array(Code, { minItems: 1 }) },
  { additionalProperties: false },
)

/**
 * Skills training the program offers (the source: "skills training is available that aligns with the
 * MT1 Skills Standards", online through the Learning Lab and instructor-led). A result names, for each
 * skill below standard, the offerings whose `skills` include it.
 */
export const TrainingSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('learning_lab'), Type.Literal('practice_test'), Type.Literal('course')]),
    title: Text,
    description: Text,
    /** The skill codes it covers. */
    skills: Type.Array(Code, { minItems: 1, uniqueItems: true }),
    /** Where to start: a page elsewhere (http/https), or one of this site's Learning Lab or training pages (`/learning…`, `/training…`). */
    url: Type.Optional(Type.Union([
      Type.String({ format: 'uri', pattern: '^https?://' }),
      Type.String({ pattern: '^/(learning|training)(/[A-Za-z0-9-]+)*(#[A-Za-z0-9-]+)?$', maxLength: 200 }),
    ])),
  },
  { additionalProperties: false },
)

export const PoliciesSchema = Type.Object(
  {
    registrationLeadHours: Type.Number({ minimum: 0 }),
    /**
     * Retaking a module (src/common/rules/eligibility.ts). `waitDaysAfterAttempt[i]` is the wait after
     * the (i+1)-th attempt of a module that did not pass; the last entry applies to every later one
     * ([] = no wait). `maxAttemptsPer12Months` caps the attempts of one module in any 12 months (null = no cap).
     */
    retake: Type.Object(
      {
        waitDaysAfterAttempt: Type.Array(Type.Integer({ minimum: 0, maximum: 3650 }), { maxItems: 20 }),
        maxAttemptsPer12Months: Type.Union([Type.Integer({ minimum: 1, maximum: 100 }), Type.Null()]),
      },
      { additionalProperties: false },
    ),
    certificateExpiryMonths: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    ncrcLevels: Type.Array(Type.String(), { minItems: 1 }),
    recommendedNcrcLevel: Type.String(),
    advancedStandingCreditsMax: Type.Integer({ minimum: 0 }),
    itemBank: Type.Object(
      { operationalPerSkill: Type.Integer({ minimum: 1 }), practicePerSkill: Type.Integer({ minimum: 0 }) },
      { additionalProperties: false },
    ),
    registryNameSearch: Type.Union([Type.Literal('opt-in'), Type.Literal('off')]),
    /** Candidates one certified proctor may supervise (a session of 16–30 seats needs two). */
    seatsPerProctor: Type.Integer({ minimum: 1 }),
    /** How long an unpaid registration holds its seat before the seat goes to the waitlist. */
    unpaidHoldHours: Type.Number({ exclusiveMinimum: 0 }),
    /** A proctor counts as present this long after their console's last heartbeat. */
    proctorPresenceSeconds: Type.Integer({ minimum: 10, maximum: 600 }),
    /** What an approved "extra breaks" accommodation allows in one attempt: how many, and how long each stops the clock. */
    extraBreaks: Type.Object(
      { perAttempt: Type.Integer({ minimum: 0, maximum: 20 }), maxMinutes: Type.Integer({ minimum: 1, maximum: 120 }) },
      { additionalProperties: false },
    ),
    /**
     * How long a signed revocation status list stays valid (its VC `validUntil`). A copy signed before
     * a revocation can be replayed for at most this long, so it is short: a day at most.
     */
    statusListValidityHours: Type.Number({ exclusiveMinimum: 0, maximum: 24 }),
    /** How long before a session starts its proctor may check candidates in (until it ends). */
    checkinOpensMinutesBefore: Type.Integer({ minimum: 0, maximum: 1440 }),
    /** What one candidate may store as accommodation documentation, over all their requests (common/rules/document-quota.ts). */
    accommodationDocuments: Type.Object(
      { maxFilesPerCandidate: Type.Integer({ minimum: 1, maximum: 100 }), maxMegabytesPerCandidate: Type.Integer({ minimum: 1, maximum: 1024 }) },
      { additionalProperties: false },
    ),
    /**
     * When reminders go out: to a registered candidate this many hours before the session (each
     * entry one reminder), and to staff and the holder this many days before a center's, proctor's
     * or trainer's certification expires.
     */
    reminders: Type.Object(
      {
        sessionHoursBefore: Type.Array(Type.Integer({ minimum: 1, maximum: 24 * 60 }), { minItems: 0, maxItems: 5 }),
        certificationExpiryDaysBefore: Type.Array(Type.Integer({ minimum: 1, maximum: 365 }), { minItems: 0, maxItems: 5 }),
      },
      { additionalProperties: false },
    ),
    /** How many days a candidate has to appeal a held or voided result after being told of the decision. */
    appealWindowDays: Type.Integer({ minimum: 1, maximum: 365 }),
    /** How long a certification (center, proctor, trainer) lasts when staff certify without a date. */
    certificationPeriodMonths: Type.Integer({ minimum: 1, maximum: 120 }),
    /**
     * The Learning Lab (issue 13, practice stream). A skill is mastered when the learner's last
     * `masteryWindow` practice answers of it are at least that many and at least `masteryPercent`
     * percent correct (src/common/rules/mastery.ts); left out, 10 and 80.
     */
    learning: Type.Optional(Type.Object(
      {
        masteryWindow: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
        masteryPercent: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 80 })),
      },
      { additionalProperties: false },
    )),
    /**
     * ISO/IEC 17024 impartiality (issue 13): a trainer may not proctor a session where a candidate they
     * trained within this many months before it sits (src/common/rules/trainer-impartiality.ts).
     */
    trainerImpartialityMonths: Type.Integer({ minimum: 1, maximum: 120 }),
  },
  { additionalProperties: false },
)

export const FeesSchema = Type.Object(
  {
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
    note: Text,
    /** null means "contact the program": the source publishes no price. */
    perModuleCents: Type.Record(Type.String(), Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
    paymentMethods: Type.Array(Type.Union([Type.Literal('voucher'), Type.Literal('invoice')]), { minItems: 1 }),
  },
  { additionalProperties: false },
)

/**
 * What training costs (issue 13). A Learning Lab seat for a module costs its entry here; null (or a
 * module left out) means the module's Learning Lab is free and open to every account. A course's fee
 * is set on its offering, not here. Paid like registrations: by voucher or invoice.
 */
export const TrainingFeesSchema = Type.Object(
  {
    learningLabPerModuleCents: Type.Record(Type.String(), Type.Union([Type.Integer({ minimum: 0, maximum: 10_000_000 }), Type.Null()])),
  },
  { additionalProperties: false },
)

export const ProgramSchema = Type.Object(
  {
    $comment: Type.Optional(Type.String()),
    code: Code,
    name: Text,
    owner: Text,
    description: Text,
    modules: Type.Array(ModuleSchema, { minItems: 1 }),
    credentials: Type.Array(CredentialSchema),
    policies: PoliciesSchema,
    fees: FeesSchema,
    training: Type.Optional(Type.Array(TrainingSchema)),
    trainingFees: Type.Optional(TrainingFeesSchema),
    contact: Type.Object(
      { organization: Text, phone: Text, email: Type.Optional(Type.String({ format: 'email' })) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)

export type Program = Static<typeof ProgramSchema>
export type ProgramModule = Static<typeof ModuleSchema>
export type ProgramSkill = Static<typeof SkillSchema>
export type ProgramCredential = Static<typeof CredentialSchema>
export type ProgramTraining = Static<typeof TrainingSchema>
export type ProgramTrainingFees = Static<typeof TrainingFeesSchema>
