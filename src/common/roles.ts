// The roles of the platform. A user may hold several (a proctor can also be a candidate elsewhere).
export const ROLES = ['candidate', 'proctor', 'center_admin', 'program_staff', 'employer', 'college_partner', 'trainer'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  candidate: 'Candidate',
  proctor: 'Proctor',
  center_admin: 'Center administrator',
  program_staff: 'Program staff',
  employer: 'Employer',
  college_partner: 'College partner',
  // issue 13: MT1 Certified Trainers teach instructor-led courses (certified by staff, like proctors).
  trainer: 'Trainer',
}
