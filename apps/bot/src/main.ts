import { type BotEnv, loadEnv, secretsOf } from "./env.ts";
import { createLogger, describeError } from "./logging/Logger.ts";
import { startBot } from "./startBot.ts";

const EXIT_CONFIG = 2;
/** Replies in flight get this long to be posted when the bot is stopped. */
const STOP_TIMEOUT_MS = 20_000;

let env: BotEnv;
try {
  env = loadEnv();
} catch (error) {
  createLogger({ service: "bot" })("error", "bot.invalid_environment", {
    error: describeError(error),
  });
  process.exit(EXIT_CONFIG);
}

const log = createLogger({ service: "bot", secrets: secretsOf(env) });
const bot = await startBot(env, log);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log("info", "bot.stopping", { signal });
  const forced = setTimeout(() => {
    log("error", "bot.stop_timed_out", { afterMs: STOP_TIMEOUT_MS });
    process.exit(1);
  }, STOP_TIMEOUT_MS);
  await bot.close();
  clearTimeout(forced);
  log("info", "bot.stopped", {});
  // A connection still retrying an unreachable service must not keep the
  // process alive after everything was closed.
  process.exit(0);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void stop(signal));
}
process.on("unhandledRejection", (reason) => {
  log("error", "bot.unhandled_rejection", { error: describeError(reason) });
});
