import type { Program } from "../../api/types";
import type { MyCredentialView } from "../../../common/schemas/results";
import { learnerRecordFileName } from "../../../common/rules/learner-record-name";
import { documentLinks } from "./results-api";

// The holder's Comprehensive Learner Record 2.0: one signed file with every active certificate in it,
// for a college, an employer or a digital wallet. Shown only when there is something to bundle (the
// API answers 404 to a holder of no active certificate).
export function LearnerRecordLink({ credentials, program, holder }: {
  credentials: MyCredentialView[];
  program: Program | undefined;
  holder: { firstName: string; lastName: string } | null | undefined;
}) {
  if (!credentials.some((c) => c.status === "active")) return null;
  const code = program?.code ?? "MT1";
  return (
    <section className="card learner-record" aria-labelledby="learner-record-heading">
      <h2 id="learner-record-heading">Your learner record</h2>
      <p>
        Every active certificate you hold in one file signed by the Manufacturing Skills Institute, in the 1EdTech
        Comprehensive Learner Record (CLR 2.0) format that colleges and digital wallets read. Each certificate in it
        carries its own signature and revocation status, so a reader can check every one.
      </p>
      <p className="button-row">
        <a href={documentLinks.learnerRecord} className="button button--secondary button--small" download={learnerRecordFileName(code, holder?.firstName ?? "", holder?.lastName ?? "")}>
          Download my learner record (CLR 2.0)
        </a>
      </p>
    </section>
  );
}
