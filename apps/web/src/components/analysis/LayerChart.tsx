"use client";

import { type KeyboardEvent, useId, useState } from "react";

import type { ChartData } from "../../analysis/chartTypes.ts";
import {
  chartView,
  type Measure,
  measureHelp,
  measureLabels,
  methodHelp,
  methodLabels,
  type SplitMethod,
} from "../../analysis/chartView.ts";
import { kindColors, kindNames } from "../../charts/palette.ts";
import {
  formatError,
  formatNumber,
  formatProbability,
  formatShare,
  quoteToken,
} from "../../format/numbers.ts";
import { ContributionTable } from "./ContributionTable.tsx";
import { HeadHeatmap } from "./HeadHeatmap.tsx";
import { formatMeasure, LayerBars, VIEW } from "./LayerBars.tsx";
import { LensTable } from "./LensTable.tsx";
import { TopNeurons } from "./TopNeurons.tsx";

const METHODS: SplitMethod[] = ["raw", "centered", "rough", "difference"];
const MEASURES: Measure[] = ["contribution", "signed", "absolute"];

/**
 * The analysis's per-layer chart: pick a target token, a method and what
 * to show; point at (or arrow-key to) a bar for its exact numbers; click an
 * attention or MLP bar to drill into its heads or neurons when the analysis
 * has them.
 */
export function LayerChart({ data }: { data: ChartData }) {
  const [targetIndex, setTargetIndex] = useState(data.focus);
  const [method, setMethod] = useState<SplitMethod>("raw");
  const [measure, setMeasure] = useState<Measure>("contribution");
  const [hovered, setHovered] = useState<number | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const readoutId = useId();

  const view = chartView(data, targetIndex, method, measure);
  const target = data.targets[targetIndex];
  if (!view || !target) return <p>This analysis has nothing to chart.</p>;

  const selected = hovered ?? picked ?? data.finalMlp;
  const component = data.components[selected];
  const pickedLayer = picked === null ? null : (data.components[picked]?.layer ?? null);
  const last = data.components.length - 1;

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const moves: Record<string, number> = {
      ArrowLeft: selected - 1,
      ArrowRight: selected + 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      setHovered(Math.max(0, Math.min(last, next)));
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      setPicked(selected);
    }
  };

  return (
    <section aria-labelledby={`${readoutId}-title`}>
      <h2 id={`${readoutId}-title`}>Who wrote the logit</h2>
      <div className="chart-controls">
        <div>
          <label htmlFor={`${readoutId}-target`}>Token</label>
          <select
            id={`${readoutId}-target`}
            value={targetIndex}
            disabled={method === "difference"}
            onChange={(event) => setTargetIndex(Number(event.target.value))}
          >
            {data.targets.map((t, i) => (
              <option key={`${t.token}-${t.rank}`} value={i}>
                {`${quoteToken(t.token)} · rank ${t.rank} · ${formatProbability(t.probability)}` +
                  (t.source === "top" ? "" : " (named)")}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>Method</legend>
          {METHODS.map((m) => (
            <label key={m}>
              <input
                type="radio"
                name={`${readoutId}-method`}
                value={m}
                checked={method === m}
                disabled={m === "difference" && data.difference === null}
                onChange={() => setMethod(m)}
              />
              {methodLabels[m]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Show</legend>
          {MEASURES.map((m) => (
            <label key={m}>
              <input
                type="radio"
                name={`${readoutId}-measure`}
                value={m}
                checked={measure === m}
                onChange={() => setMeasure(m)}
              />
              {measureLabels[m]}
            </label>
          ))}
        </fieldset>
      </div>
      <p className="muted small">
        {methodHelp[method]} {measureLabels[view.measure]}: {measureHelp[view.measure]}.
      </p>
      {view.note && <p className="form-error">{view.note}</p>}

      <div className="readout" id={readoutId} aria-live="polite">
        {component ? (
          <>
            <strong>{component.name}</strong>{" "}
            <span className="muted">
              ({kindNames[component.kind]}
              {component.layer === null ? "" : ` of layer ${component.layer}`})
            </span>
            <br />
            contribution {formatNumber(view.split.values[selected] ?? NaN, 4)} · signed
            share{" "}
            {view.split.signedShares
              ? formatShare(view.split.signedShares[selected] ?? NaN)
              : "n/a (total ≈ 0)"}{" "}
            · absolute share {formatShare(view.split.absoluteShares[selected] ?? NaN)}
          </>
        ) : null}
      </div>

      <div className="chart-scroll">
        <div className="chart-frame">
          <svg
            viewBox={`0 0 ${VIEW.width} ${VIEW.height}`}
            role="img"
            tabIndex={0}
            aria-label={
              `${measureLabels[view.measure]} of each component, ${methodLabels[method]}. ` +
              "Use the left and right arrow keys to read each bar."
            }
            aria-describedby={readoutId}
            onKeyDown={onKeyDown}
            onMouseLeave={() => setHovered(null)}
          >
            <LayerBars
              components={data.components}
              values={view.values}
              measure={view.measure}
              selected={selected}
              finalMlp={data.finalMlp}
              onSelect={setHovered}
              onPick={setPicked}
            />
          </svg>
        </div>
      </div>
      <div className="legend">
        {(["attn", "mlp", "embed"] as const).map((kind) => (
          <span key={kind}>
            <span className="swatch" style={{ background: kindColors[kind] }} />
            {kindNames[kind]}
          </span>
        ))}
        <span>
          Σ = {formatMeasure(view.split.total, "contribution")}
          {method === "raw"
            ? ` = the logit ${formatNumber(target.logit, 4)}; identity error ${formatError(target.identityError)}`
            : ""}
        </span>
      </div>

      <DrillDown data={data} targetIndex={targetIndex} pickedLayer={pickedLayer} />

      <details>
        <summary>All numbers ({methodLabels[method]})</summary>
        <ContributionTable components={data.components} split={view.split} />
      </details>
    </section>
  );
}

/** Heads, neurons and the logit lens, for analyses that recorded them. */
function DrillDown({
  data,
  targetIndex,
  pickedLayer,
}: {
  data: ChartData;
  targetIndex: number;
  pickedLayer: number | null;
}) {
  const target = data.targets[targetIndex];
  if (!target || (!target.heads && !target.neurons && !data.lens)) return null;
  return (
    <section>
      <h3>Inside the layers</h3>
      <p className="muted small">
        Click a bar to look into that layer.
        {pickedLayer === null ? "" : ` Showing layer ${pickedLayer}.`}
      </p>
      <div className="drill">
        {target.heads && <HeadHeatmap heads={target.heads} pickedLayer={pickedLayer} />}
        {target.neurons && (
          <TopNeurons neurons={target.neurons} pickedLayer={pickedLayer} />
        )}
      </div>
      {data.lens && (
        <details>
          <summary>Logit lens: the prediction layer by layer</summary>
          <LensTable lens={data.lens} />
        </details>
      )}
    </section>
  );
}
