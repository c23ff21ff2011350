// buildApp(config): the one place the application is assembled — database, program, services,
// plugins and routes — for the server, the CLI and the tests alike.
import cookie from '@fastify/cookie'
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify'
import type { Program } from '../common/program/program-schema.js'
import { timestampFormat } from '../common/schemas/common.js'
import type { AppConfig } from './config.js'
import type { Clock, ServerContext } from './context.js'
import { openDatabase, type Db, type DialectName } from './db/database.js'
import { migrateToLatest } from './db/migrate.js'
import { loadEnvelope } from './crypto/key-encryption-key.js'
import { loadProgram } from './modules/program/program.loader.js'
import authRoutes from './modules/accounts/auth.routes.js'
import adminUsersRoutes from './modules/accounts/admin-users.routes.js'
import auditRoutes from './modules/audit/audit.routes.js'
import centersRoutes from './modules/centers/centers.routes.js'
import handbookRoutes from './modules/handbook/handbook.routes.js'
import itemBankRoutes from './modules/item-bank/item-bank.routes.js'
import profileRoutes from './modules/accounts/profile.routes.js'
import ncrcRoutes from './modules/accounts/ncrc.routes.js'
import accommodationsRoutes from './modules/accommodations/accommodations.routes.js'
import deliveryRoutes from './modules/delivery/delivery.routes.js'
import proctoringRoutes from './modules/delivery/proctoring.routes.js'
import resultsRoutes from './modules/results/results.routes.js'
import documentsRoutes from './modules/results/documents.routes.js'
import registryRoutes from './modules/registry/registry.routes.js'
import registryAdminRoutes from './modules/registry/registry-admin.routes.js'
import rescoringRoutes from './modules/results/rescoring.routes.js'
import proctorsRoutes from './modules/centers/proctors.routes.js'
import centerAdminRoutes from './modules/centers/center-admin.routes.js'
import registrationsRoutes from './modules/scheduling/registrations.routes.js'
// Issue 12, voucher ledger stream.
import voucherLedgerRoutes from './modules/scheduling/voucher-ledger.routes.js'
import notificationsRoutes from './modules/notifications/notifications.routes.js'
import operationsRoutes from './modules/operations/operations.routes.js'
import programRoutes from './modules/program/program.routes.js'
import sessionsRoutes from './modules/scheduling/sessions.routes.js'
import invitationsRoutes from './modules/scheduling/invitations.routes.js'
import credentialsRoutes from './modules/credentials/credentials.routes.js'
import credentialPageRoutes from './modules/credentials/credential-page.routes.js'
// ---- issue 12, person stream
import peopleRoutes from './modules/people/people.routes.js'
import staffRegistrationsRoutes from './modules/scheduling/staff-registrations.routes.js'
import sessionOperationsRoutes from './modules/scheduling/session-operations.routes.js'
// issue 12, certification periods stream
import certificationOverviewRoutes from './modules/scheduling/certification-overview.routes.js'
// issue 12, integrity stream
import integrityRoutes from './modules/integrity/integrity.routes.js'
// issue 13, lab-records stream
import learningRecordsRoutes from './modules/learning-records/learning-records.routes.js'
// issue 13, lab-lessons: the Learning Lab's catalogue, lessons and figures
import lessonsRoutes from './modules/learning/lessons.routes.js'
// issue 13, practice stream
import practiceRoutes from './modules/learning/practice.routes.js'
import practiceTestRoutes from './modules/learning/practice-test.routes.js'
import studyPlanRoutes from './modules/learning/study-plan.routes.js'
import progressRoutes from './modules/learning/progress.routes.js'
// issue 13, staff reporting: mastery by skill
import masteryReportRoutes from './modules/learning/mastery-report.routes.js'
// issue 15, item 4: psychometrics in the product
import psychometricsRoutes from './modules/psychometrics/psychometrics.routes.js'
// issue 13, training stream
import trainingRoutes from './modules/training/training.routes.js'
import trainingAdminRoutes from './modules/training/training-admin.routes.js'
import trainerRoutes from './modules/training/trainer.routes.js'
// issue 15, item 4: modified-Angoff standard setting
import standardSettingRoutes from './modules/standard-setting/standard-setting.routes.js'
// issue 14: organisations (employers and colleges)
import organisationsRoutes from './modules/organisations/organisations.routes.js'
// issue 14: colleges and advanced standing
import advancedStandingRoutes from './modules/advanced-standing/advanced-standing.routes.js'
import sponsorshipsRoutes from './modules/organisations/sponsorships.routes.js'
// issue 15: program analytics
import analyticsRoutes from './modules/analytics/analytics.routes.js'
import authPlugin from './plugins/auth.js'
import inputGuardPlugin from './plugins/input-guard.js'
import errorsPlugin from './plugins/errors.js'
import rateLimitPlugin from './plugins/rate-limit.js'
import metricsPlugin from './plugins/metrics.js'
import openapiPlugin from './plugins/openapi.js'
import securityPlugin from './plugins/security.js'
import staticWebPlugin from './plugins/static-web.js'
import { createServices, type Services } from './services.js'
import { lazySchemaCompilers } from './plugins/lazy-schema-compilers.js'

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig
    db: Db
    dialect: DialectName
    program: Program
    services: Services
    /** The migrations this start applied (none when the database was up to date). */
    migrationsApplied: readonly string[]
  }
}

