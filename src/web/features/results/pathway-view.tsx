import type { ReactNode } from "react";
import { Link } from "react-router";
import { QueryStatus } from "../../components/query-status";
import { formatCalendarDate } from "../../lib/format";
import { formatZonedShort } from "../../../common/time-zones";
import { statusLabel } from "../registration/scheduling-api";
import type { PathwayView as Pathway } from "../../../common/schemas/results";
import { documentLinks, formatPercent, usePathway } from "./results-api";
import { NCRC_VERIFICATION_LABELS } from "../registration/ncrc-verification";
import { PathwayStanding } from "../advanced-standing/pathway-standing";
import "../../styles/results.css";

type Tone = "done" | "active" | "todo";

const BADGE: Record<Tone, string> = { done: "badge badge--success", active: "badge badge--warning", todo: "badge badge--muted" };

/** A calendar date (YYYY-MM-DD), read at noon UTC so no time zone moves it to another day. */
const day = (date: string) => formatCalendarDate(date);

function Step({ tone, title, status, children }: { tone: Tone; title: string; status: string; children?: ReactNode }) {
  return (
    <li className={`pathway__step pathway__step--${tone}`}>
      <span className="pathway__marker" aria-hidden="true">
        {tone === "done" ? "✓" : ""}
      </span>
      <div className="pathway__body">
        <p className="pathway__head">
          <strong>{title}</strong> <span className={BADGE[tone]}>{status}</span>
        </p>
        {children}
      </div>
    </li>
  );
}

function NcrcStep({ ncrc }: { ncrc: Pathway["ncrc"] }) {
  const tone: Tone = ncrc.meetsRecommendation ? "done" : ncrc.level ? "active" : "todo";
  const status = ncrc.level ? `${ncrc.level}, ${NCRC_VERIFICATION_LABELS[ncrc.verification].toLowerCase()}` : "Not recorded";
  return (
    <Step tone={tone} title="National Career Readiness Certificate (NCRC)" status={status}>
      {ncrc.level ? (
        <p className="card__meta">
          NCRC {ncrc.level}
          {ncrc.date ? ` dated ${day(ncrc.date)}` : null}: {NCRC_VERIFICATION_LABELS[ncrc.verification].toLowerCase()} by program staff
          {ncrc.verification === "verified" ? ". MS and MT1 state that they stack on it." : ncrc.verification === "unverified" ? ". Upload the certificate on your account page so staff can check it." : "."}
        </p>
      ) : null}
      <p className="card__meta">
        {ncrc.advice ?? `A ${ncrc.recommended} NCRC or higher is recommended before MT1 testing; yours meets it.`}{" "}
        {ncrc.meetsRecommendation ? null : <Link to="/account">Record your NCRC</Link>}
      </p>
    </Step>
  );
}

function ModuleStep({ module, next }: { module: Pathway["modules"][number]; next: Pathway["nextSessions"][number] | undefined }) {
  const title = `${module.name} (${module.code})`;
  if (module.status === "passed") {
    return (
      <Step tone="done" title={title} status="Passed">
        <p className="card__meta">
          Passed {module.passedOn ? day(module.passedOn) : null}
          {module.percent !== undefined ? ` with ${formatPercent(module.percent)}` : null}.{" "}
          {module.certificateNumber ? <>Certificate {module.certificateNumber}.</> : null}
        </p>
      </Step>
    );
  }
  const tone: Tone = module.status === "not_started" ? "todo" : "active";
  const status = module.status === "registered" ? "Registered" : module.status === "attempted" ? "Not passed yet" : "Not started";
  return (
    <Step tone={tone} title={title} status={status}>
      {module.registration ? (
        <p className="card__meta">
          Session {formatZonedShort(module.registration.startsAt, module.registration.timeZone)} ({statusLabel(module.registration.status).toLowerCase()}).
        </p>
      ) : null}
      {module.status === "attempted" && module.percent !== undefined ? (
        <p className="card__meta">
          Best score so far {formatPercent(module.percent)}. <Link to="/results">See the skills to work on</Link>.
        </p>
      ) : null}
      {next ? (
        <p className="pathway__next">
          Next session you can register for: {formatZonedShort(next.startsAt, next.timeZone)} at {next.centerName}, {next.city} {next.state}
          {next.waitlist ? " (full: its waitlist is open)" : ` (${next.seatsAvailable} ${next.seatsAvailable === 1 ? "seat" : "seats"} left)`}.{" "}
          <Link to="/sessions">
            Register<span className="visually-hidden"> for {module.name}</span>
          </Link>
        </p>
      ) : module.status !== "registered" ? (
        <p className="card__meta">No open session offers this module yet.</p>
      ) : null}
    </Step>
  );
}

function CredentialStep({ credential }: { credential: Pathway["credentials"][number] }) {
  const title = `${credential.name} (${credential.code})`;
  if (credential.earned) {
    return (
      <Step tone="done" title={title} status="Earned">
        <p className="card__meta">
          Issued {credential.issuedOn ? day(credential.issuedOn) : null}.{" "}
          {credential.certificateNumber ? (
            <a href={documentLinks.certificate(credential.certificateNumber)} download>
              Download certificate (PDF)<span className="visually-hidden">: {credential.name}</span>
            </a>
          ) : null}
        </p>
      </Step>
    );
  }
  const left = credential.remaining;
  return (
    <Step tone="todo" title={title} status={left.length === 0 ? "Not held" : `${left.length} ${left.length === 1 ? "module" : "modules"} to go`}>
      <p className="card__meta">
        {left.length > 0 ? `Still to pass: ${left.join(", ")}.` : "Its modules are passed but the certification is not active. Contact the program."}
      </p>
    </Step>
  );
}

// NCRC → the three modules → MS → MT1: what is earned, what is left, and where to sit what is left.
export function PathwayView() {
  const query = usePathway();
  return (
    <QueryStatus query={query} loadingLabel="Loading your path…">
      {(pathway) => {
        const stacked = pathway.credentials.filter((c) => c.earned).map((c) => c.code);
        return (
          <>
            <p className="card__meta">
              {stacked.length > 0 ? `You hold ${stacked.join(" and ")}. ` : null}The MS and MT1 stack on the NCRC.
            </p>
            <ol className="pathway">
              <NcrcStep ncrc={pathway.ncrc} />
              {pathway.modules.map((m) => (
                <ModuleStep key={m.code} module={m} next={pathway.nextSessions.find((s) => s.module === m.code)} />
              ))}
              {pathway.credentials.map((c) => (
                <CredentialStep key={c.code} credential={c} />
              ))}
            </ol>
            <PathwayStanding granted={pathway.advancedStanding} />
          </>
        );
      }}
    </QueryStatus>
  );
}
