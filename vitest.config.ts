import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/test/**/*.test.ts", "apps/*/test/**/*.test.ts"],
          exclude: [
            "packages/*/test/tiny/**",
            "packages/store/test/**",
            "apps/bot/test/**",
            "apps/web/test/**",
            "packages/study/test/**",
            "apps/study/test/**",
          ],
        },
      },
      {
        test: {
          name: "tiny",
          include: ["packages/*/test/tiny/**/*.test.ts"],
          globalSetup: ["test/setup/buildTinyModels.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "reference",
          include: ["test/reference/**/*.test.ts", "test/cli/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "bot",
          include: ["apps/bot/test/**/*.test.ts"],
          globalSetup: ["apps/bot/test/setup/prepareBotTestDatabase.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "store",
          include: ["packages/store/test/**/*.test.ts"],
          globalSetup: ["packages/store/test/setup/prepareTestDatabase.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // The dashboard in a real browser: builds the app once, serves it
          // with a worker, PostgreSQL and Redis of its own (apps/web/test).
          name: "web",
          include: ["apps/web/test/**/*.test.ts"],
          globalSetup: ["apps/web/test/setup/startDashboard.ts"],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // The final-MLP study: its statistics on constructed data, and the
          // study command against a database of its own, the tiny models and
          // the installed default model (an interrupted run, a small report).
          name: "study",
          include: ["packages/study/test/**/*.test.ts", "apps/study/test/**/*.test.ts"],
          globalSetup: [
            "test/setup/buildTinyModels.ts",
            "apps/study/test/setup/prepareStudyDatabase.ts",
          ],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/setup/prepareE2e.ts"],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
