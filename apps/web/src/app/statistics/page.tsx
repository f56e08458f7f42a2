import type { GroupStatistics } from "@attrib/store";
import type { Metadata } from "next";
import Link from "next/link";

import {
  AbsoluteShareFigure,
  SignedShareFigure,
} from "../../components/statistics/ShareFigures.tsx";
import {
  ProfileChart,
  ProfileLegend,
} from "../../components/statistics/ProfileChart.tsx";
import { formatMoment } from "../../format/dates.ts";
import { loadStatistics } from "../../statistics/loadStatistics.ts";
import {
  depthSeries,
  depthTicks,
  layerSeries,
  layerTicks,
} from "../../statistics/profileSeries.ts";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Statistics",
  description:
    "How much of the predicted token's logit the final MLP writes, across every " +
    "stored analysis, per model and for weight-tied versus untied models.",
};

function DepthFigure({ group, name }: { group: GroupStatistics; name: string }) {
  const count = group.finalMlpShare.analysisCount;
  return (
    <figure className="figure">
      <figcaption>
        <strong>Mean contribution by depth</strong> to the top token&apos;s logit (in
        logits; band: middle half of analyses), {name}, n = {count}. Each model&apos;s
        layers are cut into tenths, so models of different depth line up.
      </figcaption>
      <div className="frame">
        <ProfileChart
          series={depthSeries(group.depthProfile)}
          xTicks={depthTicks()}
          label={`Mean contribution by relative depth, ${name}`}
        />
      </div>
      <ProfileLegend />
    </figure>
  );
}

function TyingColumn({
  group,
  name,
  testId,
}: {
  group: GroupStatistics;
  name: string;
  testId: string;
}) {
  const share = group.finalMlpShare;
  return (
    <div data-testid={testId} data-analyses={share.analysisCount}>
      <h3>
        {name} ({group.modelCount} {group.modelCount === 1 ? "model" : "models"})
      </h3>
      {share.analysisCount === 0 ? (
        <p className="muted">No analyses of {name.toLowerCase()} models yet.</p>
      ) : (
        <>
          <SignedShareFigure share={share} />
          <AbsoluteShareFigure share={share} histogram={false} />
          <DepthFigure group={group} name={name.toLowerCase()} />
        </>
      )}
    </div>
  );
}

/** What holds across many prompts and models, each figure with the count it rests on. */
export default async function StatisticsPage() {
  const { statistics, computedAt } = await loadStatistics();
  const { overall, tied, untied, models } = statistics;
  if (overall.finalMlpShare.analysisCount === 0) {
    return (
      <>
        <h1>Statistics</h1>
        <p className="panel">
          No analyses yet. <Link href="/submit">Ask the first one</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Statistics</h1>
      <p className="lead">
        Does the final MLP do most of the direct work of writing the predicted token? For
        every stored analysis, the top token&apos;s logit is split exactly over the
        components; these figures gather the final MLP&apos;s part and every layer&apos;s.
      </p>
      <p className="muted small">
        Computed {formatMoment(computedAt)} from{" "}
        <strong data-testid="overall-count">{overall.finalMlpShare.analysisCount}</strong>{" "}
        analyses of {overall.modelCount} {overall.modelCount === 1 ? "model" : "models"}.{" "}
        <a href="/api/statistics">JSON</a>
      </p>

      <h2>All models</h2>
      <div
        className="side-by-side"
        data-testid="share-overall"
        data-analyses={overall.finalMlpShare.analysisCount}
      >
        <SignedShareFigure share={overall.finalMlpShare} />
        <AbsoluteShareFigure share={overall.finalMlpShare} histogram />
      </div>
      <div className="narrow">
        <DepthFigure group={overall} name="all models" />
      </div>

      <h2>Weight-tied and untied models</h2>
      <p className="muted small">
        Tied models use their input embedding as the unembedding; the question is whether
        their final MLP then acts as the real unembedding.
      </p>
      <div className="side-by-side">
        <TyingColumn group={tied} name="Weight-tied" testId="share-tied" />
        <TyingColumn group={untied} name="Untied" testId="share-untied" />
      </div>

      <h2>Per model</h2>
      {models.map(({ model, finalMlpShare, layerProfile }) => (
        <section key={model.name} aria-labelledby={`model-${model.name}`}>
          <h3 id={`model-${model.name}`}>
            {model.displayName}{" "}
            <span className="muted small">
              ({model.name}, {model.nLayers} layers,{" "}
              {model.tiedEmbeddings ? "weight-tied" : "untied"})
            </span>
          </h3>
          <div
            className="side-by-side"
            data-testid={`share-model-${model.name}`}
            data-analyses={finalMlpShare.analysisCount}
          >
            <div>
              <SignedShareFigure share={finalMlpShare} />
              <AbsoluteShareFigure share={finalMlpShare} histogram={false} />
            </div>
            <figure className="figure">
              <figcaption>
                <strong>Mean contribution of every layer</strong> to the top token&apos;s
                logit (in logits; band: middle half), n = {finalMlpShare.analysisCount}.
              </figcaption>
              <div className="frame">
                <ProfileChart
                  series={layerSeries(layerProfile)}
                  xTicks={layerTicks(model.nLayers)}
                  label={`Mean contribution of every layer of ${model.displayName}`}
                />
              </div>
              <ProfileLegend />
            </figure>
          </div>
        </section>
      ))}
    </>
  );
}
