import { Link } from "react-router";
import { Page } from "../components/page";
import { QueryStatus } from "../components/query-status";
import { ModuleCard } from "../features/program/module-card";
import { useProgram } from "../features/program/program-queries";
import { PassMark } from "../features/program/pass-mark";

export function ModulesPage() {
  const program = useProgram();
  return (
    <Page
      title="Modules and skills"
      heading="Modules and skills"
      lead={<>The MT1 assessment measures 12 critical technical skills in three certificate modules. Pass a module with <PassMark /> or higher to earn its certificate.</>}
    >
      <QueryStatus query={program} loadingLabel="Loading the modules…">
        {(data) => {
          const moduleName = (code: string) => data.modules.find((m) => m.code === code)?.name ?? code;
          return (
            <>
              <div className="stack">
                {data.modules.map((module) => (
                  <ModuleCard key={module.code} module={module} />
                ))}
              </div>

              <section className="section" aria-labelledby="certifications-heading">
                <h2 id="certifications-heading">Certifications</h2>
                <p>Module certificates combine into two certifications. The modules may be passed on different dates.</p>
                <ul className="grid">
                  {data.credentials.map((credential) => (
                    <li key={credential.code} className="card">
                      <h3>
                        {credential.name} <span className="badge">{credential.code}</span>
                      </h3>
                      <p>{credential.description}</p>
                      <p>
                        <strong>Requires:</strong> {credential.requiresModules.map(moduleName).join(" + ")}
                      </p>
                    </li>
                  ))}
                </ul>
              </section>

              <section className="section" aria-labelledby="below-heading">
                <h2 id="below-heading">If you score below <PassMark /></h2>
                <p>
                  Skills training aligned with the MT1 skills standards is available, online and with instructor-led
                  courses. Your result names the skills that were below standard, and you may take the module again.
                </p>
                <p>
                  <Link to="/learning">The MT1 Learning Lab</Link> · <Link to="/apply">How to apply</Link>
                </p>
              </section>
            </>
          );
        }}
      </QueryStatus>
    </Page>
  );
}
