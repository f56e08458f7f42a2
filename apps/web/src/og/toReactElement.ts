import type { ChartElement, ChartNode } from "@attrib/core";
import { createElement, type ReactElement, type ReactNode } from "react";

function toReactNode(node: ChartNode): ReactNode {
  return typeof node === "string" ? node : toReactElement(node);
}

/**
 * Core's chart is a plain element tree in satori's shape; the image
 * response wants React elements, so each node is created as one.
 */
export function toReactElement(element: ChartElement): ReactElement {
  const { style, children } = element.props;
  const kids =
    children === undefined ? [] : Array.isArray(children) ? children : [children];
  return createElement(element.type, { style }, ...kids.map(toReactNode));
}
