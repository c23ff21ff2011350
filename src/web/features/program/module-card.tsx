import type { ProgramModuleView as ProgramModule } from "../../../common/schemas/program";

// One module as the public modules page shows it: its facts, then each skill with what it covers.
export function ModuleCard({ module }: { module: ProgramModule }) {
  const headingId = `module-${module.code}`;
  return (
    <section className="card card--accent" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {module.name} <span className="badge">{module.code}</span>
      </h2>
      <p>{module.description}</p>
      <dl className="facts">
        <div>
          <dt>Time limit</dt>
          <dd>{module.timeLimitMinutes} minutes</dd>
        </div>
        <div>
          <dt>Questions</dt>
          <dd>{module.itemCount}</dd>
        </div>
        <div>
          <dt>Pass mark</dt>
          <dd>{module.passPercent}% or higher</dd>
        </div>
        <div>
          <dt>Skills</dt>
          <dd>{module.skills.length}</dd>
        </div>
      </dl>
      <h3>Skills measured</h3>
      <dl className="skill-list">
        {module.skills.map((skill) => (
          <div key={skill.code}>
            <dt>
              {skill.name} <span className="badge badge--muted">{skill.code}</span>
            </dt>
            <dd>{skill.description}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
