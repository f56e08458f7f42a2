import type { AnalysisMeasures } from "@attrib/study";
import { median } from "@attrib/study";

import { cell, plain, table } from "../format.ts";
import type { ReportInput } from "../reportInput.ts";
import { tyingLabel } from "./groupFacts.ts";

/** How the numbers were made: corpus, models, measures and statistics. */
export function methodSection(input: ReportInput): string {
  return [
    "## Method",
    "",
    corpusText(input),
    "",
    skipsText(input),
    "",
    "### Models",
    "",
    modelsTable(input),
    "",
    "### Measures",
    "",
    "For every model and prompt, one analysis of the next-token prediction after the " +
      `prompt: the top ${input.study.settings.k} tokens and the prompt's last token as ` +
      "a named target, with the logit lens, stored in the shared store like any other " +
      "analysis (platform `cli`, requester `study`). On the top-1 token:",
    "",
    "- **exact raw**: the final MLP's direct contribution `(m ⊙ g) · U[t] / s` with the " +
      "final-norm scale `s` frozen; contributions of all components sum to the logit.",
    "- **exact centered**: the same with `U[t] − mean_v U[v]`, which removes what " +
      "raises every token alike (softmax ignores it).",
    "- **logit difference**: the split of logit(top-1) − logit(top-2).",
    "- **rough**: the pre-norm write's dot product with the normalized unembedding " +
      "row, ignoring `g` and `s` — the method the question was first asked with.",
    "- **signed share** = contribution / total (can be negative or above 100%); " +
      "**absolute share** = |contribution| / Σ|contributions|. A signed share of a " +
      "total under 5% of the absolute mass is *undefined* and counted as such, never " +
      "dropped silently.",
    `- **total effect**: the final MLP ablated (${input.study.settings.ablationModes.join(", ")}).`,
    "- **embedding on the current token**: the embedding's contribution to the logit " +
      "of the prompt's last token.",
    "- **lens**: the first depth at which the logit lens ranks the final top-1 token first.",
    "- **identity error**: |Σ raw contributions − logit| of each analysis; the models " +
      "table lists the largest, to show the exact split adds up.",
    "",
    "### Statistics",
    "",
    `Medians and quartiles interpolate between order statistics (type 7). Intervals ` +
      `of medians are percentile bootstrap intervals (${input.bootstrap.resamples} ` +
      `resamples, seed ${input.bootstrap.seed}, level ${input.bootstrap.level * 100}%) ` +
      "treating prompts as independent draws; intervals of proportions are Wilson " +
      "score intervals at the same level. Every count says how many prompts it is of.",
    "",
  ].join("\n");
}

function corpusText(input: ReportInput): string {
  const prompts = input.study.prompts;
  const fortunes = prompts.flatMap((p) =>
    p.source.kind === "fortune" ? [p.source] : [],
  );
  const files = [...new Set(fortunes.map((f) => f.file))].sort();
  const curated = prompts.filter((p) => p.source.kind === "curated").length;
  const words = fortunes.map((f) => f.words);
  return (
    `### Corpus\n\n${prompts.length} prompts (run \`${input.run}\`, seed ` +
    `${input.study.settings.seed}): ${fortunes.length} cut from Debian's fortunes ` +
    `(${input.fortunesDir}, ${files.length} files: ${files.join(", ")}) and ` +
    `${curated} curated prompts (factual recall, code, narrative; ` +
    "`apps/study/corpus/curated.json`). Fortunes were shuffled with the seed; each " +
    "kept a random number of its first words (4 to 40, always leaving at least one " +
    "word after the cut), and fortunes that are not prose (ASCII art, tables) were " +
    `skipped. Fortune prompts are ${plain(median(words), 0)} words long in median ` +
    `(${Math.min(...words)}–${Math.max(...words)}). Every prompt's id names its file ` +
    "and 0-based entry (`fortune/<file>/<index>`); `corpus.jsonl` in the run folder " +
    "lists them all with their text."
  );
}

function skipsText(input: ReportInput): string {
  const skipped = input.study.records.filter((r) => r.kind === "skipped");
  const tokens = (model: string) =>
    input.study.measures
      .filter((m) => m.model === model)
      .map((m: AnalysisMeasures) => m.promptTokens);
  const models = [...new Set(input.study.measures.map((m) => m.model))].sort();
  const lengths = models
    .map((model) => `${model} ${plain(median(tokens(model)), 0)} tokens in median`)
    .join("; ");
  if (skipped.length === 0) {
    return `No prompt was refused by a model. Prompt lengths: ${lengths}.`;
  }
  const reasons = skipped.map((r) => `${r.model}: ${r.promptId} (${r.reason})`);
  return (
    `${skipped.length} (model, prompt) pairs were refused and are left out of every ` +
    `statistic: ${reasons.slice(0, 10).join("; ")}${reasons.length > 10 ? "; …" : ""}. ` +
    `Prompt lengths: ${lengths}.`
  );
}

function modelsTable(input: ReportInput): string {
  const names = [...new Set(input.study.measures.map((m) => m.model))].sort();
  return table(
    [
      "model",
      "name",
      "architecture",
      "layers",
      "embeddings",
      "weights",
      "prompts analysed",
      "largest identity error",
    ],
    names.map((name) => {
      const model = input.models.find((m) => m.name === name);
      const analyses = input.study.measures.filter((m) => m.model === name);
      const source = model?.source;
      const weights = source
        ? `${source.kind} ${cell(source.ref)}${source.quantization ? `, ${source.quantization}` : ""}`
        : "unknown";
      return [
        `\`${name}\``,
        cell(model?.displayName ?? name),
        model?.architecture ?? "",
        String(model?.nLayers ?? ""),
        model ? tyingLabel(model.tiedEmbeddings) : "",
        weights,
        String(analyses.length),
        Math.max(...analyses.map((m) => m.identityError)).toExponential(1),
      ];
    }),
  );
}
