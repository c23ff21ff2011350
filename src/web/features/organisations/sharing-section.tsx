// The candidate's side of consent (issue 14): the organisations that sponsor them, what each
// sponsored, and whether each sees their results and certificates. Sharing is off until the candidate
// turns it on here; turning it off takes effect at once. Shown on the account page and after a
// sponsored seat is accepted (`only` limits it there to the organisation that sponsored that seat).
import { useState } from "react";
import { StatusMessage } from "../../components/form-alert";
import { QueryStatus } from "../../components/query-status";
import { errorMessage } from "../../api/client";
import type { MySponsorView } from "../../../common/schemas/organisations";
import "../../styles/scheduling.css";
import { useGrantConsent, useMySponsors, useWithdrawConsent } from "./organisations-api";

export function SharingSection({ only, headingLevel = 2 }: { only?: (sponsor: MySponsorView) => boolean; headingLevel?: 2 | 3 }) {
  const sponsors = useMySponsors();
  const grant = useGrantConsent();
  const withdraw = useWithdrawConsent();
  const [message, setMessage] = useState<string | null>(null);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const items = (sponsors.data?.items ?? []).filter((s) => !only || only(s));
  if (sponsors.isSuccess && items.length === 0) return null;
  return (
    <section className="form form--card" aria-labelledby="sharing-heading">
      <Heading id="sharing-heading">Sharing your results with sponsors</Heading>
      <p>
        An employer that sponsors your exam or training sees your module results and certificates only if you agree. You can stop sharing at any
        time: they no longer see them from that moment.
      </p>
      <StatusMessage>{message}</StatusMessage>
      <QueryStatus query={sponsors}>
        {() => (
          <ul className="plain-list stack">
            {items.map((s) => (
              <li key={s.organisation.id}>
                <p>
                  <strong>{s.organisation.name}</strong> sponsored {s.sponsorships.map((x) => x.title).join("; ")}.{" "}
                  {s.consent ? <>You share your results with them (since {s.consent.grantedAt.slice(0, 10)}).</> : <>Your results are not shared with them.</>}
                </p>
                {s.consent ? (
                  <button type="button" className="button button--secondary" disabled={withdraw.isPending}
                    onClick={() => withdraw.mutate(s.consent!.id, { onSuccess: () => setMessage(`You no longer share your results with ${s.organisation.name}.`), onError: (e) => setMessage(errorMessage(e)) })}>
                    Stop sharing with {s.organisation.name}
                  </button>
                ) : (
                  <button type="button" className="button" disabled={grant.isPending}
                    onClick={() => grant.mutate({ organisationId: s.organisation.id, scope: "results" }, { onSuccess: () => setMessage(`${s.organisation.name} can now see your module results and certificates.`), onError: (e) => setMessage(errorMessage(e)) })}>
                    Share my results with {s.organisation.name}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryStatus>
    </section>
  );
}
