import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";

import { fontCoverage } from "./fontCoverage.ts";

export interface ChartFont {
  name: "Inter";
  data: ArrayBuffer;
  weight: 400 | 700;
  style: "normal";
}

export interface ChartFonts {
  fonts: ChartFont[];
  /** Code points every weight can draw. */
  covered: ReadonlySet<number>;
}

/** Inter's subsets that core's chart is drawn with, and the scripts prompts most often use. */
const SUBSETS = [
  "latin",
  "latin-ext",
  "greek",
  "greek-ext",
  "cyrillic",
  "cyrillic-ext",
  "vietnamese",
] as const;
const WEIGHTS = [400, 700] as const;

/**
 * Finds a font file as Node finds a package, in the node_modules folders
 * from the app's folder (where `next start` runs) upwards. The bundler must
 * not see this lookup: it would turn a resolved path into a module id.
 */
function fontPath(subset: string, weight: number): string {
  const file = join("@fontsource/inter/files", `inter-${subset}-${weight}-normal.woff`);
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", file);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) {
      throw new Error(`${file} is not installed (run npm install in the repository)`);
    }
  }
}

async function loadFonts(): Promise<ChartFonts> {
  const files = await Promise.all(
    WEIGHTS.flatMap((weight) =>
      SUBSETS.map(async (subset) => ({
        weight,
        data: await readFile(fontPath(subset, weight)),
      })),
    ),
  );
  const byWeight = WEIGHTS.map((weight) => {
    const covered = new Set<number>();
    for (const file of files.filter((f) => f.weight === weight)) {
      for (const code of fontCoverage(file.data)) covered.add(code);
    }
    return covered;
  });
  const [regular = new Set<number>(), bold = new Set<number>()] = byWeight;
  return {
    fonts: files.map((file) => ({
      name: "Inter",
      data: new Uint8Array(file.data).buffer,
      weight: file.weight,
      style: "normal",
    })),
    covered: new Set([...regular].filter((code) => bold.has(code))),
  };
}

let loaded: Promise<ChartFonts> | undefined;

/** Inter in both weights, read once per process; a failed read is tried again next time. */
export function chartFonts(): Promise<ChartFonts> {
  loaded ??= loadFonts().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}
