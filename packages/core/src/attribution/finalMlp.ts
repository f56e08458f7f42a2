import type { AttributionResult, ContributionSet } from "./types.ts";

/** Index of the last layer's MLP among the components, or -1. */
export function finalMlpIndex(result: Pick<AttributionResult, "components">): number {
  let index = -1;
  let lastLayer = -1;
  result.components.forEach((component, i) => {
    if (component.kind === "mlp" && (component.layer ?? -1) >= lastLayer) {
      lastLayer = component.layer ?? -1;
      index = i;
    }
  });
  return index;
}

export interface ComponentShare {
  value: number;
  signedShare: number | null;
  absoluteShare: number;
}

/** One component's value and shares within a split. */
export function shareOf(set: ContributionSet, index: number): ComponentShare {
  return {
    value: set.values[index] ?? NaN,
    signedShare: set.signedShares?.[index] ?? null,
    absoluteShare: set.absoluteShares[index] ?? NaN,
  };
}
