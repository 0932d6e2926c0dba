import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';

/** One year of one pillar: its target rank and its actual rank, either may be missing. */
export type ChartPoint = { year: string; target: number | null; actual: number | null };

// Colours distinguishable without colour vision too: the target is dashed, the actual rank solid.
const targetColour = '#0b4f8a';
const actualColour = '#a84a00';

/** Rank 1, the top of the scale, then round steps down to the last rank. */
export function rankTicks(outOf: number): number[] {
  const step = outOf <= 10 ? 1 : outOf <= 40 ? 5 : 10;
  const ticks = [1];
  for (let rank = step; rank < outOf; rank += step) if (rank > 1) ticks.push(rank);
  if (outOf > 1) ticks.push(outOf);
  return ticks;
}

/**
 * Target and actual ranks of one pillar per year; rank 1 is at the top. Drawn for sighted readers
 * only: the table beside it carries the same figures for everyone.
 */
export function DtiChart({
  points,
  outOf,
  label,
  targetName,
  actualName,
  rankText,
}: {
  points: ChartPoint[];
  outOf: number;
  label: string;
  targetName: string;
  actualName: string;
  rankText: (rank: number) => string;
}) {
  return (
    <div className="dash-chart-canvas" role="img" aria-label={label}>
      <LineChart
        data={points}
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#d5dbe3" />
        <XAxis dataKey="year" tick={{ fill: '#1c2430' }} padding={{ left: 16, right: 16 }} />
        <YAxis
          reversed
          allowDecimals={false}
          domain={[1, outOf]}
          ticks={rankTicks(outOf)}
          interval={0}
          width={36}
          tick={{ fill: '#1c2430' }}
        />
        <Tooltip
          formatter={(value) => (typeof value === 'number' ? rankText(value) : String(value))}
        />
        <Legend />
        <Line
          type="linear"
          dataKey="target"
          name={targetName}
          stroke={targetColour}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={{ r: 4 }}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="actual"
          name={actualName}
          stroke={actualColour}
          strokeWidth={3}
          dot={{ r: 5 }}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
