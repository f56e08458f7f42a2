import { type GroupStatistics, type MethodStatistics, shareMethods } from "@attrib/study";

/** A group's method statistics in the order of `shareMethods`. */
export function methodsOf(group: GroupStatistics): MethodStatistics[] {
  return shareMethods.map((method) => group.finalMlp[method]);
}

/** "weight-tied", "untied" or "mixed". */
export function tyingLabel(tied: boolean | null): string {
  if (tied === null) return "mixed";
  return tied ? "weight-tied" : "untied";
}
