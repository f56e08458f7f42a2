import type { GroupStatistics } from "@attrib/study";

import { fraction, medianWithInterval, percent, signed, table } from "../format.ts";

/** Weight-tied against untied models, pooled, side by side. */
export function tyingSection(byTying: GroupStatistics[]): string {
  const parts = ["## Weight-tied against untied models", ""];
  const untied = byTying.find((group) => group.tiedEmbeddings === false);
  const tied = byTying.find((group) => group.tiedEmbeddings === true);
  if (!untied || !tied) {
    const present = tied ? "weight-tied" : "untied";
    parts.push(
      `Only ${present} models are installed, so the comparison the question asks ` +
        "for cannot be made here: the numbers above describe " +
        `${present} models only. Installing an untied model (convert it into models/) ` +
        "and running the same command adds a column per kind here.",
      "",
    );
    return parts.join("\n");
  }

  const groups = [tied, untied];
  const row = (label: string, value: (group: GroupStatistics) => string) => [
    label,
    ...groups.map(value),
  ];
  parts.push(
    "Models of each kind pooled (prompts of different models count alike).",
    "",
    table(
      ["measure", ...groups.map((g) => `${g.label} (${g.models.join(", ")})`)],
      [
        row("prompts", (g) => String(g.analyses)),
        row("final MLP raw signed share", (g) =>
          medianWithInterval(g.finalMlp.raw.signedShare, percent),
        ),
        row("… centered", (g) =>
          medianWithInterval(g.finalMlp.centered.signedShare, percent),
        ),
        row("… logit difference", (g) =>
          medianWithInterval(g.finalMlp.difference.signedShare, percent),
        ),
        row("… rough", (g) => medianWithInterval(g.finalMlp.rough.signedShare, percent)),
        row("raw absolute share", (g) =>
          medianWithInterval(g.finalMlp.raw.absoluteShare, percent),
        ),
        row("embedding raises current token (raw)", (g) =>
          g.currentToken ? fraction(g.currentToken.rawPositive) : "n/a",
        ),
        row("embedding's centered push on current token", (g) =>
          g.currentToken
            ? medianWithInterval(g.currentToken.embedCentered, (v) => signed(v))
            : "n/a",
        ),
        row("lens: first only at the output", (g) =>
          g.lens ? fraction(g.lens.onlyAtOutput) : "n/a",
        ),
      ],
    ),
    "",
  );
  return parts.join("\n");
}
