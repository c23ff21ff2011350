import { Link, useParams } from "react-router";
import { Page } from "../components/page";
import { QueryStatus } from "../components/query-status";
import { formatCalendarDate } from "../lib/format";
import type { PublicCredentialView } from "../../common/schemas/credentials";
import { usePublicCredential } from "../features/credential-page/credential-page-api";
import "../styles/credential-page.css";
import { SkillsCovered } from "../features/program/skills-covered";

// /credentials/<number>: the page a holder shares (on LinkedIn, in an application). It shows the
// badge, what the credential is and what earns it, who issued it and when, and the registry's live
// answer: a revoked certificate says so at the top, plainly, and offers nothing to share.
export function CredentialPage() {
  const { certificateNumber = "" } = useParams();
  const page = usePublicCredential(certificateNumber);
  return (
    <QueryStatus query={page} loadingLabel="Checking the registry…">
      {(data) => <CredentialDetails credential={data} />}
    </QueryStatus>
  );
}

function CredentialDetails({ credential: c }: { credential: PublicCredentialView }) {
  const revoked = c.status === "revoked";
  return (
    <Page title={`${c.name}: ${c.holderName}`} heading={c.name} lead={c.description}>
      <div className={revoked ? "credential-page credential-page--revoked" : "credential-page"}>
        <div className={revoked ? "notice notice--error credential-page__verdict" : "notice notice--success credential-page__verdict"}>
          <p>
            <strong>{revoked ? "Revoked: this credential is no longer valid." : "Verified: this credential is genuine and active."}</strong>{" "}
            {revoked
              ? `The registry shows it revoked${c.revokedOn ? ` since ${formatCalendarDate(c.revokedOn)}` : ""}. It should not be relied on.`
              : `Checked against the ${c.issuer.name} registry just now.`}
          </p>
        </div>
        <div className="credential-page__summary">
          <img className="credential-page__badge" src={c.badge.svg} alt={c.badge.alt} width={200} height={200} />
          <dl className="details-list">
            <dt>Awarded to</dt>
            <dd>{c.holderName}</dd>
            <dt>Credential</dt>
            <dd>
              {c.achievementType === "Certification" ? "Certification" : "Module certificate"} ({c.type})
            </dd>
            {c.stack ? (
              <>
                <dt>Stacked on</dt>
                <dd>{c.stack}</dd>
              </>
            ) : null}
            <dt>Issued by</dt>
            <dd>
              <a href={c.issuer.url}>{c.issuer.name}</a>
            </dd>
            <dt>Issued</dt>
            <dd>{formatCalendarDate(c.issuedOn)}</dd>
            <dt>Expires</dt>
            <dd>{c.expiresOn ? formatCalendarDate(c.expiresOn) : "Does not expire"}</dd>
            <dt>Status</dt>
            <dd>
              <span className={revoked ? "badge registry-badge--revoked" : "badge badge--success"}>{revoked ? "Revoked" : "Active"}</span>
            </dd>
            <dt>Certificate number</dt>
            <dd>
              <code>{c.certificateNumber}</code>
            </dd>
          </dl>
        </div>

        {c.links.linkedIn ? (
          <p className="button-row">
            <a className="button" href={c.links.linkedIn} target="_blank" rel="noopener noreferrer">
              Add to LinkedIn profile<span className="visually-hidden"> (opens LinkedIn in a new tab)</span>
            </a>
          </p>
        ) : null}

        <section className="section" aria-labelledby="criteria-heading">
          <h2 id="criteria-heading">How it is earned</h2>
          <p>{c.criteria}</p>
          <ul>
            {c.requirements.map((r) => (
              <li key={r.code}>
                Pass {r.name} ({r.code}) with {r.passPercent}% or higher
              </li>
            ))}
          </ul>
        </section>

        <SkillsCovered skills={c.skills} />

        <section className="section" aria-labelledby="verify-heading">
          <h2 id="verify-heading">Verify it yourself</h2>
          <ul>
            <li>
              <Link to={`/registry/${encodeURIComponent(c.certificateNumber)}`}>The registry's entry for this certificate</Link>
            </li>
            <li>
              <Link to={`/achievements/${encodeURIComponent(c.type)}`}>The credential's description</Link> (its Open Badges 3.0 achievement)
            </li>
            <li>
              Badge image: <a href={c.badge.svg}>SVG</a>, <a href={c.badge.png}>PNG</a>
            </li>
          </ul>
        </section>
      </div>
    </Page>
  );
}
