import type { SkillResult } from "../../../common/schemas/results";
import { formatPercent } from "./results-api";

interface Props {
  skills: SkillResult[];
  passPercent: number;
  /** Names the chart for assistive technology ("Skill subscores, Math and Measurement"). */
  caption: string;
}

// The skill subscores as a table whose cells also draw bars: the numbers and the standard are real
// text for screen readers and keyboard users, and the bars (hidden from assistive technology) show the
// same numbers at a glance against a marked line at the standard.
export function SkillChart({ skills, passPercent, caption }: Props) {
  return (
    <table className="skill-chart">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Skill</th>
          <th scope="col">Subscore against the {passPercent}% standard</th>
        </tr>
      </thead>
      <tbody>
        {skills.map((skill) => (
          <tr key={skill.code} className={skill.belowStandard ? "skill-chart__row skill-chart__row--below" : "skill-chart__row"}>
            <th scope="row">{skill.name}</th>
            <td>
              <div className="skill-chart__cell">
                <span className="skill-chart__value">{formatPercent(skill.percent)}</span>
                {skill.belowStandard ? (
                  <span className="skill-chart__status badge badge--warning">Below standard</span>
                ) : (
                  <span className="skill-chart__status badge badge--success">Meets standard</span>
                )}
                <span className="skill-chart__track" aria-hidden="true">
                  <span className="skill-chart__fill" style={{ width: `${Math.min(100, Math.max(0, skill.percent))}%` }} />
                  <span className="skill-chart__marker" style={{ left: `${passPercent}%` }} />
                </span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={2} className="skill-chart__legend">
            <span className="skill-chart__legend-line" aria-hidden="true" /> The dashed line marks the {passPercent}% standard; bars
            below it are shown in orange.
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
