import type { AttributionResult, ContributionSet, TargetAttribution } from "@attrib/core";

import { StoreError } from "../errors/StoreError.ts";
import { checkFinite, checkInteger, checkText } from "../validation/checkValue.ts";
import { splitFromColumns, splitSummary } from "./storedSplit.ts";

const componentKinds = new Set(["embed", "attn", "mlp", "bias"]);
const targetSources = new Set(["top", "named", "top+named"]);

/**
 * Checks that a result can be stored and read back unchanged: finite
 * numbers, one value per component, text PostgreSQL can hold, and shares
 * that follow from the values (only values and totals are stored).
 *
 * @throws {@link StoreError} INVALID_INPUT naming the first bad field
 */
export function checkAttributionResult(result: AttributionResult): void {
  checkModel(result.model);
  checkText(result.prompt.text, "prompt.text");
  checkPromptTokens(result.prompt);
  result.components.forEach((component, i) => {
    checkText(component.name, `components[${i}].name`);
    if (!componentKinds.has(component.kind)) {
      invalid(
        `components[${i}].kind is ${JSON.stringify(component.kind)}; ` +
          "it must be embed, attn, mlp or bias",
      );
    }
    if (component.layer !== null) {
      checkInteger(component.layer, `components[${i}].layer`, 0);
    }
  });
  checkFinite(result.finalNormScale, "finalNormScale");
  checkFinite(result.identityError, "identityError");
  Object.entries(result.timings).forEach(([name, ms]) =>
    checkFinite(ms, `timings.${name}`),
  );
  checkTargets(result);
  checkTopDifference(result);
}

function checkModel(model: AttributionResult["model"]): void {
  checkText(model.name, "model.name", 1);
  checkText(model.displayName, "model.displayName", 1);
  checkText(model.architecture, "model.architecture", 1);
  checkInteger(model.nLayers, "model.nLayers", 1);
  if (model.finalLogitSoftcap !== null) {
    checkFinite(model.finalLogitSoftcap, "model.finalLogitSoftcap");
  }
}

function checkPromptTokens(prompt: AttributionResult["prompt"]): void {
  if (prompt.tokenIds.length !== prompt.tokens.length) {
    invalid(
      `prompt has ${prompt.tokenIds.length} token ids but ` +
        `${prompt.tokens.length} token strings; give one string per id`,
    );
  }
  prompt.tokenIds.forEach((id, i) => checkInteger(id, `prompt.tokenIds[${i}]`, 0));
  prompt.tokens.forEach((token, i) => checkText(token, `prompt.tokens[${i}]`));
}

function checkTargets(result: AttributionResult): void {
  if (result.targets.length === 0) {
    invalid("the result has no targets; give at least one");
  }
  if (result.components.length === 0) {
    invalid("the result has no components; give at least one");
  }
  result.targets.forEach((target, i) =>
    checkTarget(target, `targets[${i}]`, result.components.length),
  );
}

function checkTarget(target: TargetAttribution, path: string, nComponents: number): void {
  checkInteger(target.tokenId, `${path}.tokenId`, 0);
  checkText(target.token, `${path}.token`);
  checkInteger(target.rank, `${path}.rank`, 1);
  checkFinite(target.logit, `${path}.logit`);
  checkFinite(target.probability, `${path}.probability`);
  checkFinite(target.identityError, `${path}.identityError`);
  if (!targetSources.has(target.source)) {
    invalid(
      `${path}.source is ${JSON.stringify(target.source)}; it must be top, named or top+named`,
    );
  }
  checkSplit(target.raw, `${path}.raw`, "raw", nComponents);
  checkSplit(target.centered, `${path}.centered`, "centered", nComponents);
  checkSplit(target.rough, `${path}.rough`, "rough", nComponents);
}

function checkTopDifference(result: AttributionResult): void {
  const difference = result.topDifference;
  if (difference === null) return;
  const { positive, negative } = difference;
  if (!result.targets.some((target) => target.tokenId === positive.tokenId)) {
    invalid(
      `topDifference.positive is token ${positive.tokenId}, which is not ` +
        "among the targets; it must be one of them (the top-1 target)",
    );
  }
  checkInteger(negative.tokenId, "topDifference.negative.tokenId", 0);
  checkText(negative.token, "topDifference.negative.token");
  checkSplit(
    difference.attribution,
    "topDifference.attribution",
    "difference",
    result.components.length,
  );
}

function checkSplit(
  set: ContributionSet,
  path: string,
  method: ContributionSet["method"],
  nComponents: number,
): void {
  if (set.method !== method) {
    invalid(`${path}.method is ${set.method}; it must be ${method}`);
  }
  if (set.values.length !== nComponents) {
    invalid(
      `${path}.values has ${set.values.length} values but there are ` +
        `${nComponents} components; give one value per component`,
    );
  }
  set.values.forEach((value, i) => checkFinite(value, `${path}.values[${i}]`));
  checkFinite(set.total, `${path}.total`);
  checkFinite(set.positiveMass, `${path}.positiveMass`);
  checkFinite(set.negativeMass, `${path}.negativeMass`);
  checkShares(set, path);
}

/** The store keeps values and totals only; shares must follow from them exactly. */
function checkShares(set: ContributionSet, path: string): void {
  const rebuilt = splitFromColumns(set.method, set.values, splitSummary(set));
  const pairs: [string, number[] | null, number[] | null][] = [
    ["signedShares", set.signedShares, rebuilt.signedShares],
    ["absoluteShares", set.absoluteShares, rebuilt.absoluteShares],
  ];
  for (const [name, given, expected] of pairs) {
    const i = (given ?? []).findIndex((share, j) => share !== expected?.[j]);
    if (given?.length !== expected?.length || i >= 0) {
      invalid(
        `${path}.${name}${i >= 0 ? `[${i}]` : ""} does not follow from ` +
          "the values and totals as core computes it (value / total, |value| / " +
          "absolute mass); the store keeps only values and totals",
      );
    }
  }
}

function invalid(message: string): never {
  throw new StoreError("INVALID_INPUT", `cannot store the analysis: ${message}`);
}
