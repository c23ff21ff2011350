// A figure drawn as bars for the eye. The table under it is the figure: the drawing is aria-hidden,
// its caption says in words what it shows, every bar carries its number as a label, and a second
// series is hatched as well as named in the legend, so nothing is told by colour alone. Colours are
// the site's navy on white (contrast above 10:1). Loaded only with the analytics page (lazy route).
import { useId } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, XAxis, YAxis } from "recharts";

const NAVY = "#1b3a5c";
const TEXT = "#1a2330";
const GRID = "#c9d2dd";

export interface ChartSeries {
  key: string;
  name: string;
}

interface Props {
  rows: readonly Record<string, string | number | null>[];
  /** The row's name along the axis. */
  category: string;
  series: readonly ChartSeries[];
  /** Percent figures run from 0 to 100 and are labelled "72%". */
  percent?: boolean;
  caption: string;
}

export function FigureChart({ rows, category, series, percent, caption }: Props) {
  const hatch = `hatch-${useId().replace(/:/g, "")}`;
  const label = (value: unknown) => (value === null || value === undefined ? "—" : percent ? `${String(value)}%` : String(value));
  return (
    <figure className="analytics-chart">
      <div className="analytics-chart__plot" aria-hidden="true">
        <ResponsiveContainer width="100%" height={260}>
          {/* No accessibility layer: it makes the hidden drawing focusable; the table is what is read. */}
          <BarChart accessibilityLayer={false} data={rows as Record<string, string | number | null>[]} margin={{ top: 24, right: 8, bottom: 8, left: 0 }}>
            <defs>
              <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#ffffff" />
                <line x1="0" y1="0" x2="0" y2="6" stroke={NAVY} strokeWidth="3" />
              </pattern>
            </defs>
            <CartesianGrid stroke={GRID} vertical={false} />
            <XAxis dataKey={category} tick={{ fill: TEXT, fontSize: 12 }} stroke={TEXT} interval={0} />
            <YAxis domain={percent ? [0, 100] : [0, "auto"]} tick={{ fill: TEXT, fontSize: 12 }} stroke={TEXT} allowDecimals={false} width={40} />
            {series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} fill={i === 0 ? NAVY : `url(#${hatch})`} stroke={NAVY} maxBarSize={72} isAnimationActive={false}>
                <LabelList dataKey={s.key} position="top" fill={TEXT} fontSize={12} formatter={label} />
              </Bar>
            ))}
            {series.length > 1 ? <Legend wrapperStyle={{ color: TEXT }} /> : null}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
