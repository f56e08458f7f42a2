import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

import { Resvg } from "@resvg/resvg-js";
import satori from "satori";

import { AttribError } from "../errors/AttribError.ts";
import type { ChartElement } from "./element.ts";

const require = createRequire(import.meta.url);

interface ChartFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: "normal";
}

let fonts: Promise<ChartFont[]> | undefined;

/** Inter's subsets that prompts most often need; satori falls back across them. */
const SUBSETS = ["latin", "latin-ext", "greek", "cyrillic"] as const;

function loadFonts(): Promise<ChartFont[]> {
  const load = async (subset: string, weight: 400 | 700): Promise<ChartFont> => {
    const file = `@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`;
    return {
      name: "Inter",
      data: await readFile(require.resolve(file)),
      weight,
      style: "normal",
    };
  };
  fonts ??= Promise.all(
    SUBSETS.flatMap((subset) => [load(subset, 400), load(subset, 700)]),
  );
  return fonts;
}

/**
 * Renders an element tree to SVG text with satori.
 *
 * @param element - the chart
 * @param size - pixel width and height
 */
export async function renderSvg(
  element: ChartElement,
  size: { width: number; height: number },
): Promise<string> {
  try {
    // satori types its input as React's ReactNode, which is `any` unless
    // @types/react is installed (apps/web installs it); the element tree is
    // the plain-object form satori reads either way.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    return await satori(element as unknown as Parameters<typeof satori>[0], {
      ...size,
      fonts: await loadFonts(),
    });
  } catch (cause) {
    throw new AttribError(
      "CHART_FAILED",
      `the chart could not be laid out: ${String(cause)}`,
      {
        cause,
      },
    );
  }
}

/**
 * Renders an element tree to a PNG image.
 *
 * @param element - the chart
 * @param size - pixel width and height
 */
export async function renderPng(
  element: ChartElement,
  size: { width: number; height: number },
): Promise<Buffer> {
  const svg = await renderSvg(element, size);
  return new Resvg(svg, { fitTo: { mode: "width", value: size.width } }).render().asPng();
}
