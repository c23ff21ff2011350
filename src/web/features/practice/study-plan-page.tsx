// A study plan: the skills below standard, in the order the result listed them, each with its lessons,
// its practice and its mastery; once every one is mastered, the invitation to book the retake from the
// earliest date the program's rules allow.
import { Link, useParams } from "react-router";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import { formatDateTime } from "../../lib/format";
import type { StudyPlanView } from "../../../common/schemas/practice";
import { MasteryBadge, MasteryMeter } from "./mastery-meter";
import { practiceLinks, useStudyPlan } from "./practice-api";
import "../../styles/practice.css";

function Retake({ plan }: { plan: StudyPlanView }) {
  const retake = plan.retake;
  if (!retake) return null;
  return (
    <section className="notice notice--success retake" aria-labelledby="retake-heading">
      <h2 id="retake-heading">Every skill in your plan is mastered</h2>
      {retake.status === "open" ? (
        <>
          <p>
            You are ready to sit {plan.moduleName} ({plan.module}) again. The earliest session you can book starts{" "}
            <strong>{formatDateTime(retake.earliestAt)}</strong> or later.
          </p>
          <p>
            <Link to={retake.bookHref} className="button">
              Book your retake<span className="visually-hidden">: find a {plan.module} session</span>
            </Link>
          </p>
        </>
      ) : retake.status === "booked" ? (
        <p>
          You are already booked to sit {plan.moduleName}. <Link to="/dashboard">See your registrations</Link>.
        </p>
      ) : (
        <p>You have passed {plan.moduleName}: there is nothing left to retake.</p>
      )}
    </section>
  );
}

export function StudyPlanPage() {
  const { id = "" } = useParams();
  const plan = useStudyPlan(id);
  return (
    <Page title={plan.data ? `Study plan: ${plan.data.moduleName}` : "Study plan"} wide>
      <QueryStatus query={plan} loadingLabel="Loading your study plan…">
        {(p) => (
          <>
            <p className="page__lead">
              Made {formatDateTime(p.createdAt)} from {p.source.kind === "result" ? "your score report" : <Link to={practiceLinks.practiceTest(p.source.id)}>a practice test</Link>}: the
              skills below the standard, in order. Master each one (at least {p.skills[0]?.mastery.percent ?? 80}% of your last {p.skills[0]?.mastery.window ?? 10}{" "}
              practice answers right), and the plan invites you to book the retake.
            </p>
            <p>
              <strong>
                {p.masteredCount} of {p.skillCount} skills mastered
              </strong>
              {p.completedAt ? `, plan completed ${formatDateTime(p.completedAt)}` : ""}.
            </p>
            <Retake plan={p} />
            <ol className="plan-skills">
              {p.skills.map((s) => (
                <li key={s.skill} className="card plan-skill">
                  <section aria-labelledby={`skill-${s.skill}`}>
                    <div className="record__head">
                      <h2 id={`skill-${s.skill}`}>{s.name}</h2>
                      <MasteryBadge mastery={s.mastery} />
                    </div>
                    <MasteryMeter mastery={s.mastery} badge={false} />
                    {s.lessons.length > 0 ? (
                      <>
                        <h3>Lessons</h3>
                        <ul>
                          {s.lessons.map((l) => (
                            <li key={l.id}>
                              <Link to={l.href}>{l.title}</Link> <span className="card__meta">({l.minutes} min) {l.summary}</span>
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : (
                      <p>
                        The lessons of this skill are on its <Link to={s.skillHref}>skill page</Link>.
                      </p>
                    )}
                    <p className="button-row">
                      <Link to={s.practiceHref} className="button button--small">
                        Practise {s.name}
                      </Link>
                      <Link to={s.skillHref}>About {s.name}</Link>
                    </p>
                  </section>
                </li>
              ))}
            </ol>
            <p className="button-row">
              <Link to={practiceLinks.practiceTests(p.module)}>Take a practice test of {p.moduleName}</Link>
              <Link to={practiceLinks.progress}>Your progress</Link>
            </p>
          </>
        )}
      </QueryStatus>
    </Page>
  );
}
