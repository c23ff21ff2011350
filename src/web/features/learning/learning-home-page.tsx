// /learning: the Learning Lab's home, open to everyone. Visitors see the catalogue and are asked to
// sign in to start; signed-in readers see their finished lessons and the ways to their study plan
// and progress. Each module's heading is an anchor (/learning#module-MM) that the results page's
// training links point at.
import { Link } from "react-router";
import type { LearningCatalogueView } from "../../../common/schemas/learning";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import { useMe } from "../auth/auth-queries";
import { practiceUrl, skillUrl, useLearningCatalogue } from "./learning-api";
import { LessonList, skillProgress } from "./lesson-list";
import { useHashTarget } from "./use-hash-target";
import "../../styles/learning.css";

export const moduleAnchor = (code: string) => `module-${code}`;

function StartPanel({ signedIn }: { signedIn: boolean }) {
  if (!signedIn) {
    return (
      <div className="callout lab-start">
        <h2 className="lab-start__title">Sign in to start</h2>
        <p>
          Anyone may look around. Sign in to read the lessons, practise each skill and keep track of what you have
          finished.
        </p>
        <p className="button-row">
          <Link to={`/login?next=${encodeURIComponent("/learning")}`} className="button">
            Sign in to start
          </Link>
          <Link to="/register">Create an account</Link>
        </p>
      </div>
    );
  }
  return (
    <nav className="callout lab-start" aria-label="Your learning">
      <p>Pick up where you left off, or let your result decide where to start.</p>
      <p className="button-row">
        <Link to="/learning/plan" className="button">
          Your study plan
        </Link>
        <Link to="/learning/progress" className="button button--secondary">
          Your progress
        </Link>
      </p>
    </nav>
  );
}

function Catalogue({ data }: { data: LearningCatalogueView }) {
  useHashTarget(true);
  return (
    <>
      {data.modules.map((module) => (
        <section key={module.code} className="section lab-module" aria-labelledby={moduleAnchor(module.code)}>
          <h2 id={moduleAnchor(module.code)} tabIndex={-1}>
            {module.name} <span className="badge">{module.code}</span>
          </h2>
          <p>{module.description}</p>
          <ul className="grid lab-skills">
            {module.skills.map((skill) => {
              const progress = skillProgress(skill.lessons);
              return (
                <li key={skill.code} className="card card--accent lab-skill">
                  <h3>
                    <Link to={skillUrl(skill.code)}>{skill.name}</Link>
                  </h3>
                  <p className="card__meta">{skill.outline}</p>
                  {progress ? <p className="lab-skill__progress">{progress}</p> : null}
                  <LessonList lessons={skill.lessons} />
                  <p className="lab-skill__practice">
                    <Link to={practiceUrl(skill.code)}>
                      Practise {skill.name}
                    </Link>
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}

export function LearningHomePage() {
  const me = useMe();
  const catalogue = useLearningCatalogue();
  return (
    <Page
      title="Learning Lab"
      heading="MT1 Learning Lab"
      lead="Skills training aligned to the MT1 Skills Standards, for each of the twelve skills: short lessons with worked examples and figures, practice with immediate feedback, and practice tests. If a module's result was below the pass mark, start with the skills it named."
      wide
    >
      {me.isPending ? null : <StartPanel signedIn={!!me.data} />}
      <QueryStatus query={catalogue} loadingLabel="Loading the lessons…">
        {(data) => <Catalogue data={data} />}
      </QueryStatus>
    </Page>
  );
}
