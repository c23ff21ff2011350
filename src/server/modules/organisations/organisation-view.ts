// An organisation as the API shows it.
import type { OrganisationView } from '../../../common/schemas/organisations.js'
import type { OrganisationRow } from './organisations.repository.js'

export const organisationView = (o: OrganisationRow): OrganisationView => ({
  id: o.id, kind: o.kind, name: o.name, website: o.website, city: o.city, state: o.state, createdAt: o.created_at,
})
