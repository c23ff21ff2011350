// The program in CTDL for anyone who asks: built from the program definition, the public address and
// the advanced-standing agreements in force, which the advanced-standing module supplies (the
// `agreements` reader; none until that module is wired in services.ts).
import type { ServerContext } from '../../context.js'
import { buildCtdl, type CtdlAgreement } from './ctdl.js'
import type { ProgramService } from './program.service.js'

export type AgreementsReader = () => Promise<readonly CtdlAgreement[]>

export function createCtdlService(ctx: ServerContext, deps: { program: ProgramService; agreements: AgreementsReader }) {
  return {
    async document() {
      return buildCtdl({ program: deps.program.definition, publicUrl: ctx.config.publicUrl, agreements: await deps.agreements() })
    },
  }
}

export type CtdlService = ReturnType<typeof createCtdlService>
