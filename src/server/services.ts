// Builds every module's service once, wiring the ones that call each other. Modules talk to each
// other only through these services.
import type { Program } from '../common/program/program-schema.js'
import type { ServerContext } from './context.js'
import { createApiTokensService } from './modules/accounts/api-tokens.service.js'
import { createAuthService } from './modules/accounts/auth.service.js'
import { createUsersService } from './modules/accounts/users.service.js'
import { createAuditService } from './modules/audit/audit.service.js'
import { createCentersService } from './modules/centers/centers.service.js'
import { createHandbookService } from './modules/handbook/handbook.service.js'
import { createItemBankService } from './modules/item-bank/item-bank.service.js'
import { createNotificationsService } from './modules/notifications/notifications.service.js'
import { createProgramService } from './modules/program/program.service.js'
import { createSessionsService } from './modules/scheduling/sessions.service.js'

export function createServices(ctx: ServerContext, program: Program) {
  const audit = createAuditService(ctx)
  const notifications = createNotificationsService(ctx)
  const auth = createAuthService(ctx, { audit, notifications })
  const users = createUsersService(ctx, { audit, notifications, auth })
  const programService = createProgramService(program)
  return {
    program: programService,
    audit,
    notifications,
    auth,
    users,
    apiTokens: createApiTokensService(ctx, { audit }),
    handbook: createHandbookService(ctx, { audit, notifications, users }),
    centers: createCentersService(ctx),
    sessions: createSessionsService(ctx),
    itemBank: createItemBankService(ctx, { audit, program: programService }),
  }
}

export type Services = ReturnType<typeof createServices>
