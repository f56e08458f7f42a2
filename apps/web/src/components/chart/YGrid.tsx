import type { LinearScale } from "../../charts/scale.ts";

export interface YGridProps {
  /** The y scale whose ticks get a grid line and a label each. */
  y: LinearScale;
  /** Where the plot starts and ends horizontally, in view units. */
  left: number;
  right: number;
  /** The label of one tick. */
  label: (tick: number) => string;
}

/**
 * Horizontal grid lines at the y scale's ticks, the zero line darker, with
 * each tick's label right-aligned just left of the plot.
 */
export function YGrid({ y, left, right, label }: YGridProps) {
  return (
    <>
      {y.ticks.map((tick) => (
        <g key={tick}>
          <line
            x1={left}
            x2={right}
            y1={y(tick)}
            y2={y(tick)}
            stroke={tick === 0 ? "#6b7280" : "#e5e7eb"}
          />
          <text
            x={left - 7}
            y={y(tick) + 4}
            textAnchor="end"
            fontSize="15"
            fill="#4b5563"
          >
            {label(tick)}
          </text>
        </g>
      ))}
    </>
  );
}

/** The distance between two neighbouring ticks of `y` (1 with one tick). */
export function tickStep(y: LinearScale): number {
  return Math.abs((y.ticks[1] ?? 1) - (y.ticks[0] ?? 0));
}
