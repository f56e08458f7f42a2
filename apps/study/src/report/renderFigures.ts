import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

import { renderPng } from "@attrib/core";
import type { StudyStatistics } from "@attrib/study";

import {
  INTERVALS_WIDTH,
  medianIntervalsChart,
  medianIntervalsHeight,
} from "./charts/medianIntervalsChart.ts";
import {
  HISTOGRAMS_HEIGHT,
  HISTOGRAMS_WIDTH,
  shareHistogramsChart,
} from "./charts/shareHistogramsChart.ts";
import type { ReportFigures } from "./reportInput.ts";

/** Folder beside the report that holds its figures. */
export const FIGURES_FOLDER = "study";

/**
 * Renders the report's figures as PNG into `<reportDir>/study/`: the
 * headline medians per model (and per kind, when tied and untied models are
 * both present), and each model's histograms of signed and absolute shares.
 *
 * @returns their paths relative to the report
 */
export async function renderFigures(
  statistics: StudyStatistics,
  reportDir: string,
): Promise<ReportFigures> {
  await mkdir(join(reportDir, FIGURES_FOLDER), { recursive: true });
  const write = async (name: string, png: Buffer) => {
    await writeFile(join(reportDir, FIGURES_FOLDER, name), png);
    return `${FIGURES_FOLDER}/${name}`;
  };

  const groups =
    statistics.byTying.length > 1
      ? [...statistics.byModel, ...statistics.byTying]
      : statistics.byModel;
  const headline = await write(
    "final-mlp-medians.png",
    await renderPng(medianIntervalsChart(groups), {
      width: INTERVALS_WIDTH,
      height: medianIntervalsHeight(groups.length),
    }),
  );

  const perModel: ReportFigures["perModel"] = new Map();
  const size = { width: HISTOGRAMS_WIDTH, height: HISTOGRAMS_HEIGHT };
  for (const group of statistics.byModel) {
    perModel.set(group.label, {
      signed: await write(
        `${group.label}-signed-shares.png`,
        await renderPng(shareHistogramsChart(group, "signed"), size),
      ),
      absolute: await write(
        `${group.label}-absolute-shares.png`,
        await renderPng(shareHistogramsChart(group, "absolute"), size),
      ),
    });
  }
  return { headline, perModel };
}
