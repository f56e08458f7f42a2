import { parseArgs } from "node:util";

import { AttribError } from "@attrib/core";

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
}

export const USAGE = `Usage: attrib [options] <text>
       attrib [options] - < text-file

Splits the model's next-token logits after <text> exactly into what the
embedding and every attention and MLP layer wrote.

Options:
  --model NAME|PATH  installed model name or bundle folder (default: smollm2-135m-instruct)
  --k N              how many top tokens to attribute (default 5)
  --target TOKEN     also attribute this token, e.g. --target " Jobs" (repeatable)
  --json             print the full result as JSON
  --png FILE         write the per-layer chart of the first named target (else top-1)
  --list-models      list installed models
  --help             show this help

Example:
  attrib "Steve" --target " Jobs" --png steve.png`;

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

/**
 * Reads the command line.
 *
 * @throws {@link AttribError} INVALID_OPTION for unknown or malformed options
 */
export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
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
      token.kind === "positional" ? [token.index] : [],
    ),
    model: values.model,
    k: parseK(values.k),
    targets: values.target ?? [],
    json: values.json,
    png: values.png,
    help: values.help,
    listModels: values["list-models"],
  };
}
