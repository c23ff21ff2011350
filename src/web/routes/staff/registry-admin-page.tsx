import { useState, type FormEvent } from "react";
import { TextField } from "../../components/field";
import { Page } from "../../components/page";
import { registryLinks } from "../../features/registry/registry-api";
import { RegistryFigures } from "../../features/registry/registry-figures";
import { StaffCredential } from "../../features/registry/staff-credential";
import "../../styles/registry.css";

// Program staff: find a certificate to revoke or reinstate, read the figures, export everything.
export function RegistryAdminPage() {
  const [typed, setTyped] = useState("");
  const [number, setNumber] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!typed.trim()) return setProblem("Type the certificate number.");
    setProblem(null);
    setNumber(typed.trim());
  }
  function open(other: string) {
    setTyped(other);
    setNumber(other);
  }

  return (
    <Page title="Registry and revocation" wide lead="Revoke or reinstate a certificate with a reason, see who holds what, and export the registry.">
      <section aria-labelledby="find-certificate-heading">
        <h2 id="find-certificate-heading">Find a certificate</h2>
        <form className="filters" onSubmit={onSubmit} noValidate>
          <TextField label="Certificate number" name="certificateNumber" autoComplete="off" spellCheck={false} maxLength={64} value={typed} error={problem} onChange={(e) => setTyped(e.target.value)} />
          <button type="submit" className="button">Open</button>
        </form>
        {number ? <StaffCredential number={number} onOpen={open} /> : null}
      </section>
      <section aria-labelledby="export-heading" className="section">
        <h2 id="export-heading">Export</h2>
        <p>Every certificate as a CSV file (certificate number, credential, holder, date issued, status), streamed as it is read.</p>
        <p>
          <a className="button button--secondary" href={registryLinks.export} download>
            Download the registry (CSV)
          </a>
        </p>
      </section>
      <section aria-labelledby="figures-heading" className="section">
        <h2 id="figures-heading">Figures</h2>
        <RegistryFigures />
      </section>
    </Page>
  );
}
