import type { ChartElement, ChartNode } from "@attrib/core";

/**
 * One element of a satori tree; every div says its display (satori needs
 * it), flex unless the style says otherwise.
 */
export function h(
  style: Record<string, string | number>,
  children: ChartNode | ChartNode[] = [],
): ChartElement {
  return { type: "div", props: { style: { display: "flex", ...style }, children } };
}
