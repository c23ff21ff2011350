import { useState } from "react";
import { Page } from "../../components/page";
import { LabUsage } from "../../features/learning-records/lab-usage";
import { LrsDeliveries, LrsStores } from "../../features/learning-records/lrs-stores";
import { MasteryBySkill } from "../../features/learning-records/mastery-by-skill";
import { lastThirtyDays, PeriodForm } from "../../features/learning-records/report-period";
import "../../styles/learning-records.css";

// Learning records for program staff: the external learning record stores statements are sent to,
// how their deliveries stand, how much the Learning Lab is used and how learners master its skills,
// the last two over one period. The sections are not named landmarks: each table is already a region
// named by its caption, and two regions with one name fail axe (landmark-unique); the headings give
// the page its outline.
export function LearningRecordsPage() {
  const [period, setPeriod] = useState(lastThirtyDays);
  return (
    <Page
      title="Learning records"
      wide
      lead="Every lesson read, practice answer and course attended is kept here as an xAPI statement. Learning record stores added below receive copies: the program's gets every statement, a center's or an employer's those of their learners."
    >
      <section className="section">
        <h2 id="stores-heading">Learning record stores</h2>
        <LrsStores />
      </section>
      <section className="section">
        <h2 id="deliveries-heading">Deliveries</h2>
        <p>Statements are sent in the background after they are recorded. A store that does not answer is tried again, less and less often, up to 8 times; then the delivery is marked failed with the store's answer.</p>
        <LrsDeliveries />
      </section>
      <section className="section">
        <h2 id="usage-heading">Learning Lab use</h2>
        <p>The period below applies to this section and to mastery by skill.</p>
        <PeriodForm period={period} onChange={setPeriod} />
        <LabUsage period={period} />
      </section>
      <section className="section">
        <h2 id="mastery-heading">Mastery by skill</h2>
        <MasteryBySkill period={period} />
      </section>
    </Page>
  );
}
