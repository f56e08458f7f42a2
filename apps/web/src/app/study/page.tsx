import type { ShareDistribution } from "@attrib/store";
import type { GroupStatistics, Histogram, Summary } from "@attrib/study";
import type { Metadata } from "next";

import { ShareHistogram } from "../../components/statistics/ShareHistogram.tsx";
import { MethodIntervals } from "../../components/study/MethodIntervals.tsx";
import {
  AblationTable,
  CurrentTokenTable,
  HeadlineTable,
  LensTable,
  SensitivityTable,
} from "../../components/study/StudyTables.tsx";
import { formatMoment } from "../../format/dates.ts";
import { loadStudyReport } from "../../study/loadStudyReport.ts";
import { MarkdownSection } from "../../study/MarkdownSection.tsx";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "The study",
  description:
    "Does the final MLP act as the unembedding in weight-tied models? The final MLP's " +
    "share of the predicted token's logit over hundreds of real prompts, by four " +
    "methods, with ablations, the logit lens and bootstrap intervals.",
};

/** A study summary and histogram in the shape the statistics page draws. */
function distribution(summary: Summary, histogram: Histogram): ShareDistribution {
  return {
    count: summary.defined,
    mean: summary.mean,
    min: summary.min,
    q1: summary.q1,
    median: summary.median,
    q3: summary.q3,
    max: summary.max,
    bins: histogram.bins,
    below: histogram.below,
    above: histogram.above,
  };
}

function ModelHistograms({ group }: { group: GroupStatistics }) {
  const methods = [
    { method: "raw", name: "exact raw split" },
    { method: "rough", name: "rough method" },
  ] as const;
  return (
    <section aria-labelledby={`study-model-${group.label}`}>
      <h3 id={`study-model-${group.label}`}>{group.label}</h3>
      <div className="side-by-side" data-testid={`study-histograms-${group.label}`}>
        {methods.map(({ method, name }) => {
          const statistics = group.finalMlp[method];
          return (
            <figure className="figure" key={method}>
              <figcaption>
                <strong>{name}</strong>: the final MLP&apos;s signed share of the top-1
                logit over {statistics.signedShare.defined} prompts
                {statistics.signedShare.undefined > 0
                  ? ` (${statistics.signedShare.undefined} undefined: total near zero)`
                  : ""}
                . Solid line: median; dashed: quartiles.
              </figcaption>
              <div className="frame">
                <ShareHistogram
                  distribution={distribution(
                    statistics.signedShare,
                    statistics.signedHistogram,
                  )}
                  label={`final MLP's signed share, ${name}`}
                />
              </div>
            </figure>
          );
        })}
      </div>
    </section>
  );
}

/** The study's latest published report: the answer, its uncertainty, its limits. */
export default async function StudyPage() {
  const report = await loadStudyReport();
  if (!report) {
    return (
      <>
        <h1>The study</h1>
        <p className="panel" data-testid="study-empty">
          No study report has been published yet. Run{" "}
          <code>npm run study -- run --models all --prompts 500</code>, then{" "}
          <code>npm run study -- report</code>: the report is written to{" "}
          <code>reports/study.md</code> and published here.
        </p>
      </>
    );
  }
  const { byModel, byTying } = report.statistics;
  const untied = byTying.some((group) => group.tiedEmbeddings === false);
  return (
    <>
      <h1>The study: does the final MLP act as the unembedding?</h1>
      <p className="lead">
        In a weight-tied model the unembedding is the input embedding. Does the last MLP
        then do most of the direct work of writing the predicted token? Every prompt below
        was analysed like any other analysis on this site, and the final MLP&apos;s part
        of the top-1 token&apos;s logit measured four ways.
      </p>
      <p className="muted small" data-testid="study-meta">
        Run <code>{report.run}</code>: <strong>{report.analyses}</strong> analyses of{" "}
        {byModel.length} {byModel.length === 1 ? "model" : "models"}, report generated{" "}
        {formatMoment(report.generatedAt)}.{" "}
        <a href="/api/study/report.md">Report (Markdown)</a> ·{" "}
        <a href="/api/study">statistics JSON</a>
      </p>

      <h2>The answer in numbers</h2>
      <HeadlineTable groups={byModel} testId="study-headline" />
      <figure className="figure">
        <figcaption>
          Median (dot), 95% bootstrap interval of the median (line) and quartiles (band)
          of the final MLP&apos;s signed share, per model and method.
        </figcaption>
        <MethodIntervals groups={byModel} />
      </figure>

      <h2>Weight-tied against untied models</h2>
      <HeadlineTable groups={byTying} testId="study-tying" />
      {!untied && (
        <p className="muted small">
          Every model in this run is weight-tied; the comparison fills in once an untied
          model is installed and studied.
        </p>
      )}

      <h2>Per model</h2>
      {byModel.map((group) => (
        <ModelHistograms key={group.label} group={group} />
      ))}

      <h2>Total effect: removing the final MLP</h2>
      <p className="muted small">
        Logit changes in logits. The direct effect is what the final MLP&apos;s own write
        accounts for with the final-norm scale frozen; the rest comes from the norm
        rescaling once the write is gone.
      </p>
      <AblationTable groups={byModel} />

      <h2>The embedding and the current token</h2>
      <CurrentTokenTable groups={byModel} />

      <h2>The logit lens</h2>
      <LensTable groups={byModel} />

      <h2>How much the answer depends on the method</h2>
      <SensitivityTable groups={byModel} />

      <h2>Method</h2>
      <MarkdownSection markdown={report.markdown} title="Method" />
      <h2>Limits</h2>
      <MarkdownSection markdown={report.markdown} title="Limits" />
    </>
  );
}
