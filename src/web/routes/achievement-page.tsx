import { Link, useParams } from "react-router";
import { achievementOf } from "../../common/program/achievement";
import type { ProgramView as Program } from "../../common/schemas/program";
import { Page } from "../components/page";
import { QueryStatus } from "../components/query-status";
import { useProgram } from "../features/program/program-queries";
import { SkillsCovered } from "../features/program/skills-covered";

// /achievements/<code>: the address every Open Badges credential names as its achievement's id. It
// says what the credential is and what earns it, in the words the signed credential carries (the same
// function builds both from the program definition), and where to check one certificate. A verifier
// asking for JSON at this address gets the OB 3.0 Achievement instead (the server negotiates).
export function AchievementPage() {
  const { code = "" } = useParams();
  const program = useProgram();
  return (
    <QueryStatus query={program} loadingLabel="Loading the credential…">
      {(data) => <AchievementDetails program={data} code={code} />}
    </QueryStatus>
  );
}

function AchievementDetails({ program, code }: { program: Program; code: string }) {
  const achievement = achievementOf(program, code);
  if (!achievement) {
    return (
      <Page title="Credential not found">
        <p>
          The {program.name} program awards no credential with the code <code>{code}</code>. The address may be mistyped.
        </p>
        <p>
          <Link to="/modules">The modules and certifications</Link> · <Link to="/registry">Verify a certificate</Link>
        </p>
      </Page>
    );
  }
  const certification = achievement.achievementType === "Certification";
  return (
    <Page title={achievement.name} lead={achievement.description}>
      <dl className="details-list">
        <dt>Credential</dt>
        <dd>
          {certification ? "Certification" : "Module certificate"} of the {program.name} ({program.code}) program
        </dd>
        <dt>Code</dt>
        <dd>
          <code>{achievement.code}</code>
        </dd>
        <dt>Issued by</dt>
        <dd>{program.owner}</dd>
      </dl>

      <section className="section" aria-labelledby="criteria-heading">
        <h2 id="criteria-heading">How it is earned</h2>
        <p>{achievement.narrative}</p>
        <ul>
          {achievement.requirements.map((r) => (
            <li key={r.code}>
              Pass <Link to={`/modules#module-${r.code}`}>{r.name} ({r.code})</Link> with {r.passPercent}% or higher
            </li>
          ))}
        </ul>
      </section>

      <SkillsCovered skills={achievement.skills} />

      <section className="section" aria-labelledby="verify-heading">
        <h2 id="verify-heading">Check a certificate</h2>
        <p>
          Every {achievement.name} {certification ? "certification" : "certificate"} has a certificate number. The national
          certificant registry tells whether it is genuine and still valid.
        </p>
        <p>
          <Link to="/registry" className="button">
            Verify a certificate in the registry
          </Link>
        </p>
        <p>
          For software: <a href={`/api/v1/achievements/${encodeURIComponent(achievement.code)}`}>this achievement as Open Badges 3.0 JSON</a>.
        </p>
      </section>
    </Page>
  );
}
