import type { ReportInput } from "../reportInput.ts";

/** How to make this report again, and how to extend it. */
export function reproduceSection(input: ReportInput): string {
  const fortunes = input.study.prompts.filter((p) => p.source.kind === "fortune").length;
  return [
    "## Reproduce",
    "",
    "```sh",
    "npm run setup      # packages, database, models, Debian's fortunes",
    `npm run study -- run --models all --prompts ${fortunes} --seed ${input.study.settings.seed}`,
    "npm run study -- report",
    "npm run study -- export --format csv > study.csv",
    "```",
    "",
    "An interrupted run resumes where it stopped; analyses are stored under a request " +
      "id made of model, prompt and seed, so nothing is stored twice. " +
      `Generated ${input.generatedAt.toISOString()} from the stored analyses of run ` +
      `\`${input.run}\`.`,
    "",
  ].join("\n");
}
