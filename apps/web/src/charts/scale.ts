/** A linear map from a data interval onto a pixel interval. */
export interface LinearScale {
  (value: number): number;
  domain: readonly [number, number];
  ticks: number[];
}

/** Round steps (1, 2 or 5 times a power of ten) about `count` apart over [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const span = max - min;
  if (!(span > 0)) return [min];
  const rough = span / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  const ticks: number[] = [];
  for (let tick = Math.ceil(min / step) * step; tick <= max + step * 1e-9; tick += step) {
    ticks.push(Math.abs(tick) < step * 1e-9 ? 0 : Number(tick.toPrecision(12)));
  }
  return ticks;
}

/**
 * A scale whose domain covers the values and zero, widened to round ticks,
 * mapped onto [rangeStart, rangeEnd] (for a y axis, bottom to top).
 */
export function linearScale(
  values: readonly number[],
  rangeStart: number,
  rangeEnd: number,
  tickCount = 5,
): LinearScale {
  const finite = values.filter(Number.isFinite);
  let low = Math.min(0, ...finite);
  let high = Math.max(0, ...finite);
  if (low === high) high = low + 1;
  const ticks = niceTicks(low, high, tickCount);
  const step = ticks.length > 1 ? (ticks[1] ?? 0) - (ticks[0] ?? 0) : 0;
  if (step > 0) {
    low = Math.min(low, Math.floor(low / step) * step);
    high = Math.max(high, Math.ceil(high / step) * step);
  }
  const scale = (value: number) =>
    rangeStart + ((value - low) / (high - low)) * (rangeEnd - rangeStart);
  return Object.assign(scale, {
    domain: [low, high] as const,
    ticks: niceTicks(low, high, tickCount),
  });
}
