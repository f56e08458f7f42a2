/**
 * The `attrib` command line on the real default model: the report, JSON,
 * the PNG, and a clear message with a non-zero exit for each kind of bad input.
 */
import { mkdtemp, readFile, rm, symlink, writeFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { modelsDir } from "../setup/paths.ts";
import { runCli } from "../setup/runCli.ts";

const MODEL = "smollm2-135m-instruct";
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "attrib-cli-"));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A bundle folder linking the real files, with a manifest edited by `edit` and some files left out. */
async function alteredBundle(
  name: string,
  edit: (manifest: Record<string, unknown>) => void,
  leaveOut: string[] = [],
): Promise<string> {
  const source = join(modelsDir, MODEL);
  const dir = join(scratch, name);
  await import("node:fs/promises").then((fs) => fs.mkdir(dir));
  for (const file of await readdir(source)) {
    if (file === "manifest.json" || leaveOut.includes(file)) continue;
    await symlink(join(source, file), join(dir, file));
  }
  const manifest = JSON.parse(
    await readFile(join(source, "manifest.json"), "utf8"),
  ) as Record<string, unknown>;
  edit(manifest);
  await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest));
  return dir;
}

describe("attrib command line", () => {
  it('prints the table for "Steve" with the final MLP\'s share and a small identity error', async () => {
    const png = join(scratch, "steve.png");

    const run = await runCli(["Steve", "--target", " Jobs", "--png", png]);

    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('" Jobs"');
    expect(run.stdout).toMatch(
      /Final MLP \(L29\.mlp\) for " Jobs": it wrote -?[\d.]+% of the logit/,
    );
    const identity = /identity error \(max \|Σ − logit\|\): ([\d.e+-]+)/.exec(run.stdout);
    expect(Number(identity?.[1])).toBeLessThanOrEqual(1e-3);
    const image = await readFile(png);
    expect(image.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect([image.readUInt32BE(16), image.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it("shows heads, neurons, the lens and the final MLP's direct and total effect", async () => {
    const png = join(scratch, "detail.png");

    const run = await runCli([
      "Steve",
      "--target",
      " Jobs",
      "--heads",
      "--neurons",
      "--lens",
      "--ablate",
      "L29.mlp",
      "--diff",
      " Paris",
      " London",
      "--png",
      png,
    ]);

    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Heads writing " Jobs"[^\n]*\n.*raise it/);
    expect(run.stdout).toMatch(/L\d+\.h\d+ +[+−]\d/);
    expect(run.stdout).toMatch(/L\d+\.n\d+ +[+−]\d/);
    expect(run.stdout).toMatch(/^ {2}L29 +"/m);
    expect(run.stdout).toMatch(
      /" Jobs" is (never the top token|the top token from L\d+ on)/,
    );
    expect(run.stdout).toMatch(
      /Final MLP \(L29\.mlp\) for " Jobs": direct effect −\d+\.\d+, total effect [+−]\d+\.\d+/,
    );
    expect(run.stdout).toMatch(/Logit difference " Paris" − " London": [+−]\d/);
    const sums = [
      ...run.stdout.matchAll(/sum to their (?:layer|MLP) within ([\d.e+-]+)/g),
    ];
    expect(sums).toHaveLength(2);
    for (const [, error] of sums) expect(Number(error)).toBeLessThanOrEqual(1e-3);
    for (const kind of ["", ".heads", ".neurons", ".lens"]) {
      const image = await readFile(join(scratch, `detail${kind}.png`));
      expect(image.subarray(1, 4).toString("latin1")).toBe("PNG");
    }
  });

  it("gives the same sections for Gemma 3, the second installed family", async () => {
    const run = await runCli([
      "--model",
      "gemma3-270m",
      "Steve",
      "--target",
      " Jobs",
      "--heads",
      "--neurons",
      "--lens",
      "--ablate",
      "L17.mlp",
    ]);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^gemma-3-270m \(18 layers, weight-tied\)/);
    expect(run.stdout).toMatch(/Heads writing " Jobs"/);
    expect(run.stdout).toMatch(/Neurons writing " Jobs"/);
    expect(run.stdout).toMatch(/" Jobs" is (never the top token|the top token from L\d+ on)/);
    expect(run.stdout).toMatch(/Final MLP \(L17\.mlp\) for " Jobs": direct effect/);
  });

  it("puts heads, neurons, lens and ablations in the JSON result", async () => {
    const run = await runCli([
      "The capital of France is",
      "--json",
      "--k",
      "2",
      "--heads",
      "--neurons",
      "--lens",
      "--ablate",
      "L15.mlp",
      "--ablate-mode",
      "mean",
    ]);

    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      heads: { targets: { values: number[][] }[] };
      neurons: { targets: { top: { positive: unknown[] } }[] };
      lens: { depths: unknown[] };
      ablations: { component: string; mode: string; targets: unknown[] }[];
    };
    expect(result.heads.targets).toHaveLength(2);
    expect(result.heads.targets[0]?.values).toHaveLength(30);
    expect(result.neurons.targets[0]?.top.positive.length).toBeGreaterThan(0);
    expect(result.lens.depths).toHaveLength(31);
    expect(result.ablations[0]).toMatchObject({ component: "L15.mlp", mode: "mean" });
  });

  it("prints the full result as JSON", async () => {
    const run = await runCli(["The capital of France is", "--json", "--k", "3"]);

    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      targets: { raw: { values: number[] }; logit: number }[];
      components: unknown[];
    };
    expect(result.targets).toHaveLength(3);
    expect(result.components).toHaveLength(61);
    const first = result.targets[0];
    const sum = first?.raw.values.reduce((a, b) => a + b, 0) ?? NaN;
    expect(Math.abs(sum - (first?.logit ?? NaN))).toBeLessThanOrEqual(1e-3);
  });

  it.each([
    ["whitespace-only text", ["   "], /give the text to analyse/],
    [
      "an unknown model",
      ["--model", "gpt-7", "Steve"],
      /unknown model "gpt-7".*smollm2-135m-instruct/,
    ],
    [
      "a target of two tokens",
      ["Steve", "--target", " Jobsworthiness"],
      /is \d+ tokens \(.*\); a target must be exactly one token/,
    ],
    ["k of zero", ["Steve", "--k", "0"], /--k takes a whole number/],
    [
      "k above the graph's top-k",
      ["Steve", "--k", "500"],
      /k must be a whole number from 1 to \d+/,
    ],
    ["an unknown option", ["Steve", "--colour"], /Unknown option '--colour'/],
    [
      "an unknown component to ablate",
      ["Steve", "--ablate", "L99.mlp"],
      /unknown component "L99\.mlp" to ablate; .* has embed, L0\.attn, L0\.mlp … L29\.mlp/,
    ],
  ])("rejects %s with a clear message", async (_case, args, message) => {
    const run = await runCli(args);

    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects text longer than the model's context, naming both lengths", async () => {
    const run = await runCli(["word ".repeat(9000)]);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /the text is \d+ tokens long; .* accepts at most \d+ tokens/,
    );
  });

  it("names a missing bundle file", async () => {
    const dir = await alteredBundle("missing", () => {}, ["tokenizer.json"]);

    const run = await runCli(["--model", dir, "Steve"]);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/tokenizer\.json is missing/);
  });

  it("names a truncated weights file", async () => {
    const dir = await alteredBundle("truncated", (manifest) => {
      const files = manifest.files as Record<string, { bytes: number }>;
      const entry = files["model.onnx.data"] ?? files["model.onnx"];
      if (entry) entry.bytes += 4096;
    });

    const run = await runCli(["--model", dir, "Steve"]);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /model\.onnx(\.data)? has \d+ bytes but the manifest records \d+: the file is truncated/,
    );
  });

  it("names a manifest that does not match the graph", async () => {
    const dir = await alteredBundle("mismatch", (manifest) => {
      manifest.nLayers = 40;
    });

    const run = await runCli(["--model", dir, "Steve"]);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /lists 61 components but a model of 40 layers has at least 81/,
    );
  });

  it("names a manifest that is not valid", async () => {
    const dir = await alteredBundle("invalid", (manifest) => {
      delete manifest.dModel;
    });

    const run = await runCli(["--model", dir, "Steve"]);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /not an attrib-bundle manifest of format version 3: dModel/,
    );
  });
});
