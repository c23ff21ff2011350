import { Link } from "react-router";
import { Page } from "../components/page";

const JOB_TITLES = [
  "Operator",
  "Production Operator",
  "Production Technician",
  "Technician",
  "Chemical Equipment Operator",
  "Chemical Operator",
  "Fixer",
  "CNC Technician",
  "Manufacturing Technician",
  "Production Manufacturing Specialist",
];

export function AboutPage() {
  return (
    <Page
      title="About MT1"
      lead="The Manufacturing Technician Level 1 certification documents mastery of the critical competencies needed for modern manufacturing production and production-related jobs."
    >
      <h2>Who runs the program</h2>
      <p>
        The Manufacturing Skills Institute (MSI) defined the Manufacturing Technician occupation in 2006 and set the
        national skills standards for the Manufacturing Specialist (MS) and Manufacturing Technician Level 1 (MT1)
        certifications in 2009.
      </p>

      <h2>What is a Manufacturing Technician?</h2>
      <p>
        A Manufacturing Technician operates precision machinery, systems and processes. The job usually calls for CAD
        skills, programming computer-controlled machines, precision measurement, troubleshooting processes and machines,
        problem-solving, machine maintenance, and confident use of diagnostic and statistical tools.
      </p>
      <p>
        A technician knows enough about a multi-step process to find and fix problems that go beyond the scope of a
        typical machine operator.
      </p>

      <h3>Sample MT1 job titles</h3>
      <ul className="tag-list">
        {JOB_TITLES.map((title) => (
          <li key={title} className="badge">
            {title}
          </li>
        ))}
      </ul>
      <p>
        The U.S. Bureau of Labor Statistics lists the full range of production occupations in modern manufacturing that
        call for these industry-wide technical skills.
      </p>

      <h2>What the certification covers</h2>
      <p>
        MT1 addresses the core, industry-wide skills standards for skilled production occupations in every sector of
        manufacturing. The assessment measures 12 critical technical skills in three certificate modules: Math and
        Measurement; Spatial Reasoning and Manufacturing Technology; and Quality and Business Acumen.{" "}
        <Link to="/modules">See the modules and skills</Link>.
      </p>

      <h2>Goals of the program</h2>
      <ul>
        <li>Build a workforce pipeline that meets the needs of current and emerging employers in advanced technology industries such as manufacturing.</li>
        <li>Offer a customised fast track to stackable credentials for 21st-century advanced technology careers.</li>
        <li>Provide online and instructor-led training that closes identified technical skill gaps.</li>
        <li>Open a pathway to advanced and specialised training based on industry requirements, for new hires and incumbent workers alike.</li>
      </ul>

      <h2>Endorsed by the National Association of Manufacturers</h2>
      <p>
        Both the MS and MT1 certifications are endorsed by the National Association of Manufacturers (NAM) and are part
        of its National Skills Certification System, which aligns education, certification and career pathways.
      </p>

      <h2>The national certificant registry</h2>
      <p>
        MSI keeps a national registry of all certificate holders, so an employer or college can confirm that a
        certificate is genuine. <Link to="/employers">How employers verify certificates</Link>.
      </p>
    </Page>
  );
}
