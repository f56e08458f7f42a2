import type { ChartComponent } from "../../analysis/chartTypes.ts";
import type { Measure } from "../../analysis/chartView.ts";
import { kindColors } from "../../charts/palette.ts";
import { linearScale } from "../../charts/scale.ts";
import { tickStep, YGrid } from "../chart/YGrid.tsx";
import { formatNumber, formatShare } from "../../format/numbers.ts";

export const VIEW = {
  width: 1000,
  height: 380,
  left: 64,
  right: 12,
  top: 16,
  bottom: 46,
};

/** Space between layers, in bar widths. */
const LAYER_GAP = 0.4;

/** Each component's slot: components of one layer side by side, a gap between layers. */
function slotPositions(components: ChartComponent[]): {
  positions: number[];
  extent: number;
} {
  const positions: number[] = [];
  let x = 0;
  components.forEach((component, i) => {
    const previous = components[i - 1];
    const group = (c: ChartComponent) => c.layer ?? c.name;
    if (previous && group(previous) !== group(component)) x += LAYER_GAP;
    positions.push(x);
    x += 1;
  });
  return { positions, extent: Math.max(x, 1) };
}

/** The value of one bar as the readout and axis write it. */
export function formatMeasure(value: number, measure: Measure): string {
  return measure === "contribution" ? formatNumber(value, 4) : formatShare(value, 1);
}

/** Tick labels with as many decimals as the step between ticks needs. */
function axisLabel(value: number, measure: Measure, step: number): string {
  if (measure !== "contribution") return formatShare(value, step >= 0.01 ? 0 : 1);
  return formatNumber(value, step >= 1 ? 0 : step >= 0.1 ? 1 : 2);
}

/** Layers are labelled every `step`, so that labels never overlap. */
function layerLabels(components: ChartComponent[], positions: number[]) {
  const layers = new Set(components.flatMap((c) => (c.layer === null ? [] : [c.layer])));
  const step = Math.max(1, Math.ceil(layers.size / 16));
  const seen = new Set<string>();
  return components.flatMap((component, i) => {
    const key = component.layer === null ? component.name : `L${component.layer}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const wanted = component.layer === null || component.layer % step === 0;
    const label =
      component.layer === null ? component.name.slice(0, 5) : String(component.layer);
    return wanted
      ? [{ key, label, slot: positions[i] ?? 0, layer: component.layer }]
      : [];
  });
}

export interface LayerBarsProps {
  components: ChartComponent[];
  values: number[];
  measure: Measure;
  /** The component under the pointer or keyboard focus. */
  selected: number | null;
  finalMlp: number;
  onSelect: (index: number | null) => void;
  onPick: (index: number) => void;
}

/**
 * One bar per component, coloured by kind, above or below zero. Each bar
 * carries a title with its exact value, so the numbers show even before
 * the page's script has loaded.
 */
export function LayerBars(props: LayerBarsProps) {
  const { components, values, measure, selected } = props;
  const plotWidth = VIEW.width - VIEW.left - VIEW.right;
  const { positions, extent } = slotPositions(components);
  const unit = plotWidth / extent;
  const y = linearScale(values, VIEW.height - VIEW.bottom, VIEW.top);
  const x = (slot: number) => VIEW.left + slot * unit;
  const zero = y(0);
  const step = tickStep(y);

  return (
    <g>
      <YGrid
        y={y}
        left={VIEW.left}
        right={VIEW.width - VIEW.right}
        label={(tick) => axisLabel(tick, measure, step)}
      />
      {components.map((component, i) => {
        const value = values[i] ?? 0;
        const top = Math.min(y(value), zero);
        const height = Math.max(Math.abs(y(value) - zero), value === 0 ? 0 : 1);
        const slot = positions[i] ?? 0;
        return (
          <g key={component.name}>
            <rect
              x={x(slot) + unit * 0.08}
              width={unit * 0.84}
              y={top}
              height={height}
              fill={kindColors[component.kind]}
              stroke={selected === i ? "#111827" : "none"}
              strokeWidth={2}
            >
              <title>{`${component.name}: ${formatMeasure(value, measure)}`}</title>
            </rect>
            <rect
              x={x(slot)}
              width={unit}
              y={VIEW.top}
              height={VIEW.height - VIEW.top - VIEW.bottom}
              fill="transparent"
              onMouseEnter={() => props.onSelect(i)}
              onClick={() => props.onPick(i)}
              data-component={component.name}
            >
              <title>{`${component.name}: ${formatMeasure(value, measure)}`}</title>
            </rect>
          </g>
        );
      })}
      {props.finalMlp >= 0 && (
        <text
          x={x((positions[props.finalMlp] ?? 0) + 0.5)}
          y={VIEW.top + 10}
          textAnchor="end"
          fontSize="15"
          fill="#9a3412"
        >
          final MLP ▸
        </text>
      )}
      {layerLabels(components, positions).map((label) => (
        <text
          key={label.key}
          x={label.layer === null ? x(label.slot + 0.9) : x(label.slot + 1)}
          y={VIEW.height - VIEW.bottom + 18}
          textAnchor={label.layer === null ? "end" : "middle"}
          fontSize="15"
          fill="#4b5563"
        >
          {label.label}
        </text>
      ))}
      <text
        x={VIEW.left + plotWidth / 2}
        y={VIEW.height - 6}
        textAnchor="middle"
        fontSize="15"
        fill="#4b5563"
      >
        layer (attention left, MLP right)
      </text>
    </g>
  );
}
