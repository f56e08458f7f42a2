/**
 * A minimal element tree in the shape satori and @vercel/og accept
 * (`{ type, props: { style, children } }`), so charts need no JSX runtime.
 */
export interface ChartElement {
  type: string;
  props: {
    style?: Record<string, string | number>;
    children?: ChartNode | ChartNode[];
  };
}

export type ChartNode = ChartElement | string;

/** Builds one element; satori needs every div to say its display, so flex is the default. */
export function h(
  type: string,
  style: Record<string, string | number>,
  children: ChartNode | ChartNode[] = [],
): ChartElement {
  return { type, props: { style: { display: "flex", ...style }, children } };
}
