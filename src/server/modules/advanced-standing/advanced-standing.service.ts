// Advanced standing (issue 14, item 1): articulation agreements and holders' requests under them.
// Partner institutions are the organisations module's colleges (institutions.ts says what is asked of it).
import type { ServerContext } from '../../context.js'
import type { UserDirectory } from '../accounts/users.service.js'
import type { AuditService } from '../audit/audit.service.js'
import type { CredentialsService } from '../credentials/credentials.service.js'
import type { NotificationsService } from '../notifications/notifications.service.js'
import type { ProgramService } from '../program/program.service.js'
import type { CredentialRecordsService } from '../registry/credential-records.service.js'
import { createAgreementsService } from './agreements.service.js'
import type { InstitutionDirectory } from './institutions.js'
import { createRequestsService } from './requests.service.js'

export function createAdvancedStandingService(ctx: ServerContext, deps: {
  audit: AuditService; notifications: NotificationsService; program: ProgramService; users: UserDirectory
  credentialRecords: CredentialRecordsService; credentials: Pick<CredentialsService, 'verifyHeld'>; institutions: InstitutionDirectory
}) {
  const agreements = createAgreementsService(ctx, deps)
  const requests = createRequestsService(ctx, { ...deps, agreements })
  return { agreements, requests }
}

export type AdvancedStandingService = ReturnType<typeof createAdvancedStandingService>
