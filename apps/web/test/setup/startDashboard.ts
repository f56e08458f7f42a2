/**
 * Vitest global setup of the web suite: a migrated database of its own with
 * real analyses, an empty Redis index, the app built once and served by
 * `next start` on a loopback port, and a real worker on the same queue.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";

import { prepareDatabase } from "@attrib/store";
import { Redis } from "ioredis";
// Brings vitest's module into scope, so that the augmentation below extends it.
import type {} from "vitest";
import type { TestProject } from "vitest/node";

import { type RunningProcess, runNode, startNode } from "../support/childProcess.ts";
import { modelsDir, repositoryRoot, testOutput, webRoot } from "../support/paths.ts";
import { unusedPort } from "../support/unusedPort.ts";
import {
  TEST_AUTH_SECRET,
  TEST_DELETION_SECRET,
  TEST_RATE_LIMIT,
  WEB_DATABASE_URL,
  WEB_REDIS_URL,
} from "../support/webServices.ts";
import { type SeededAnalysis, seedAnalyses } from "./seedAnalyses.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** e.g. http://127.0.0.1:41234, without a trailing slash. */
    dashboardUrl: string;
    seeded: SeededAnalysis[];
    /** Accounts made with `npm run admin -- add-operator`, and their passwords. */
    accounts: TestAccounts;
  }
}

export interface TestAccount {
  email: string;
  password: string;
}

export interface TestAccounts {
  operator: TestAccount;
  /** An account whose operator role was taken away. */
  former: TestAccount;
}

const NEXT = `${repositoryRoot}node_modules/next/dist/bin/next`;
const WORKER = `${repositoryRoot}apps/worker/bin/worker.js`;
const ADMIN = `${repositoryRoot}apps/admin/bin/admin.js`;

/**
 * Set ATTRIB_WEB_TEST_REUSE_BUILD=1 to skip `next build` while changing
 * tests only; the suite builds by default so it always tests the sources.
 */
const reuseBuild = process.env.ATTRIB_WEB_TEST_REUSE_BUILD === "1";

async function resetRedis(): Promise<void> {
  const redis = new Redis(WEB_REDIS_URL);
  await redis.flushdb();
  redis.disconnect();
}

async function build(): Promise<void> {
  if (reuseBuild && existsSync(`${webRoot}.next/BUILD_ID`)) return;
  const output = await runNode([NEXT, "build", "--webpack"], {
    cwd: webRoot,
    env: { NEXT_TELEMETRY_DISABLED: "1" },
  });
  await writeFile(`${testOutput}next-build.log`, output);
}

/** Runs `npm run admin -- …` against the suite's database. */
function admin(...args: string[]): Promise<string> {
  return runNode([ADMIN, ...args], {
    cwd: repositoryRoot,
    env: { DATABASE_URL: WEB_DATABASE_URL, WEB_AUTH_SECRET: TEST_AUTH_SECRET },
  });
}

/** The password add-operator prints on its last line. */
async function addOperator(email: string): Promise<TestAccount> {
  const output = await admin("add-operator", email);
  const password = output.trim().split("\n").at(-1) ?? "";
  return { email, password };
}

async function createAccounts(): Promise<TestAccounts> {
  const operator = await addOperator("ops@example.org");
  const former = await addOperator("former@example.org");
  await admin("remove-operator", former.email);
  return { operator, former };
}

export default async function startDashboard(project: TestProject) {
  await mkdir(testOutput, { recursive: true });
  await prepareDatabase({ databaseUrl: WEB_DATABASE_URL });
  await resetRedis();
  const seeded = await seedAnalyses();
  const accounts = await createAccounts();
  await build();

  const port = await unusedPort();
  const dashboardUrl = `http://127.0.0.1:${port}`;
  const processes: RunningProcess[] = [];
  const stopAll = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await writeFile(
      `${testOutput}services.log`,
      processes.map((p) => p.output()).join("\n----\n"),
    );
  };

  try {
    const worker = startNode([WORKER], {
      cwd: repositoryRoot,
      env: {
        REDIS_URL: WEB_REDIS_URL,
        DATABASE_URL: WEB_DATABASE_URL,
        ATTRIB_MODELS_DIR: modelsDir,
        DASHBOARD_URL: dashboardUrl,
        WORKER_NAME: "web-test-worker",
      },
    });
    processes.push(worker);
    const web = startNode([NEXT, "start", "-H", "127.0.0.1", "-p", String(port)], {
      cwd: webRoot,
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: WEB_DATABASE_URL,
        REDIS_URL: WEB_REDIS_URL,
        ATTRIB_MODELS_DIR: modelsDir,
        PUBLIC_URL: dashboardUrl,
        WEB_RATE_LIMIT_COUNT: String(TEST_RATE_LIMIT),
        WEB_RATE_LIMIT_WINDOW_S: "600",
        WEB_STATISTICS_CACHE_S: "0",
        WEB_AUTH_SECRET: TEST_AUTH_SECRET,
        WEB_SIGN_IN_LIMIT: "100",
        ATTRIB_DELETION_SECRET: TEST_DELETION_SECRET,
      },
    });
    processes.push(web);
    await Promise.all([worker.waitFor("worker.ready"), web.waitFor("Ready in")]);
  } catch (error) {
    await stopAll();
    throw error;
  }

  project.provide("dashboardUrl", dashboardUrl);
  project.provide("seeded", seeded);
  project.provide("accounts", accounts);
  return stopAll;
}
