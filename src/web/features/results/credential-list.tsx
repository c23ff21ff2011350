import { Link } from "react-router";
import type { Program } from "../../api/types";
import { formatCalendarDate } from "../../lib/format";
import type { MyCredentialView } from "../../../common/schemas/results";
import { documentLinks } from "./results-api";
import { achievementOf } from "../../../common/program/achievement";
import { credentialExpiresOn } from "../../../common/credentials/expiry";
import { credentialFileName } from "../../../common/credentials/file-names";
import { linkedInAddToProfileUrl } from "../../../common/credentials/linkedin";
import { stackStatement } from "../../../common/rules/ncrc-stack";
import "../../styles/results.css";

/** "Math and Measurement certificate (MM)", "Manufacturing Specialist (MS)": a credential type's name. */
export function credentialName(type: string, program: Program | undefined): string {
  const module = program?.modules.find((m) => m.code === type);
  if (module) return `${module.name} certificate (${type})`;
  const credential = program?.credentials.find((c) => c.code === type);
  return credential ? `${credential.name} (${type})` : type;
}

const STATUS_LABELS: Record<string, string> = { active: "Active", revoked: "Revoked", withdrawn: "Withdrawn" };

/** Why a certificate is no longer valid, for its holder. */
const STATUS_NOTES: Record<string, string> = {
  revoked: "The program revoked this certificate and emailed you the reason. The registry shows it as revoked, so it no longer verifies.",
  withdrawn: "This certificate was withdrawn when its module was rescored. The registry no longer lists it as valid.",
};

/**
 * The order to list certificates in: the highest credential first (MT1, then MS), then the module
 * certificates in the program's order; the same type, latest first. (The API lists them as they
 * were created, and certificates awarded together have no order of their own.)
 */
function byStanding(program: Program | undefined) {
  const rank = (type: string) => {
    const credentials = program?.credentials.map((c) => c.code) ?? [];
    const modules = program?.modules.map((m) => m.code) ?? [];
    if (credentials.includes(type)) return credentials.length - 1 - credentials.indexOf(type);
    if (modules.includes(type)) return credentials.length + modules.indexOf(type);
    return credentials.length + modules.length;
  };
  return (a: MyCredentialView, b: MyCredentialView) => rank(a.type) - rank(b.type) || b.issuedOn.localeCompare(a.issuedOn) || a.certificateNumber.localeCompare(b.certificateNumber);
}

/** LinkedIn's add-to-profile link, worded as the credential's public page words it (same function, same facts). */
function holderLinkedInUrl(credential: MyCredentialView, program: Program): string | null {
  const achievement = achievementOf(program, credential.type);
  if (!achievement) return null;
  return linkedInAddToProfileUrl({
    name: achievement.name, organizationName: program.owner, issuedOn: credential.issuedOn, expiresOn: credentialExpiresOn(credential.issuedOn, program.policies.certificateExpiryMonths),
    certUrl: `${window.location.origin}${documentLinks.publicPage(credential.certificateNumber)}`, certId: credential.certificateNumber,
  });
}

type NcrcStack = { level: string; verified: boolean } | null;

function CredentialItem({ credential, program, ncrc }: { credential: MyCredentialView; program: Program | undefined; ncrc: NcrcStack }) {
  const name = credentialName(credential.type, program);
  const active = credential.status === "active";
  const linkedIn = active && program ? holderLinkedInUrl(credential, program) : null;
  const stack = ncrc ? stackStatement(credential.type, ncrc) : null;
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
        {stack ? (
          <>
            <dt>Stacked on</dt>
            <dd>{stack}</dd>
          </>
        ) : null}
        <dt>Issued</dt>
        {/* A calendar date: read at noon UTC so no time zone moves it to another day. */}
        <dd>{formatCalendarDate(credential.issuedOn)}</dd>
      </dl>
      {STATUS_NOTES[credential.status] ? <p>{STATUS_NOTES[credential.status]}</p> : null}
      <p className="button-row">
        {active ? (
          <>
            <a href={documentLinks.certificate(credential.certificateNumber)} className="button button--small" download={credentialFileName(credential.certificateNumber, "certificate")}>
              Download certificate (PDF)<span className="visually-hidden">: {name}</span>
            </a>
            <a href={documentLinks.badge(credential.certificateNumber)} className="button button--secondary button--small" download={credentialFileName(credential.certificateNumber, "badge")}>
              Download badge (Open Badges 3.0)<span className="visually-hidden">: {name}</span>
            </a>
            {linkedIn ? (
              <a href={linkedIn} className="button button--secondary button--small" target="_blank" rel="noopener noreferrer">
                Add to LinkedIn profile<span className="visually-hidden">: {name} (opens LinkedIn in a new tab)</span>
              </a>
            ) : null}
          </>
        ) : null}
        <Link to={documentLinks.publicPage(credential.certificateNumber)}>
          Public credential page<span className="visually-hidden">: {name}</span>
        </Link>
        <Link to={documentLinks.verify(credential.certificateNumber)}>
          Verify in the registry<span className="visually-hidden">: {name}</span>
        </Link>
      </p>
    </li>
  );
}

// The candidate's certificates with their documents: the printable PDF, the Open Badges 3.0
// credential and the public registry page that verifies them.
export function CredentialList({ credentials, program, ncrc = null }: { credentials: MyCredentialView[]; program: Program | undefined; ncrc?: NcrcStack }) {
  if (credentials.length === 0) return <p>You have no certificates yet. Each module you pass earns its certificate.</p>;
  return (
    <ul className="records credentials">
      {[...credentials].sort(byStanding(program)).map((c) => (
        <CredentialItem key={c.certificateNumber} credential={c} program={program} ncrc={ncrc} />
      ))}
    </ul>
  );
}
