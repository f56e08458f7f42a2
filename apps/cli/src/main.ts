import { writeFile } from "node:fs/promises";

import {
  type AttributionResult,
  AttributionModel,
  isAttribError,
  listInstalledModels,
  renderHeadHeatmapPng,
  renderLayerChartPng,
  renderLensChartPng,
  renderNeuronChartPng,
} from "@attrib/core";

import { type CliEnv, loadEnv } from "./env.ts";
import { formatReport } from "./formatReport.ts";
import { parseCliArgs, USAGE } from "./parseCliArgs.ts";
import {
  argumentBytes,
  readStdin,
  relaunchWithStdin,
  SAFE_ARGUMENT_BYTES,
} from "./relaunchWithStdin.ts";

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

async function run(argv: string[], env: CliEnv): Promise<number> {
  const options = parseCliArgs(argv);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.listModels) {
    const models = await listInstalledModels(env.ATTRIB_MODELS_DIR);
    process.stdout.write(
      `${models.join("\n") || `(none in ${env.ATTRIB_MODELS_DIR})`}\n`,
    );
    return 0;
  }
  if (options.text !== "-" && argumentBytes(argv) > SAFE_ARGUMENT_BYTES) {
    return relaunchWithStdin(argv, options.textArgIndexes, options.text);
  }
  const text = options.text === "-" ? await readStdin() : options.text;
  if (text.trim().length === 0) {
    process.stderr.write(
      `attrib: give the text to analyse, e.g. attrib "Steve"\n\n${USAGE}\n`,
    );
    return EXIT_USAGE;
  }

  const model = await AttributionModel.load(options.model ?? env.ATTRIB_DEFAULT_MODEL, {
    modelsDir: env.ATTRIB_MODELS_DIR,
    executionProvider: env.ATTRIB_EXECUTION_PROVIDER,
  });
  try {
    const result = await model.analyze(text, {
      k: options.k,
      targets: options.targets,
      heads: options.heads,
      neurons: options.neurons,
      lens: options.lens,
      ablate: options.ablate,
      ablateMode: options.ablateMode,
      difference: options.diff,
    });
    process.stdout.write(
      options.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatReport(result)}\n`,
    );
    if (options.png) await writeCharts(result, options.png);
    return 0;
  } finally {
    await model.release();
  }
}

/** `steve.png` → `steve.heads.png`. */
function besidePng(path: string, kind: string): string {
  return path.endsWith(".png")
    ? `${path.slice(0, -4)}.${kind}.png`
    : `${path}.${kind}.png`;
}

async function writeCharts(result: AttributionResult, path: string): Promise<void> {
  const target = result.targets.find((t) => t.source !== "top") ?? result.targets[0];
  const charts: [string, () => Promise<Buffer>][] = [
    [path, () => renderLayerChartPng(result, target)],
  ];
  if (result.heads) {
    charts.push([
      besidePng(path, "heads"),
      () => renderHeadHeatmapPng(result, target?.tokenId),
    ]);
  }
  if (result.neurons) {
    charts.push([
      besidePng(path, "neurons"),
      () => renderNeuronChartPng(result, target?.tokenId),
    ]);
  }
  if (result.lens)
    charts.push([besidePng(path, "lens"), () => renderLensChartPng(result)]);
  for (const [file, render] of charts) {
    await writeFile(file, await render());
    process.stderr.write(`attrib: wrote the chart to ${file}\n`);
  }
}

let env: CliEnv;
try {
  env = loadEnv();
} catch (error) {
  process.stderr.write(
    `attrib: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(EXIT_USAGE);
}

try {
  process.exitCode = await run(process.argv.slice(2), env);
} catch (error) {
  if (isAttribError(error)) {
    process.stderr.write(`attrib: ${error.message}\n`);
    process.exitCode = error.code === "INVALID_OPTION" ? EXIT_USAGE : EXIT_FAILURE;
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`attrib: unexpected failure: ${message}\n`);
    if (env.ATTRIB_DEBUG && error instanceof Error) {
      process.stderr.write(`${error.stack ?? ""}\n`);
    }
    process.exitCode = EXIT_FAILURE;
  }
}
