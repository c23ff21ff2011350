// The public page of one certificate (issue 14), the Credly-like page a holder shares: the badge, the
// credential's name, criteria and skills (the words its Open Badges achievement signs), the issuer,
// the dates, and the registry's live verdict with the holder's name as the registry shows it and
// the stack (NCRC level and verification only). A revoked certificate's page says so, and offers no
// LinkedIn link.
import { credentialExpiresOn } from '../../../common/credentials/expiry.js'
import { linkedInAddToProfileUrl } from '../../../common/credentials/linkedin.js'
import { achievementOf } from '../../../common/program/achievement.js'
import type { RegistryLookupView } from '../../../common/schemas/registry.js'
import type { PublicCredentialView } from '../../../common/schemas/credentials.js'
import type { ServerContext } from '../../context.js'
import type { ProgramService } from '../program/program.service.js'
import { ISSUER_NAME, type IssuerUrls } from './issuer.js'
import { badgeCaption } from './ob3-credential.js'

export function createCredentialPageService(ctx: ServerContext, deps: { program: ProgramService; urls: IssuerUrls; lookup: (number: string) => Promise<RegistryLookupView> }) {
  const program = deps.program.definition
  const { urls } = deps

  return {
    async page(certificateNumber: string): Promise<PublicCredentialView> {
      // The registry's lookup: 400 for a mistyped number, 404 for an unknown one, the live status.
      const entry = await deps.lookup(certificateNumber)
      const a = achievementOf(program, entry.type)
      if (!a) throw new Error(`credential type ${entry.type} is not in the program definition`)
      const expiresOn = credentialExpiresOn(entry.issuedOn, program.policies.certificateExpiryMonths)
      const page = urls.credentialPage(entry.certificateNumber)
      return {
        certificateNumber: entry.certificateNumber, type: entry.type,
        name: a.name, description: a.description, achievementType: a.achievementType, criteria: a.narrative,
        requirements: a.requirements, skills: a.skills.map((s) => ({ code: s.code, name: s.name, description: s.description })),
        issuer: { name: ISSUER_NAME, url: urls.publicUrl, id: urls.issuer },
        holderName: entry.holderName, issuedOn: entry.issuedOn, expiresOn,
        status: entry.status, revokedOn: entry.revokedOn, stack: entry.stack,
        badge: { svg: urls.badge(entry.type, 'svg'), png: urls.badge(entry.type, 'png'), alt: badgeCaption(a.name, entry.type) },
        links: {
          page, registry: urls.credential(entry.certificateNumber), achievement: urls.achievement(entry.type),
          linkedIn: entry.status === 'active'
            ? linkedInAddToProfileUrl({ name: a.name, organizationName: ISSUER_NAME, issuedOn: entry.issuedOn, expiresOn, certUrl: page, certId: entry.certificateNumber })
            : null,
        },
        verifiedAt: ctx.clock().toISOString(),
      }
    },
  }
}

export type CredentialPageService = ReturnType<typeof createCredentialPageService>
