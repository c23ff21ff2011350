// The skills a credential covers, each with its code and what it means: one list for the achievement's
// page and each certificate's public page, so both say the same.
export function SkillsCovered({ skills }: { skills: readonly { code: string; name: string; description: string }[] }) {
  return (
    <section className="section" aria-labelledby="skills-heading">
      <h2 id="skills-heading">Skills it covers</h2>
      <dl className="skill-list">
        {skills.map((skill) => (
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
