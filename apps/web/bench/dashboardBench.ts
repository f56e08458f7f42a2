/**
 * How fast the dashboard answers with a large store: server response times
 * (p50/p95 over repeated requests on loopback) of the list, one analysis,
 * its preview image and the statistics, and the time of each store call
 * those pages make. A benchmark, not a test: it prints numbers.
 *
 *   npm run bench:web                 # 10,000 analyses
 *   npm run bench:web -- 2000 20      # 2,000 analyses, 20 requests per route
 *
 * It uses a database of its own (attrib_web_bench) and the app as last
 * built (`npm run web:build`), building it first if there is no build.
 */
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";

import { AttributionModel } from "@attrib/core";
import { createDashboardStore, createStore, prepareDatabase } from "@attrib/store";
import pg from "pg";

import { runNode, startNode } from "../test/support/childProcess.ts";
import { modelsDir, repositoryRoot, TEST_MODEL, webRoot } from "../test/support/paths.ts";
import { unusedPort } from "../test/support/unusedPort.ts";
import { cloneAnalyses } from "./cloneAnalyses.ts";

const DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/attrib_web_bench";
const NEXT = `${repositoryRoot}node_modules/next/dist/bin/next`;
const PROMPTS = [
  "Steve",
  "The capital of France is",
  "Once upon a time",
  "The Eiffel Tower is in",
  "My favourite colour is",
  "The quick brown fox",
  "In 1969, the first person to walk on the Moon was",
  "import numpy as",
  "The opposite of hot is",
  "Water boils at 100 degrees",
];

const [total = 10_000, repeats = 40] = process.argv.slice(2).map(Number);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

async function timeIt(run: () => Promise<unknown>, times: number) {
  for (let i = 0; i < 3; i++) await run();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 0.5), p95: percentile(ms, 0.95) };
}

async function seed(): Promise<void> {
  await prepareDatabase({ databaseUrl: DATABASE_URL });
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query("TRUNCATE analysis, installed_model CASCADE");
  await client.end();
  const model = await AttributionModel.load(TEST_MODEL, { modelsDir });
  const store = createStore({ databaseUrl: DATABASE_URL });
  for (const text of PROMPTS) {
    await store.saveAnalysis(await model.analyze(text, { k: 5 }), { platform: "cli" });
  }
  await Promise.all([model.release(), store.close()]);
  await cloneAnalyses(DATABASE_URL, total);
}

function row(name: string, time: { p50: number; p95: number }, queries: string): string {
  const ms = (value: number) => value.toFixed(1).padStart(8);
  return `${name.padEnd(34)} ${ms(time.p50)} ${ms(time.p95)}   ${queries}`;
}

async function main(): Promise<void> {
  console.log(`seeding ${total} analyses …`);
  await seed();
  if (!existsSync(`${webRoot}.next/BUILD_ID`)) {
    console.log("building the dashboard …");
    await runNode([NEXT, "build", "--webpack"], { cwd: webRoot, env: {} });
  }

  const dashboard = createDashboardStore({ databaseUrl: DATABASE_URL });
  const [newest] = (await dashboard.browseAnalyses({ pageSize: 1 })).items;
  const id = newest?.id ?? "";
  const port = await unusedPort();
  const base = `http://127.0.0.1:${port}`;
  const web = startNode([NEXT, "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: webRoot,
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL,
      PUBLIC_URL: base,
      ATTRIB_MODELS_DIR: modelsDir,
      WEB_STATISTICS_CACHE_S: "600",
    },
  });
  try {
    await web.waitFor("Ready in");
    const get = (path: string) => async () => {
      const response = await fetch(`${base}${path}`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    };
    const coldStart = performance.now();
    await get("/statistics")();
    const cold = performance.now() - coldStart;
    console.log(`\n${total} analyses, ${repeats} requests each (ms)`);
    console.log(`${"server response".padEnd(34)}      p50      p95   store calls`);
    const routes: [string, string, string][] = [
      ["list, page 1", "/", "listModels, browseAnalyses (count + page)"],
      ["list, page 250", "/?page=250", "listModels, browseAnalyses (count + page)"],
      ["list, search", "/?search=capital", "listModels, browseAnalyses (count + page)"],
      ["analysis page", `/analyses/${id}`, "findAnalysis (once per request)"],
      ["preview image (PNG)", `/analyses/${id}/opengraph-image`, "findAnalysis"],
      ["statistics (cached)", "/statistics", "none while cached; then readStatistics"],
      ["JSON list", "/api/analyses", "listModels, browseAnalyses"],
    ];
    console.log(
      row(
        "statistics, first request",
        { p50: cold, p95: cold },
        "readStatistics (5 queries)",
      ),
    );
    for (const [name, path, queries] of routes) {
      console.log(row(name, await timeIt(get(path), repeats), queries));
    }

    console.log(`\n${"store call, in process".padEnd(34)}      p50      p95`);
    const calls: [string, () => Promise<unknown>][] = [
      ["listModels", () => dashboard.listModels()],
      ["browseAnalyses page 1", () => dashboard.browseAnalyses({})],
      ["browseAnalyses page 250", () => dashboard.browseAnalyses({ page: 250 })],
      ["browseAnalyses search", () => dashboard.browseAnalyses({ search: "capital" })],
      ["findAnalysis", () => dashboard.findAnalysis(id)],
      ["readStatistics", () => dashboard.readStatistics()],
    ];
    for (const [name, call] of calls) {
      console.log(row(name, await timeIt(call, Math.min(repeats, 20)), ""));
    }
  } finally {
    await Promise.all([web.stop(), dashboard.close()]);
  }
}

await main();
