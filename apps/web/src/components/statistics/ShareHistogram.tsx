import type { ShareDistribution } from "@attrib/store";

import { niceTicks } from "../../charts/scale.ts";
import { formatShare } from "../../format/numbers.ts";

const VIEW = { width: 640, height: 260, left: 48, right: 30, top: 14, bottom: 44 };

/** Extra bars at both ends count the shares outside the binned range. */
interface Bar {
  label: string;
  count: number;
  lower: number;
  upper: number;
}

function barsOf(distribution: ShareDistribution): Bar[] {
  const first = distribution.bins[0];
  const last = distribution.bins.at(-1);
  const width = first ? first.upper - first.lower : 0.1;
  const bins = distribution.bins.map((bin) => ({
    label: `${formatShare(bin.lower, 0)} to ${formatShare(bin.upper, 0)}`,
    ...bin,
  }));
  if (!first || !last) return bins;
  return [
    {
      label: `below ${formatShare(first.lower, 0)}`,
      count: distribution.below,
      lower: first.lower - width,
      upper: first.lower,
    },
    ...bins,
    {
      label: `${formatShare(last.upper, 0)} or more`,
      count: distribution.above,
      lower: last.upper,
      upper: last.upper + width,
    },
  ];
}

/**
 * A histogram of a share over analyses, with the median (solid) and the
 * quartiles (dashed) marked; a title on each bar gives its count.
 */
export function ShareHistogram({
  distribution,
  label,
  outerBins = true,
}: {
  distribution: ShareDistribution;
  label: string;
  /** Whether to draw the below/above bars (signed shares can leave the range). */
  outerBins?: boolean;
}) {
  const bars = outerBins ? barsOf(distribution) : barsOf(distribution).slice(1, -1);
  const lowest = bars[0]?.lower ?? 0;
  const highest = bars.at(-1)?.upper ?? 1;
  const plotWidth = VIEW.width - VIEW.left - VIEW.right;
  const plotHeight = VIEW.height - VIEW.top - VIEW.bottom;
  const x = (share: number) =>
    VIEW.left + ((share - lowest) / (highest - lowest)) * plotWidth;
  const maxCount = Math.max(1, ...bars.map((bar) => bar.count));
  const countTicks = niceTicks(0, maxCount, 4).filter((t) => Number.isInteger(t));
  const y = (count: number) => VIEW.top + plotHeight * (1 - count / maxCount);
  const shareTicks = niceTicks(Math.max(lowest, -0.5), Math.min(highest, 1.5), 5);

  const marker = (share: number | null, dashed: boolean, name: string) =>
    share === null || share < lowest || share > highest ? null : (
      <line
        x1={x(share)}
        x2={x(share)}
        y1={VIEW.top}
        y2={VIEW.top + plotHeight}
        stroke="#111827"
        strokeWidth={dashed ? 1.5 : 2.5}
        strokeDasharray={dashed ? "5 4" : undefined}
      >
        <title>{`${name}: ${formatShare(share, 1)}`}</title>
      </line>
    );

  return (
    <svg viewBox={`0 0 ${VIEW.width} ${VIEW.height}`} role="img" aria-label={label}>
      {countTicks.map((tick) => (
        <g key={tick}>
          <line
            x1={VIEW.left}
            x2={VIEW.width - VIEW.right}
            y1={y(tick)}
            y2={y(tick)}
            stroke="#e5e7eb"
          />
          <text
            x={VIEW.left - 6}
            y={y(tick) + 4}
            fontSize="15"
            textAnchor="end"
            fill="#4b5563"
          >
            {tick}
          </text>
        </g>
      ))}
      {bars.map((bar) => (
        <rect
          key={bar.label}
          x={x(bar.lower) + 1}
          width={Math.max(0, x(bar.upper) - x(bar.lower) - 2)}
          y={y(bar.count)}
          height={VIEW.top + plotHeight - y(bar.count)}
          fill={bar.lower < -0.5 || bar.upper > 1.5 ? "#9ca3af" : "#ea580c"}
        >
          <title>{`${bar.label}: ${bar.count} ${bar.count === 1 ? "analysis" : "analyses"}`}</title>
        </rect>
      ))}
      {marker(distribution.q1, true, "first quartile")}
      {marker(distribution.median, false, "median")}
      {marker(distribution.q3, true, "third quartile")}
      {shareTicks.map((tick) => (
        <text
          key={tick}
          x={x(tick)}
          y={VIEW.height - VIEW.bottom + 19}
          fontSize="15"
          textAnchor="middle"
          fill="#4b5563"
        >
          {formatShare(tick, 0)}
        </text>
      ))}
      <text
        x={VIEW.left + plotWidth / 2}
        y={VIEW.height - 4}
        fontSize="15"
        textAnchor="middle"
        fill="#4b5563"
      >
        {label}
      </text>
    </svg>
  );
}
