// A course offering as people read it: its place (a center, or onsite at an employer), its trainer,
// its meetings in the place's time zone, seats left and whether self-enrolment is open. Built for many
// offerings at once: one read of meetings, one of centers and one of names, whatever the number.
import { certificationCurrent } from '../../../common/rules/certification-period.js'
import { centerCertificationCovers } from '../../../common/rules/session-schedule.js'
import { enrolmentOpen, seatsLeft } from '../../../common/rules/training.js'
import type { CourseView } from '../../../common/schemas/training.js'
import type { ServerContext } from '../../context.js'
import type { DbOrTx } from '../../db/database.js'
import type { CentersTable, CourseMeetingsTable } from '../../db/schema.js'
import type { ContactDirectory } from '../accounts/users.service.js'
import type { CenterDirectory } from '../centers/centers.service.js'
import type { ProgramService } from '../program/program.service.js'
import { meetingsOf, type OfferingRow } from './courses.repository.js'

export const centerAddress = (c: Pick<CentersTable, 'address_line1' | 'address_line2' | 'city' | 'state' | 'postal_code'>) =>
  `${c.address_line1}${c.address_line2 ? `, ${c.address_line2}` : ''}, ${c.city}, ${c.state} ${c.postal_code}`

/** Whether a center may run courses now through `until` (certified, not lapsed, covering the last meeting). */
export const centerRunsCourses = (c: Pick<CentersTable, 'status' | 'certified_until' | 'kind'>, now: Date, until: string) =>
  c.kind === 'center' && certificationCurrent(c.status, c.certified_until, now) && centerCertificationCovers(c.certified_until, until)

export function createCourseViews(ctx: ServerContext, deps: { centers: CenterDirectory; users: ContactDirectory; program: ProgramService }) {
  const moduleName = (code: string) => deps.program.module(code)?.name ?? code
  const skillName = (module: string, code: string) => deps.program.module(module)?.skills.find((s) => s.code === code)?.name ?? code

  /** Views of these offerings, in their order; `meetings` when the caller has read them already. */
  async function views(rows: readonly OfferingRow[], within: DbOrTx = ctx.db, known?: CourseMeetingsTable[]): Promise<CourseView[]> {
    if (rows.length === 0) return []
    const [meetings, centers, contacts] = await Promise.all([
      known ?? meetingsOf(within, rows.map((r) => r.id)),
      deps.centers.findMany(rows.map((r) => r.center_id).filter((x): x is string => !!x), within),
      deps.users.contactsOf([...new Set(rows.map((r) => r.trainer_id))], within),
    ])
    const now = ctx.clock()
    const byOffering = new Map<string, CourseMeetingsTable[]>()
    for (const m of meetings) byOffering.set(m.offering_id, [...(byOffering.get(m.offering_id) ?? []), m])
    return rows.map((r) => {
      const own = (byOffering.get(r.id) ?? []).map((m) => ({ id: m.id, startsAt: m.starts_at, endsAt: m.ends_at }))
      const center = r.center_id ? centers.get(r.center_id) : undefined
      const trainer = contacts.get(r.trainer_id)
      const isPrivate = r.employer_id !== null
      const left = seatsLeft({ seats: r.seats, seatsTaken: r.seats_taken })
      const open = r.status === 'scheduled' && !isPrivate && left > 0 && enrolmentOpen(own, now) && (!center || centerRunsCourses(center, now, r.last_ends_at))
      return {
        id: r.id, title: r.title, module: r.module, moduleName: moduleName(r.module),
        skills: (JSON.parse(r.skills) as string[]).map((code) => ({ code, name: skillName(r.module, code) })),
        trainer: { id: r.trainer_id, name: trainer ? `${trainer.first_name} ${trainer.last_name}` : '' },
        place: {
          kind: isPrivate ? 'onsite' as const : 'center' as const, centerId: r.center_id, employerId: r.employer_id,
          name: center?.name ?? r.place_name ?? '', address: center ? centerAddress(center) : (r.address ?? ''), city: r.city, state: r.state,
        },
        timeZone: r.time_zone, meetings: own, seats: r.seats, seatsLeft: left, feeCents: r.fee_cents, currency: r.currency,
        status: r.status, cancelReason: r.cancel_reason, enrolmentOpen: open, private: isPrivate,
      }
    })
  }

  return { views, moduleName }
}

export type CourseViews = ReturnType<typeof createCourseViews>
