import type { Metadata } from "next";
import Link from "next/link";

import { describeAnalysis } from "../../../analysis/describeAnalysis.ts";
import { loadAnalysis } from "../../../analysis/loadAnalysis.ts";
import { toChartData } from "../../../analysis/toChartData.ts";
import { LayerChart } from "../../../components/analysis/LayerChart.tsx";
import { PromptTokens } from "../../../components/analysis/PromptTokens.tsx";
import { TopPredictions } from "../../../components/analysis/TopPredictions.tsx";
import { formatMoment } from "../../../format/dates.ts";
import { formatError } from "../../../format/numbers.ts";
import { platformNames } from "../../../format/platformNames.ts";

export const dynamic = "force-dynamic";

interface AnalysisPageProps {
  params: Promise<{ id: string }>;
}

/** Title and description are what Discord and Slack show above the preview image. */
export async function generateMetadata({ params }: AnalysisPageProps): Promise<Metadata> {
  const { id } = await params;
  const stored = await loadAnalysis(id);
  const { title, description } = describeAnalysis(stored);
  const path = `/analyses/${stored.id}`;
  return {
    title,
    description,
    alternates: { canonical: path },
    openGraph: {
      type: "article",
      siteName: "Attrib",
      title,
      description,
      url: path,
      publishedTime: stored.createdAt.toISOString(),
    },
    twitter: { card: "summary_large_image", title, description },
  };
}

/** One analysis at its permanent address. */
export default async function AnalysisPage({ params }: AnalysisPageProps) {
  const { id } = await params;
  const stored = await loadAnalysis(id);
  const { result, requester } = stored;
  const { model } = result;
  return (
    <article>
      <p className="muted small">
        <Link href="/">Analyses</Link> › one analysis
      </p>
      <h1>
        After <q className="prompt">{result.prompt.text}</q>
      </h1>
      <dl className="facts">
        <dt>Model</dt>
        <dd>
          {model.displayName} <span className="muted">({model.name})</span>:{" "}
          {model.nLayers} layers, {model.tiedEmbeddings ? "weight-tied" : "untied"}{" "}
          embeddings, {model.architecture}
          {model.finalLogitSoftcap === null
            ? ""
            : `; logits soft-capped at ${model.finalLogitSoftcap} (the pre-cap logit is split)`}
        </dd>
        <dt>Asked</dt>
        <dd>
          <time dateTime={stored.createdAt.toISOString()}>
            {formatMoment(stored.createdAt)}
          </time>{" "}
          on {platformNames[requester.platform]}
          {requester.displayName ? ` by ${requester.displayName}` : ""}
        </dd>
        <dt>Identity error</dt>
        <dd>
          {formatError(result.identityError)}{" "}
          <span className="muted small">
            (largest |Σ contributions − logit| over the tokens: how exactly the split adds
            up)
          </span>
        </dd>
        <dt>Export</dt>
        <dd>
          <a href={`/api/analyses/${stored.id}`}>JSON</a> ·{" "}
          <a href={`/api/analyses/${stored.id}/contributions.csv`}>CSV</a> ·{" "}
          <a href={`/analyses/${stored.id}/opengraph-image`}>chart image (PNG)</a>
        </dd>
      </dl>

      <h2>Prompt tokens</h2>
      <PromptTokens tokens={result.prompt.tokens} tokenIds={result.prompt.tokenIds} />

      <h2>Top predictions</h2>
      <TopPredictions result={result} />

      <LayerChart data={toChartData(result)} />
    </article>
  );
}