export interface BuildOptions {
  /** Fastify logger settings; false in tests. */
  logger?: FastifyServerOptions['logger']
  /** The clock services read; tests move it. */
  clock?: Clock
}

/** Fastify's own routing errors (see frameworkErrors in buildApp) in the contract's error shape. */
function frameworkError(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const [status, code, message] = err.code === 'FST_ERR_BAD_URL'
    ? [400, 'MALFORMED_REQUEST', 'The URL is not validly encoded.']
    : err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? [414, 'URI_TOO_LONG', 'A path parameter is too long.']
      : [500, 'INTERNAL', 'Something went wrong on our side. It has been logged.']
  if (status === 500) request.log.error({ err }, 'framework error')
  void reply.status(status).send({ error: { code, message } })
}

export async function buildApp(config: AppConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  // Fail before opening anything if the program definition is broken.
  const program = loadProgram(config.programDir)

  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Schemas are strict: unknown fields are refused, not silently dropped.
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true },
      // One timestamp reader (common/dates.ts) behind every `date-time`, instead of ajv-formats' (which takes leap seconds).
      onCreate: (ajv) => { ajv.addFormat('date-time', timestampFormat) },
    },
    // Validators and serializers are built on a route's first request, not all at start-up.
    schemaController: { compilersFactory: lazySchemaCompilers() },
    return503OnClosing: true,
    // Fastify answers a broken URL escape (%FF: FST_ERR_BAD_URL) and a path parameter over 100
    // characters (FST_ERR_MAX_PARAM_LENGTH) before routing, so the error handler never sees them:
    // they get the contract's error shape here.
    frameworkErrors: frameworkError,
  })

  // The key-encryption key first: a malformed or unreadable one stops the start before the database opens.
  const secrets = loadEnvelope(config, app.log)
  const database = await openDatabase({ ...config, log: app.log })
  app.addHook('onClose', async () => {
    await database.close()
  })
  const migrationsApplied = await migrateToLatest(database)

  const ctx: ServerContext = { db: database.db, dialect: database.dialect, config, clock: options.clock ?? (() => new Date()), log: app.log, secrets }
  const services = createServices(ctx, program)
  try {
    // Stored secrets must open under this process's key-encryption key: checked before anything is
    // written, so a wrong MT1_KEY_ENCRYPTION_KEY refuses to start (naming both KEK ids) and changes nothing.
    await services.credentials.checkKeyEncryption()
    await services.learningRecordStores.checkKeyEncryption()
    // The issuer's key exists from the first start, not from the first download (the key files of
    // before imported once); the LRS secrets of before are sealed.
    await services.credentials.prepareIssuerKeys()
    await services.learningRecordStores.sealPlaintextSecrets()
  } catch (err) {
    await database.close()
    throw err
  }
  // Background jobs (cohort uploads, rescoring) stop before the database closes.
  app.addHook('onClose', async () => {
    // Running jobs stop at their next checkpoint and are given up for the next process to resume.
    await services.jobs.drain()
    // issue 13, lab-records stream: forwarding to external learning record stores stops before the database closes.
    await services.learningRecordStores.stopDispatcher()
    await services.notifications.flush()
    services.notifications.close()
    // The job queue (PostgreSQL) stops last: emails and jobs above may still have sent to it.
    await services.jobs.queue?.stop()
  })

  app.decorate('config', config)
  app.decorate('db', database.db)
  app.decorate('dialect', database.dialect)
  app.decorate('program', program)
  app.decorate('services', services)
  app.decorate('migrationsApplied', migrationsApplied)

  await app.register(errorsPlugin)
  await app.register(securityPlugin)
  await app.register(cookie)
  // Shared by every instance on PostgreSQL or Redis (issue 16, stateless stream).
  await app.register(rateLimitPlugin)
  await app.register(metricsPlugin)
  await app.register(openapiPlugin)
  await app.register(authPlugin)
  await app.register(inputGuardPlugin)

  await app.register(operationsRoutes)
  await app.register(programRoutes)
  await app.register(authRoutes)
  await app.register(adminUsersRoutes)
  await app.register(auditRoutes)
  await app.register(notificationsRoutes)
  await app.register(handbookRoutes)
  await app.register(centersRoutes)
  await app.register(sessionsRoutes)
  await app.register(sessionOperationsRoutes)
  await app.register(invitationsRoutes)
  await app.register(itemBankRoutes)
  await app.register(profileRoutes)
  await app.register(ncrcRoutes)
  await app.register(proctorsRoutes)
  await app.register(centerAdminRoutes)
  await app.register(registrationsRoutes)
  await app.register(voucherLedgerRoutes)
  await app.register(accommodationsRoutes)
  await app.register(deliveryRoutes)
  await app.register(proctoringRoutes)
  await app.register(resultsRoutes)
  await app.register(documentsRoutes)
  await app.register(registryRoutes)
  await app.register(registryAdminRoutes)
  await app.register(rescoringRoutes)
  await app.register(credentialsRoutes)
  await app.register(credentialPageRoutes)
  // ---- issue 12, person stream
  await app.register(peopleRoutes)
  await app.register(staffRegistrationsRoutes)
  await app.register(certificationOverviewRoutes)
  // issue 12, integrity stream
  await app.register(integrityRoutes)
  // issue 13, lab-records stream
  await app.register(learningRecordsRoutes)
  // issue 13, lab-lessons
  await app.register(lessonsRoutes)
  // issue 13, practice stream
  await app.register(practiceRoutes)
  await app.register(practiceTestRoutes)
  await app.register(studyPlanRoutes)
  await app.register(progressRoutes)
  // issue 13, staff reporting: mastery by skill
  await app.register(masteryReportRoutes)
  await app.register(psychometricsRoutes)
  // issue 13, training stream
  await app.register(trainingRoutes)
  await app.register(trainingAdminRoutes)
  await app.register(standardSettingRoutes)
  await app.register(trainerRoutes)
  // issue 14: organisations
  await app.register(organisationsRoutes)
  // issue 14: colleges and advanced standing
  await app.register(advancedStandingRoutes)
  await app.register(sponsorshipsRoutes)
  // issue 15: program analytics
  await app.register(analyticsRoutes)

  await app.register(staticWebPlugin)
  await app.ready()
  return app
}
