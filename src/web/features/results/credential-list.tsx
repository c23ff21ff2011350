import { Link } from "react-router";
import type { Program } from "../../api/types";
import { formatDate } from "../../lib/format";
import { documentLinks, type MyCredential } from "./results-api";
import "../../styles/results.css";

/** "Math and Measurement certificate (MM)", "Manufacturing Specialist (MS)": a credential type's name. */
export function credentialName(type: string, program: Program | undefined): string {
  const module = program?.modules.find((m) => m.code === type);
  if (module) return `${module.name} certificate (${type})`;
  const credential = program?.credentials.find((c) => c.code === type);
  return credential ? `${credential.name} (${type})` : type;
}

const STATUS_LABELS: Record<string, string> = { active: "Active", revoked: "Revoked", withdrawn: "Withdrawn" };

function CredentialItem({ credential, program }: { credential: MyCredential; program: Program | undefined }) {
  const name = credentialName(credential.type, program);
  const active = credential.status === "active";
  return (
    <li className="card credential">
      <div className="record__head">
        <h2>{name}</h2>
        <span className={active ? "badge badge--success" : "badge badge--muted"}>{STATUS_LABELS[credential.status] ?? credential.status}</span>
      </div>
      <dl className="details-list">
        <dt>Certificate number</dt>
        <dd>
          <code>{credential.certificateNumber}</code>
        </dd>
        <dt>Issued</dt>
        {/* A calendar date: read at noon UTC so no time zone moves it to another day. */}
        <dd>{formatDate(`${credential.issuedOn}T12:00:00Z`)}</dd>
      </dl>
      <p className="button-row">
        {active ? (
          <>
            <a href={documentLinks.certificate(credential.certificateNumber)} className="button button--small" download>
              Download certificate (PDF)<span className="visually-hidden">: {name}</span>
            </a>
            <a href={documentLinks.badge(credential.certificateNumber)} className="button button--secondary button--small" download>
              Download badge (Open Badges 3.0)<span className="visually-hidden">: {name}</span>
            </a>
          </>
        ) : null}
        <Link to={documentLinks.verify(credential.certificateNumber)}>
          Verify in the registry<span className="visually-hidden">: {name}</span>
        </Link>
      </p>
    </li>
  );
}

// The candidate's certificates with their documents: the printable PDF, the Open Badges 3.0
// credential and the public registry page that verifies them.
export function CredentialList({ credentials, program }: { credentials: MyCredential[]; program: Program | undefined }) {
  if (credentials.length === 0) return <p>You have no certificates yet. Each module you pass earns its certificate.</p>;
  return (
    <ul className="records credentials">
      {credentials.map((c) => (
        <CredentialItem key={c.certificateNumber} credential={c} program={program} />
      ))}
    </ul>
  );
}
