import { type GroupStatistics, shareMethodLabels, shareMethods } from "@attrib/study";

import { linearScale } from "../../charts/scale.ts";
import { formatShare } from "../../format/numbers.ts";
import { shareWithInterval } from "../../study/studyFormat.ts";

const ROW = 26;
const HEADER = 24;
const GROUP_GAP = 18;
const VIEW = { width: 1000, left: 300, right: 24, top: 12, bottom: 40 };

/** One colour per method, the same in every model's rows. */
const methodColors = {
  rough: "#6b7280",
  raw: "#ea580c",
  centered: "#2563eb",
  difference: "#7c3aed",
} as const;

/** Where a model's block of rows starts. */
function groupTop(index: number): number {
  return VIEW.top + index * (HEADER + shareMethods.length * ROW + GROUP_GAP);
}

/**
 * The final MLP's signed share of the top-1 logit for every model and
 * method: median (dot), 95% bootstrap interval (line) and quartiles (bar).
 */
export function MethodIntervals({ groups }: { groups: GroupStatistics[] }) {
  const rows = groups.flatMap((group, g) =>
    shareMethods.map((method, m) => ({
      key: `${group.label}-${method}`,
      group,
      method,
      summary: group.finalMlp[method].signedShare,
      y: groupTop(g) + HEADER + m * ROW + ROW / 2,
    })),
  );
  const extent = rows.flatMap(({ summary }) =>
    [summary.q1, summary.q3, summary.medianInterval?.lower, summary.medianInterval?.upper]
      .filter((v): v is number => typeof v === "number")
      .map((v) => Math.max(-1, Math.min(1.5, v))),
  );
  const height = groupTop(groups.length) - GROUP_GAP + VIEW.bottom;
  const x = linearScale([...extent, 1], VIEW.left, VIEW.width - VIEW.right, 6);
  const [low, high] = x.domain;
  const clamp = (value: number) => x(Math.max(low, Math.min(high, value)));

  return (
    <svg
      viewBox={`0 0 ${VIEW.width} ${height}`}
      style={{ aspectRatio: `${VIEW.width} / ${height}` }}
      role="img"
      aria-label="Final MLP's median signed share by model and method, with 95% intervals"
    >
      {x.ticks.map((tick) => (
        <g key={tick}>
          <line
            x1={x(tick)}
            x2={x(tick)}
            y1={VIEW.top}
            y2={height - VIEW.bottom}
            stroke={tick === 0 ? "#9ca3af" : "#e5e7eb"}
          />
          <text
            x={x(tick)}
            y={height - VIEW.bottom + 18}
            fontSize="14"
            textAnchor="middle"
            fill="#4b5563"
          >
            {formatShare(tick, 0)}
          </text>
        </g>
      ))}
      <text
        x={VIEW.left + (VIEW.width - VIEW.right - VIEW.left) / 2}
        y={height - 6}
        fontSize="14"
        textAnchor="middle"
        fill="#4b5563"
      >
        final MLP&apos;s signed share of the top-1 logit
      </text>
      {groups.map((group, g) => (
        <text
          key={group.label}
          x={8}
          y={groupTop(g) + 16}
          fontSize="14"
          fontWeight="600"
          fill="#111827"
        >
          {group.label}
        </text>
      ))}
      {rows.map(({ key, method, summary, y }) => (
        <g key={key} data-method={method}>
          <title>{`${shareMethodLabels[method]}: median ${shareWithInterval(summary)}, ${summary.defined} of ${summary.count} defined`}</title>
          <text x={20} y={y + 4} fontSize="13" fill="#374151">
            {shareMethodLabels[method]}
          </text>
          {summary.q1 !== null && summary.q3 !== null && (
            <rect
              x={clamp(summary.q1)}
              width={Math.max(1, clamp(summary.q3) - clamp(summary.q1))}
              y={y - 5}
              height={10}
              fill={methodColors[method]}
              opacity={0.18}
            />
          )}
          {summary.medianInterval && (
            <line
              x1={clamp(summary.medianInterval.lower)}
              x2={clamp(summary.medianInterval.upper)}
              y1={y}
              y2={y}
              stroke={methodColors[method]}
              strokeWidth={3}
            />
          )}
          {summary.median !== null && (
            <circle cx={clamp(summary.median)} cy={y} r={5} fill={methodColors[method]} />
          )}
        </g>
      ))}
    </svg>
  );
}
