import { Link } from "react-router";
import { ApiError, errorMessage } from "../../api/client";
import { useProgram } from "../program/program-queries";
import { credentialName, formatDay, useRegistryLookup } from "./registry-api";

// What a verifier needs to read at a glance: valid or not, whose, which credential, since when.
// The whole result sits in one polite live region, so the answer is announced when it arrives.
export function LookupResult({ number }: { number: string | undefined }) {
  const lookup = useRegistryLookup(number);
  const program = useProgram();
  let content = null;
  if (!number) content = null;
  else if (lookup.isPending) content = <p className="loading">Checking the registry…</p>;
  else if (lookup.isError) content = <LookupProblem error={lookup.error} />;
  else {
    const entry = lookup.data;
    const revoked = entry.status === "revoked";
    content = (
      <article className={revoked ? "registry-card registry-card--revoked" : "registry-card registry-card--active"} aria-labelledby="registry-card-title">
        <h2 id="registry-card-title" className="registry-card__verdict">
          <span className="registry-card__icon" aria-hidden="true">{revoked ? "✕" : "✓"}</span>
          {revoked ? "Revoked: this certificate is no longer valid" : "Valid: this certificate is genuine and active"}
        </h2>
        <dl className="details-list">
          <dt>Holder</dt>
          <dd>{entry.holderName}</dd>
          <dt>Credential</dt>
          <dd>
            {credentialName(program.data, entry.type)} ({entry.type})
          </dd>
          {entry.stack ? (
            <>
              <dt>Stacked on</dt>
              <dd>{entry.stack}</dd>
            </>
          ) : null}
          <dt>Issued</dt>
          <dd>{formatDay(entry.issuedOn)}</dd>
          <dt>Status</dt>
          <dd>
            <span className={revoked ? "badge registry-badge--revoked" : "badge badge--success"}>{revoked ? "Revoked" : "Active"}</span>
            {revoked && entry.revokedOn ? <> since {formatDay(entry.revokedOn)}</> : null}
          </dd>
          <dt>Certificate number</dt>
          <dd>
            <code className="registry-number">{entry.certificateNumber}</code>
          </dd>
        </dl>
        <p>
          <Link to={`/credentials/${encodeURIComponent(entry.certificateNumber)}`}>The credential's public page</Link>: its badge, what earns it and the skills it covers.
        </p>
      </article>
    );
  }
  return (
    <div className="registry-result" role="status" aria-live="polite" aria-atomic="true">
      {content}
    </div>
  );
}

function LookupProblem({ error }: { error: unknown }) {
  if (error instanceof ApiError) {
    const reason = (error.details as { reason?: string } | undefined)?.reason;
    const title =
      error.code === "CERTIFICATE_NUMBER_INVALID"
        ? reason === "check"
          ? "This number looks mistyped"
          : "This is not a certificate number"
        : error.status === 404
          ? "No certificate has this number"
          : error.status === 429
            ? "Too many lookups"
            : "The registry could not answer";
    // The title already says what the server's message would: say what to do instead of repeating it.
    const detail =
      error.status === 429
        ? "Wait a minute, then try again."
        : error.code === "CERTIFICATE_NUMBER_INVALID"
          ? reason === "check"
            ? "A character is wrong or two are swapped: the check character at the end does not match the rest. Compare each character with the certificate and try again."
            : "MT1 certificate numbers look like MT1-XXXXX-XXXXX-X."
          : error.message;
    return (
      <div className="notice notice--error registry-problem">
        <p>
          <strong>{title}.</strong> {detail}
        </p>
      </div>
    );
  }
  return (
    <div className="notice notice--error registry-problem">
      <p>{errorMessage(error)}</p>
    </div>
  );
}
