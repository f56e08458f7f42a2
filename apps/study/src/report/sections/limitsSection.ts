import type { ReportInput } from "../reportInput.ts";

/** What the numbers do not say. */
export function limitsSection(input: ReportInput): string {
  const quantized = input.models.filter((m) => m.source?.quantization);
  const quantization = quantized
    .map((m) => `${m.name} (${m.source?.quantization ?? ""})`)
    .join(", ");
  return [
    "## Limits",
    "",
    "- **Direct effects.** The shares are direct contributions at the last position " +
      "through a frozen final-norm scale. They do not say what the final MLP computes " +
      "from, nor what earlier layers contribute through it; the ablation rows give its " +
      "total effect, which for the last layer differs from the direct one only through " +
      "the final norm.",
    "- **Shares of a sum with cancellation.** Components push in both directions, so a " +
      "signed share can exceed 100% or be negative, and is undefined when the total is " +
      "near zero (counted in every table). The absolute share answers a different " +
      "question and is never larger than the signed share's magnitude.",
    "- **The top-1 token only.** Every share here is of the model's own most likely " +
      "next token after the prompt, at one position per prompt.",
    "- **The corpus.** Fortunes are quotations, jokes and aphorisms cut at a random " +
      "word; curated prompts are few and written for the project. Other text (long " +
      "documents, dialogue, non-English) may give other numbers; the command runs on " +
      "any seed, and the curated set can be extended.",
    "- **Few, small models.** " +
      (quantization
        ? `Weights are those of quantized files, dequantized: ${quantization}. `
        : "") +
      "Results for models of 135M–270M parameters need not hold for larger ones.",
    "- **Independence.** The bootstrap treats prompts as independent; prompts from the " +
      "same fortune file share style, so intervals may be somewhat too narrow.",
    "- **The logit lens** reads intermediate residuals with the final norm and " +
      "unembedding, which were trained for the last layer only; early depths are " +
      "read with a tool not made for them.",
    "",
  ].join("\n");
}
