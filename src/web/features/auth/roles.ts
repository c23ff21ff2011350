import type { Role } from "../../api/types";

export const ROLE_LABELS: Record<Role, string> = {
  candidate: "Candidate",
  proctor: "Proctor",
  center_admin: "Center administrator",
  program_staff: "Program staff",
  employer: "Employer",
  college_partner: "College partner",
};
