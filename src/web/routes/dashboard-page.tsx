import { Page } from "../components/page";
import { QueryStatus } from "../components/query-status";
import { hasRole, useMe } from "../features/auth/auth-queries";
import { CandidateSection } from "../features/dashboard/candidate-section";
import {
  CenterAdminSection,
  CollegePartnerSection,
  EmployerSection,
  ProctorSection,
  TrainerSection,
} from "../features/dashboard/role-sections";
import { StaffSection } from "../features/dashboard/staff-section";
// issue 15, item 4: standard-setting panelists (a study membership, not a role)
import { PanelSection } from "../features/standard-setting/panel-section";

export function DashboardPage() {
  const me = useMe();
  return (
    <Page title="Dashboard" wide>
      <QueryStatus query={me}>
        {(user) =>
          user ? (
            <div className="stack">
              {user.roles.length === 0 ? <p>Your account has no roles yet. Program staff can assign them.</p> : null}
              {hasRole(user, "candidate") ? <CandidateSection user={user} /> : null}
              {hasRole(user, "program_staff") ? <StaffSection /> : null}
              {hasRole(user, "proctor") ? <ProctorSection /> : null}
              {hasRole(user, "center_admin") ? <CenterAdminSection /> : null}
              {hasRole(user, "employer") ? <EmployerSection /> : null}
              {hasRole(user, "college_partner") ? <CollegePartnerSection /> : null}
              {hasRole(user, "trainer") ? <TrainerSection /> : null}
              <PanelSection />
            </div>
          ) : null
        }
      </QueryStatus>
    </Page>
  );
}
