import { type AnalysisMeasures, type BootstrapOptions, summarize } from "@attrib/study";

import { medianWithInterval, percent, table } from "../format.ts";

/** The main shares per model and kind of prompt: fortunes against each curated category. */
export function sourceSection(
  measures: readonly AnalysisMeasures[],
  options: BootstrapOptions,
): string {
  const keys = [
    ...new Set(measures.map((m) => `${m.model}\u0000${m.promptSource}`)),
  ].sort();
  const rows = keys.map((key) => {
    const [model = "", source = ""] = key.split("\u0000");
    const group = measures.filter((m) => m.model === model && m.promptSource === source);
    const share = (method: "raw" | "centered" | "difference" | "rough") =>
      medianWithInterval(
        summarize(
          group.map((m) => m.finalMlp[method]?.signedShare ?? null),
          options,
        ),
        percent,
      );
    return [
      model,
      source,
      String(group.length),
      share("raw"),
      share("centered"),
      share("difference"),
      share("rough"),
    ];
  });
  return [
    "## By kind of prompt",
    "",
    "The final MLP's median signed share [95% CI] per model and source; the curated " +
      "sets are small, so their intervals are wide.",
    "",
    table(["model", "source", "prompts", "raw", "centered", "difference", "rough"], rows),
    "",
  ].join("\n");
}
