import type { ShareMethod } from "@attrib/study";

/** Colours of the report's figures, by method, readable on white. */
export const methodColors: Record<ShareMethod, string> = {
  rough: "#6b7280",
  raw: "#ea580c",
  centered: "#2563eb",
  difference: "#16a34a",
};

export const chartColors = {
  text: "#111827",
  muted: "#6b7280",
  axis: "#d1d5db",
  marker: "#111827",
  background: "#ffffff",
} as const;
