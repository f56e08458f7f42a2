import type { HeadContribution } from "../../analysis/chartTypes.ts";
import { formatNumber } from "../../format/numbers.ts";

/** Blue for positive, red for negative, white for zero. */
function color(value: number, limit: number): string {
  const strength = Math.min(1, Math.abs(value) / limit);
  const fade = Math.round(255 * (1 - strength));
  return value >= 0 ? `rgb(${fade}, ${fade}, 255)` : `rgb(255, ${fade}, ${fade})`;
}

/**
 * Layer × head grid of each head's direct contribution to the target's
 * logit; the layer picked in the chart is outlined.
 */
export function HeadHeatmap({
  heads,
  pickedLayer,
}: {
  heads: HeadContribution[];
  pickedLayer: number | null;
}) {
  const layers = Math.max(...heads.map((h) => h.layer)) + 1;
  const headCount = Math.max(...heads.map((h) => h.head)) + 1;
  const limit = Math.max(1e-9, ...heads.map((h) => Math.abs(h.value)));
  const cell = 14;
  const left = 32;
  return (
    <figure className="figure">
      <svg
        viewBox={`0 0 ${left + headCount * cell + 4} ${layers * cell + 20}`}
        role="img"
        aria-label="Contribution of every attention head, by layer"
      >
        {heads.map((head) => (
          <rect
            key={`${head.layer}.${head.head}`}
            x={left + head.head * cell}
            y={head.layer * cell}
            width={cell - 1}
            height={cell - 1}
            fill={color(head.value, limit)}
            stroke={head.layer === pickedLayer ? "#111827" : "none"}
          >
            <title>{`L${head.layer}.H${head.head}: ${formatNumber(head.value, 4)}`}</title>
          </rect>
        ))}
        {Array.from({ length: layers }, (_, layer) =>
          layer % 5 === 0 ? (
            <text
              key={layer}
              x={left - 4}
              y={layer * cell + 11}
              fontSize="10"
              textAnchor="end"
            >
              {layer}
            </text>
          ) : null,
        )}
        <text x={left} y={layers * cell + 14} fontSize="10">
          head →
        </text>
      </svg>
      <figcaption>
        Direct contribution of each attention head (row: layer, column: head); blue raises
        the logit, red lowers it. Largest magnitude {formatNumber(limit, 3)}.
      </figcaption>
    </figure>
  );
}
