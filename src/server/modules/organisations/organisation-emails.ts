// What the organisations module tells people by email: an invitation to join an organisation.
import type { OrganisationKind, OrganisationRole } from '../../../common/rules/organisations.js'

const what = (kind: OrganisationKind) => (kind === 'employer' ? 'employer' : 'partner college')

export const organisationEmails = {
  invitation: (o: { organisation: string; kind: OrganisationKind; role: OrganisationRole; inviter: string; link: string; expiresOn: string }) => ({
    subject: `You are invited to join ${o.organisation} on MT1`,
    text: `Hello,\n\n${o.inviter} invited you to join ${o.organisation}, an MT1 ${what(o.kind)}, as ${o.role === 'owner' ? 'an owner (you can invite and remove colleagues)' : 'a member'}.\n\n`
      + `To accept, open this link and log in (or create an account) with this email address:\n\n${o.link}\n\n`
      + `The link works until ${o.expiresOn}. If you do not expect this, ignore this email: nothing happens unless you accept.\n`,
  }),
}
