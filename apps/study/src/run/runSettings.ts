import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";

import type { AblationMode } from "@attrib/core";
import { z } from "zod";

import { StudyCliError } from "../errors/StudyCliError.ts";
import type { RunPaths } from "./runPaths.ts";

/** What every analysis of a run shares; fixed when the run starts. */
export interface RunSettings {
  seed: number;
  /** How many top tokens each analysis attributes. */
  k: number;
  /** How the final MLP is removed for its total effect, in order. */
  ablationModes: AblationMode[];
}

const settingsSchema = z.object({
  seed: z.number().int(),
  k: z.number().int().min(1),
  ablationModes: z.array(z.enum(["zero", "mean"])),
  startedAt: z.string(),
});

/**
 * Records a new run's settings, or checks that a run being resumed was
 * started with the same ones: a run's analyses must all be comparable.
 *
 * @throws {@link StudyCliError} RUN_MISMATCH naming the setting that
 * differs, RUN_CORRUPT for an unreadable run.json
 */
export async function settleRunSettings(
  paths: RunPaths,
  settings: RunSettings,
): Promise<{ resumed: boolean }> {
  if (!existsSync(paths.config)) {
    const record = { ...settings, startedAt: new Date().toISOString() };
    await writeFile(paths.config, `${JSON.stringify(record, null, 2)}\n`);
    return { resumed: false };
  }
  const stored = await readRunSettings(paths);
  const differs = (["seed", "k", "ablationModes"] as const).find(
    (key) => JSON.stringify(stored[key]) !== JSON.stringify(settings[key]),
  );
  if (differs) {
    throw new StudyCliError(
      "RUN_MISMATCH",
      `run folder ${paths.dir} was started with ${differs} ` +
        `${JSON.stringify(stored[differs])}, not ${JSON.stringify(settings[differs])}: ` +
        "resume it with the same settings, or start another run with --run NAME",
    );
  }
  return { resumed: true };
}

/**
 * The settings a run was started with.
 *
 * @throws {@link StudyCliError} NOTHING_STORED when the run was never
 * started, RUN_CORRUPT for an unreadable run.json
 */
export async function readRunSettings(paths: RunPaths): Promise<RunSettings> {
  const text = await readFile(paths.config, "utf8").catch(() => null);
  if (text === null) {
    throw new StudyCliError(
      "NOTHING_STORED",
      `no run at ${paths.dir}: start it with \`npm run study -- run\` ` +
        "(with the same --run and --seed)",
    );
  }
  const parsed = settingsSchema.safeParse(parseJson(text));
  if (!parsed.success) {
    throw new StudyCliError(
      "RUN_CORRUPT",
      `${paths.config} is not a run's settings (${parsed.error.issues[0]?.message ?? ""}); ` +
        "start another run with --run NAME",
    );
  }
  return parsed.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
