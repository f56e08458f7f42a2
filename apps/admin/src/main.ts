import { createOperatorAuth, type OperatorAuth } from "@attrib/auth";
import { createModerationStore, type ModerationStore } from "@attrib/store";

import { loadEnv } from "./env.ts";
import { runCommand } from "./runCommand.ts";

const env = loadEnv();
let store: (ModerationStore & { close(): Promise<void> }) | undefined;
let auth: OperatorAuth | undefined;

try {
  await runCommand(process.argv.slice(2), {
    store: () => (store ??= createModerationStore({ databaseUrl: env.databaseUrl })),
    auth: () =>
      (auth ??= createOperatorAuth({
        databaseUrl: env.databaseUrl,
        secret: env.authSecret,
        publicUrl: env.publicUrl,
      })),
    print: (text) => process.stdout.write(`${text}\n`),
  });
} catch (error) {
  process.stderr.write(
    `admin: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
} finally {
  await Promise.allSettled([store?.close(), auth?.close()]);
}
