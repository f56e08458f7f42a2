import { parseArgs } from "node:util";

import { type AblationMode, AttribError } from "@attrib/core";

export interface CliOptions {
  /** The prompt; `-` means read it from standard input. */
  text: string;
  /** Where the prompt's words stand in argv, to hand it on without them. */
  textArgIndexes: number[];
  model: string | undefined;
  k: number | undefined;
  targets: string[];
  json: boolean;
  png: string | undefined;
  help: boolean;
  listModels: boolean;
  heads: boolean;
  neurons: boolean;
  lens: boolean;
  /** Components to ablate, e.g. L15.mlp. */
  ablate: string[];
  ablateMode: AblationMode;
  /** Two tokens whose logit difference to split. */
  diff: [string, string] | undefined;
}

export const USAGE = `Usage: attrib [options] <text>
       attrib [options] - < text-file

Splits the model's next-token logits after <text> exactly into what the
embedding and every attention and MLP layer wrote.

Options:
  --model NAME|PATH  installed model name or bundle folder (default: smollm2-135m-instruct)
  --k N              how many top tokens to attribute (default 5)
  --target TOKEN     also attribute this token, e.g. --target " Jobs" (repeatable)
  --heads            split every attention layer by head; list the strongest heads
  --neurons          split every MLP by neuron; list the strongest neurons
  --lens             logit lens: each target's rank and probability after every layer
  --ablate NAME      remove a component (e.g. L15.mlp, L3.attn, embed) and report the
                     change in every target's logit and probability (repeatable)
  --ablate-mode M    zero (default) or mean: put the component's mean write over
                     reference text in its place
  --diff A B         split the logit difference of two tokens, e.g. --diff " Paris" " London"
  --json             print the full result as JSON
  --png FILE         write the per-layer chart of the first named target (else top-1);
                     with --heads, --neurons, --lens also FILE's .heads, .neurons and
                     .lens charts beside it
  --list-models      list installed models
  --help             show this help

Example:
  attrib "Steve" --target " Jobs" --heads --neurons --lens --ablate L29.mlp --png steve.png`;

function parseK(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const k = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(k) || k < 1) {
    throw new AttribError(
      "INVALID_OPTION",
      `--k takes a whole number ≥ 1, not "${value}"`,
    );
  }
  return k;
}

function parseAblateMode(value: string | undefined): AblationMode {
  if (value === undefined || value === "zero" || value === "mean") return value ?? "zero";
  throw new AttribError(
    "INVALID_OPTION",
    `--ablate-mode takes zero or mean, not "${value}"`,
  );
}

/**
 * Takes `--diff A B` out of argv, since node's parser gives an option one
 * value; returns the rest with each remaining argument's original index.
 */
function takeDiff(argv: string[]): {
  rest: string[];
  indexes: number[];
  diff: [string, string] | undefined;
} {
  const at = argv.indexOf("--diff");
  const all = argv.map((_, i) => i);
  if (at < 0) return { rest: argv, indexes: all, diff: undefined };
  const [first, second] = [argv[at + 1], argv[at + 2]];
  if (first === undefined || second === undefined) {
    throw new AttribError(
      "INVALID_OPTION",
      `--diff takes two tokens, e.g. --diff " Paris" " London"\n\n${USAGE}`,
    );
  }
  const keep = (i: number) => i < at || i > at + 2;
  return {
    rest: argv.filter((_, i) => keep(i)),
    indexes: all.filter(keep),
    diff: [first, second],
  };
}

/**
 * Reads the command line.
 *
 * @throws {@link AttribError} INVALID_OPTION for unknown or malformed options
 */
export function parseCliArgs(argv: string[]): CliOptions {
  const { rest, indexes, diff } = takeDiff(argv);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      tokens: true,
      options: {
        model: { type: "string" },
        k: { type: "string" },
        target: { type: "string", multiple: true },
        json: { type: "boolean", default: false },
        png: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
        "list-models": { type: "boolean", default: false },
        heads: { type: "boolean", default: false },
        neurons: { type: "boolean", default: false },
        lens: { type: "boolean", default: false },
        ablate: { type: "string", multiple: true },
        "ablate-mode": { type: "string" },
      },
    });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new AttribError("INVALID_OPTION", `${reason}\n\n${USAGE}`, { cause });
  }

  const { values, positionals, tokens } = parsed;
  return {
    text: positionals.join(" "),
    textArgIndexes: tokens.flatMap((token) =>
      token.kind === "positional" ? [indexes[token.index] ?? token.index] : [],
    ),
    model: values.model,
    k: parseK(values.k),
    targets: values.target ?? [],
    json: values.json,
    png: values.png,
    help: values.help,
    listModels: values["list-models"],
    heads: values.heads,
    neurons: values.neurons,
    lens: values.lens,
    ablate: values.ablate ?? [],
    ablateMode: parseAblateMode(values["ablate-mode"]),
    diff,
  };
}
