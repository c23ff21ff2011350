import { Page } from "../components/page";
import { QueryStatus } from "../components/query-status";
import { PasswordForm } from "../features/account/password-form";
import { ProfileForm } from "../features/account/profile-form";
import { hasRole, useMe } from "../features/auth/auth-queries";
import { ROLE_LABELS } from "../features/auth/roles";
import { NcrcSection } from "../features/registration/ncrc-form";
import { DemographicsSection } from "../features/psychometrics/demographics-form";
import { SharingSection } from "../features/organisations/sharing-section";

export function AccountPage() {
  const me = useMe();
  return (
    <Page title="Your account">
      <QueryStatus query={me}>
        {(user) =>
          user ? (
            <div className="stack">
              <p>
                Signed in as <strong>{user.email}</strong>
                {user.roles.length ? <> ({user.roles.map((role) => ROLE_LABELS[role] ?? role).join(", ")})</> : null}.
              </p>
              <ProfileForm user={user} />
              {hasRole(user, "candidate") ? <NcrcSection /> : null}
              {hasRole(user, "candidate") ? <DemographicsSection /> : null}
              {/* issue 14: consent to share results with the organisations that sponsor me */}
              <SharingSection />
              <PasswordForm />
            </div>
          ) : null
        }
      </QueryStatus>
    </Page>
  );
}
