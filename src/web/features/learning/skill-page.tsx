// /learning/skills/:skill: one skill's outline (the MT1 Skills Standards' words), its lessons in
// order with the reader's ticks, and the way to practise it.
import { Link, useParams } from "react-router";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import { useMe } from "../auth/auth-queries";
import { lessonUrl, practiceUrl, useLearningCatalogue } from "./learning-api";
import { moduleAnchor } from "./learning-home-page";
import { LessonList, skillProgress } from "./lesson-list";
import "../../styles/learning.css";

export function SkillPage() {
  const { skill: code = "" } = useParams();
  const catalogue = useLearningCatalogue();
  const me = useMe();
  const found = catalogue.data?.modules.flatMap((m) => m.skills.map((s) => ({ module: m, skill: s }))).find((x) => x.skill.code === code);

  if (catalogue.isSuccess && !found) {
    return (
      <Page title="Skill not found" heading="We could not find that skill">
        <p>The Learning Lab teaches the twelve skills of the MT1 Skills Standards; “{code}” is not one of them.</p>
        <p>
          <Link to="/learning">See every skill in the Learning Lab</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={found ? `${found.skill.name} · Learning Lab` : "Learning Lab"} heading={found?.skill.name ?? "Loading the skill…"} lead={found?.skill.outline}>
      <QueryStatus query={catalogue} loadingLabel="Loading the skill…">
        {() => {
          if (!found) return null;
          const { module, skill } = found;
          const progress = skillProgress(skill.lessons);
          // Where to go on: the first lesson not finished yet (a visitor: the first lesson).
          const next = skill.lessons.find((l) => !l.completed);
          const started = skill.lessons.some((l) => l.completed);
          const go = next ?? skill.lessons[0];
          const goLabel = !started ? "Start the first lesson" : next ? "Read the next lesson" : "Read the first lesson again";
          return (
            <>
              <nav aria-label="Breadcrumb" className="lab-breadcrumb">
                <ol>
                  <li>
                    <Link to="/learning">Learning Lab</Link>
                  </li>
                  <li>
                    <Link to={`/learning#${moduleAnchor(module.code)}`}>{module.name}</Link>
                  </li>
                  <li>
                    <span aria-current="page">{skill.name}</span>
                  </li>
                </ol>
              </nav>
              <section className="section lab-skill-lessons" aria-labelledby="lessons-heading">
                <h2 id="lessons-heading">Lessons</h2>
                {progress ? <p className="lab-skill__progress">{progress}.</p> : null}
                <LessonList lessons={skill.lessons} detailed />
                <p className="button-row">
                  {go ? (
                    <Link to={lessonUrl(go.id)} className="button">
                      {goLabel}
                    </Link>
                  ) : null}
                  <Link to={practiceUrl(skill.code)} className="button button--secondary">
                    Practise this skill
                  </Link>
                </p>
                {me.data ? null : (
                  <p>
                    <Link to={`/login?next=${encodeURIComponent(`/learning/skills/${skill.code}`)}`}>Sign in</Link> to read
                    the lessons and keep track of what you have finished.
                  </p>
                )}
              </section>
            </>
          );
        }}
      </QueryStatus>
    </Page>
  );
}
