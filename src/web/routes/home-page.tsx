import { Link } from "react-router";
import { Page, SITE_NAME } from "../components/page";
import { PassMark } from "../features/program/pass-mark";

const MODULES = [
  { code: "MM", name: "Math and Measurement", text: "Precision measurement, shop-floor algebra and the math behind quality." },
  { code: "SRMT", name: "Spatial Reasoning and Manufacturing Technology", text: "Reading drawings in 2D and 3D, mechanics, fluid power, electricity, chemistry and manufacturing processes." },
  { code: "QBA", name: "Quality and Business Acumen", text: "Statistical process control, quality and lean manufacturing, and financial literacy for the shop floor." },
];

export function HomePage() {
  return (
    <Page
      title={SITE_NAME}
      heading="Prove the core skills of modern manufacturing"
      lead="The Manufacturing Technician Level 1 (MT1) certification documents that you have mastered 12 critical technical skills used in skilled production jobs across every sector of manufacturing."
      hero={{
        eyebrow: "Manufacturing Technician Level 1",
        actions: (
          <>
            <Link to="/register" className="button button--accent">
              Create an account
            </Link>
            <Link to="/centers" className="button button--secondary">
              Find an assessment center
            </Link>
            <Link to="/employers">Information for employers</Link>
          </>
        ),
      }}
    >
      <section aria-labelledby="modules-heading">
        <h2 id="modules-heading">Three certificate modules</h2>
        <p>
          The complete MT1 assessment is made of three modules. You may take one, two or all three, and each module you
          pass with a score of <PassMark /> or higher earns its own certificate.
        </p>
        <ul className="grid">
          {MODULES.map((module) => (
            <li key={module.code} className="card card--accent">
              <h3>
                {module.name} <span className="badge">{module.code}</span>
              </h3>
              <p>{module.text}</p>
            </li>
          ))}
        </ul>
        <p>
          <Link to="/modules">See every module and the 12 skills it measures</Link>
        </p>
      </section>

      <section aria-labelledby="credentials-heading" className="section">
        <h2 id="credentials-heading">Two certifications that build on each other</h2>
        <ul className="grid">
          <li className="card">
            <h3>Manufacturing Specialist (MS)</h3>
            <p>
              Awarded when you pass both <strong>Math and Measurement</strong> and{" "}
              <strong>Spatial Reasoning and Manufacturing Technology</strong>.
            </p>
          </li>
          <li className="card">
            <h3>Manufacturing Technician Level 1 (MT1)</h3>
            <p>
              Awarded when you pass <strong>all three</strong> modules. You can pass them on different dates, and MT1
              holders keep their MS.
            </p>
          </li>
        </ul>
        <p>
          Both certifications are endorsed by the National Association of Manufacturers and stack on the National Career
          Readiness Certificate (NCRC). Every holder is listed in the national certificant registry.
        </p>
      </section>

      <section aria-labelledby="next-heading" className="section">
        <h2 id="next-heading">Where to go next</h2>
        <ul className="grid">
          <li className="card">
            <h3>Candidates</h3>
            <p>Check the eligibility advice, then create an account and choose a session.</p>
            <p>
              <Link to="/eligibility">Eligibility</Link> · <Link to="/apply">How to apply</Link>
            </p>
          </li>
          <li className="card">
            <h3>Testing locations</h3>
            <p>Test at an MSI Certified Assessment Center, or onsite at a company with a certified proctor.</p>
            <p>
              <Link to="/centers">Centers and upcoming sessions</Link>
            </p>
          </li>
          <li className="card">
            <h3>Learning Lab</h3>
            <p>Lessons and practice for each of the 12 skills, aligned to the MT1 Skills Standards, open to every account.</p>
            <p>
              <Link to="/learning">Learn and practise the skills</Link>
            </p>
          </li>
          <li className="card">
            <h3>Employers</h3>
            <p>Verify certificates, sponsor candidates and ask for testing at your site.</p>
            <p>
              <Link to="/employers">For employers</Link>
            </p>
          </li>
        </ul>
      </section>
    </Page>
  );
}
