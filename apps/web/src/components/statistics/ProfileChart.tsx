import type { ComponentKind } from "../../analysis/chartTypes.ts";
import { kindColors, kindNames } from "../../charts/palette.ts";
import { linearScale } from "../../charts/scale.ts";
import { tickStep, YGrid } from "../chart/YGrid.tsx";
import { formatNumber } from "../../format/numbers.ts";

const VIEW = { width: 640, height: 260, left: 52, right: 14, top: 14, bottom: 44 };

export interface ProfilePoint {
  /** Position along the x axis: a layer, or a depth slice; −1 for the embedding. */
  x: number;
  /** How a reader names it, e.g. `L29.mlp`. */
  name: string;
  mean: number;
  q1: number;
  q3: number;
  count: number;
}

export interface ProfileSeries {
  kind: ComponentKind;
  points: ProfilePoint[];
}

function path(points: { x: number; y: number }[]): string {
  return points
    .map((p, i) => `${i === 0 ? "M" : "L"}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
    .join("");
}

/**
 * Mean contribution per layer (line and dots) with the interquartile range
 * as a band, one colour per kind of component. A title on each dot gives
 * the exact numbers and how many analyses they rest on.
 */
export function ProfileChart({
  series,
  xTicks,
  label,
}: {
  series: ProfileSeries[];
  xTicks: { x: number; label: string }[];
  label: string;
}) {
  const all = series.flatMap((s) => s.points);
  const xs = all.map((p) => p.x);
  const low = Math.min(...xs, 0);
  const high = Math.max(...xs, 1);
  const plotWidth = VIEW.width - VIEW.left - VIEW.right;
  const x = (value: number) =>
    VIEW.left + ((value - low + 0.5) / (high - low + 1)) * plotWidth;
  const y = linearScale(
    all.flatMap((p) => [p.q1, p.q3, p.mean]),
    VIEW.height - VIEW.bottom,
    VIEW.top,
  );
  const step = tickStep(y);
  const decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;

  return (
    <svg viewBox={`0 0 ${VIEW.width} ${VIEW.height}`} role="img" aria-label={label}>
      <YGrid
        y={y}
        left={VIEW.left}
        right={VIEW.width - VIEW.right}
        label={(tick) => formatNumber(tick, decimals)}
      />
      {series.map(({ kind, points }) => {
        const sorted = [...points].sort((a, b) => a.x - b.x);
        const band = [
          ...sorted.map((p) => ({ x: x(p.x), y: y(p.q3) })),
          ...[...sorted].reverse().map((p) => ({ x: x(p.x), y: y(p.q1) })),
        ];
        return (
          <g key={kind}>
            {sorted.length > 1 && (
              <path d={`${path(band)}Z`} fill={kindColors[kind]} fillOpacity={0.15} />
            )}
            {sorted.length > 1 && (
              <path
                d={path(sorted.map((p) => ({ x: x(p.x), y: y(p.mean) })))}
                fill="none"
                stroke={kindColors[kind]}
                strokeWidth={2}
              />
            )}
            {sorted.map((p) => (
              <g key={p.name}>
                {sorted.length === 1 && (
                  <line
                    x1={x(p.x)}
                    x2={x(p.x)}
                    y1={y(p.q1)}
                    y2={y(p.q3)}
                    stroke={kindColors[kind]}
                    strokeWidth={6}
                    strokeOpacity={0.3}
                  />
                )}
                <circle cx={x(p.x)} cy={y(p.mean)} r={3.5} fill={kindColors[kind]}>
                  <title>
                    {`${p.name} (${kindNames[kind]}): mean ${formatNumber(p.mean, 3)}, ` +
                      `middle half ${formatNumber(p.q1, 3)} to ${formatNumber(p.q3, 3)}, ` +
                      `n = ${p.count}`}
                  </title>
                </circle>
              </g>
            ))}
          </g>
        );
      })}
      {xTicks.map((tick) => (
        <text
          key={tick.label}
          x={tick.x < 0 ? x(tick.x) + 4 : x(tick.x)}
          y={VIEW.height - VIEW.bottom + 19}
          fontSize="15"
          textAnchor={tick.x < 0 ? "end" : "middle"}
          fill="#4b5563"
        >
          {tick.label}
        </text>
      ))}
    </svg>
  );
}

/** Which colour is which kind, and what the band means. */
export function ProfileLegend() {
  return (
    <p className="legend">
      {(["attn", "mlp", "embed"] as const).map((kind) => (
        <span key={kind}>
          <span className="swatch" style={{ background: kindColors[kind] }} />
          {kindNames[kind]}
        </span>
      ))}
      <span>line: mean · band: middle half of analyses</span>
    </p>
  );
}
