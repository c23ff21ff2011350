// Who sits a session: its confirmed registrations (scheduling), the candidates' names (accounts) and
// their check-ins (delivery), in name order, as the proctor calls the room. Each module answers for
// its own tables.
import type { DbOrTx } from '../../db/database.js'
import type { ContactDirectory } from '../accounts/users.service.js'
import type { RegistrationsService } from '../scheduling/registrations.service.js'
import { checkinsOf } from './delivery.repository.js'

export interface Sitter {
  registration_id: string
  candidate_id: string
  modules: string
  first_name: string
  last_name: string
  checked_in_at: string | null
}

export async function sittersOfSession(
  db: DbOrTx,
  deps: { registrations: Pick<RegistrationsService, 'confirmedInSession'>; users: ContactDirectory },
  sessionId: string,
): Promise<Sitter[]> {
  const registrations = await deps.registrations.confirmedInSession(sessionId, db)
  const [contacts, checkins] = await Promise.all([deps.users.contactsOf(registrations.map((r) => r.candidate_id), db), checkinsOf(db, registrations.map((r) => r.id))])
  return registrations
    .flatMap((r) => {
      const c = contacts.get(r.candidate_id)
      return c ? [{ registration_id: r.id, candidate_id: r.candidate_id, modules: r.modules, first_name: c.first_name, last_name: c.last_name, checked_in_at: checkins.get(r.id) ?? null }] : []
    })
    .sort((a, b) => a.last_name.localeCompare(b.last_name) || a.first_name.localeCompare(b.first_name))
}
