import type { ProfileView } from "../../../common/schemas/accounts";
import { formatCalendarDate } from "../../lib/format";

/** The words of each verification state, shared by the holder's form, the pathway and staff's panel. */
export const NCRC_VERIFICATION_LABELS: Record<ProfileView["ncrcVerification"], string> = {
  unverified: "Not verified yet",
  verified: "Verified",
  not_verified: "Not verified",
};

/** Where the holder's NCRC stands with program staff, and why when it was not verified. */
export function NcrcVerificationNotice({ profile }: { profile: ProfileView }) {
  const tone = profile.ncrcVerification === "verified" ? "notice--success" : profile.ncrcVerification === "not_verified" ? "notice--error" : "notice--info";
  return (
    <div className={`notice ${tone}`}>
      <p>
        <strong>Verification: {NCRC_VERIFICATION_LABELS[profile.ncrcVerification]}</strong>
        {profile.ncrcVerification === "verified" && profile.ncrcVerifiedAt ? ` on ${formatCalendarDate(profile.ncrcVerifiedAt.slice(0, 10))}.` : "."}
        {profile.ncrcVerification === "unverified" ? " Program staff check the level, number and date against the copy you upload. Changing any of them starts the check again." : null}
      </p>
      {profile.ncrcVerification === "not_verified" && profile.ncrcVerificationReason ? <p>Reason: {profile.ncrcVerificationReason}</p> : null}
    </div>
  );
}
