import type { PromptGraphOutputs } from "./attributeTargets.ts";
import type { DetailTarget, LayerComponents } from "./detailTargets.ts";
import type { NeuronAttribution, TargetNeurons } from "./types.ts";

interface NeuronLayout {
  nLayers: number;
  dMlp: number;
  /** D, the detail axis of the graph's outputs. */
  nDetail: number;
}

/**
 * Each target's strongest MLP neurons over all layers, and how exactly the
 * neurons of each layer add up to its MLP contribution.
 *
 * @param outputs - one prompt's graph outputs, with detail columns
 * @param targets - the reported targets and their detail columns
 * @param top - how many neurons to list each way
 */
export function neuronAttribution(
  outputs: PromptGraphOutputs,
  layout: NeuronLayout,
  layers: LayerComponents,
  targets: DetailTarget[],
  top: number,
): NeuronAttribution {
  const perTarget = targets.map((detailTarget) =>
    targetNeurons(outputs, layout, layers, detailTarget, top),
  );
  return {
    dMlp: layout.dMlp,
    targets: perTarget,
    sumError: Math.max(0, ...perTarget.map((t) => t.sumError)),
  };
}

/** Keeps the `size` entries of largest `score`, best first, without sorting them all. */
class Leaderboard {
  readonly entries: { index: number; score: number }[] = [];

  constructor(private readonly size: number) {}

  offer(index: number, score: number): void {
    if (!(score > 0)) return;
    const full = this.entries.length >= this.size;
    if (full && score <= (this.entries.at(-1)?.score ?? Infinity)) return;
    const at = this.entries.findIndex((entry) => score > entry.score);
    this.entries.splice(at < 0 ? this.entries.length : at, 0, { index, score });
    if (this.entries.length > this.size) this.entries.pop();
  }
}

function targetNeurons(
  outputs: PromptGraphOutputs,
  { nLayers, dMlp, nDetail }: NeuronLayout,
  layers: LayerComponents,
  { target, detail }: DetailTarget,
  top: number,
): TargetNeurons {
  const raising = new Leaderboard(top);
  const lowering = new Leaderboard(top);
  let sumError = 0;
  for (let layer = 0; layer < nLayers; layer++) {
    let sum = 0;
    for (let neuron = 0; neuron < dMlp; neuron++) {
      const index = layer * dMlp + neuron;
      const value = outputs.neuronContributions[index * nDetail + detail] ?? NaN;
      sum += value;
      raising.offer(index, value);
      lowering.offer(index, -value);
    }
    const mlp = target.raw.values[layers.mlp[layer] ?? -1] ?? NaN;
    sumError = Math.max(sumError, Math.abs(sum - mlp));
  }

  const entry = ({ index, score }: { index: number; score: number }, sign: number) => ({
    layer: Math.floor(index / dMlp),
    neuron: index % dMlp,
    activation: outputs.neuronActivations[index] ?? NaN,
    value: sign * score,
  });
  const { tokenId, token } = target;
  return {
    tokenId,
    token,
    top: {
      positive: raising.entries.map((e) => entry(e, 1)),
      negative: lowering.entries.map((e) => entry(e, -1)),
    },
    sumError,
  };
}
