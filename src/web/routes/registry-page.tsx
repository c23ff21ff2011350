import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { TextField } from "../components/field";
import { Page } from "../components/page";
import { hasRole, useMe } from "../features/auth/auth-queries";
import { BulkVerify } from "../features/registry/bulk-verify";
import { HolderSearch } from "../features/registry/holder-search";
import { LookupResult } from "../features/registry/lookup-result";
import { registryLinks } from "../features/registry/registry-api";
import type { Role } from "../../common/roles";
import "../styles/registry.css";

const BULK_ROLES: Role[] = ["employer", "college_partner", "program_staff"];

// The national certificant registry: /registry, and /registry/<number> (the address in every
// certificate's QR code), which looks the number up at once.
export function RegistryPage() {
  const { certificateNumber } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const [typed, setTyped] = useState(certificateNumber ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setTyped(certificateNumber ?? ""), [certificateNumber]);
  const canBulk = BULK_ROLES.some((role) => hasRole(me.data, role));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = typed.trim();
    if (!value) return setProblem("Type the certificate number.");
    setProblem(null);
    // The address carries the number, so a result can be bookmarked or shared like the QR code.
    void navigate(registryLinks.page(value), { replace: !!certificateNumber });
  }

  return (
    <Page
      title="Verify a certificate"
      wide
      lead="The national certificant registry lists every MT1 certificate holder. Type a certificate number, or scan the QR code on a certificate, to see whether it is genuine and still valid."
    >
      <section aria-labelledby="registry-lookup-heading">
        <h2 id="registry-lookup-heading" className="visually-hidden">
          Look up a certificate number
        </h2>
        <form className="filters registry-lookup" onSubmit={onSubmit} noValidate>
          <TextField
            label="Certificate number"
            name="certificateNumber"
            hint="Printed on the certificate, like MT1-4K7QZ-8MN2D-R. Case, spaces and dashes do not matter."
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={64}
            value={typed}
            error={problem}
            onChange={(e) => setTyped(e.target.value)}
          />
          <button type="submit" className="button">
            Verify
          </button>
        </form>
        <LookupResult number={certificateNumber} />
      </section>
      <HolderSearch />
      {canBulk ? (
        <BulkVerify />
      ) : (
        <section aria-labelledby="bulk-info-heading" className="section">
          <h2 id="bulk-info-heading">Verifying many certificates?</h2>
          <p>
            Employers and college partners can check a whole list or a CSV file at once after they <Link to="/login?next=/registry">log in</Link>.
          </p>
        </section>
      )}
    </Page>
  );
}
