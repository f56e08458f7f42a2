import type { NeuronContribution } from "../../analysis/chartTypes.ts";
import { formatSigned } from "../../format/numbers.ts";

/** The neurons that wrote most into the logit, both ways; of one layer when a layer is picked. */
export function TopNeurons({
  neurons,
  pickedLayer,
}: {
  neurons: NeuronContribution[];
  pickedLayer: number | null;
}) {
  const inLayer =
    pickedLayer === null ? neurons : neurons.filter((n) => n.layer === pickedLayer);
  const shown = [...inLayer]
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value))
    .slice(0, 12);
  return (
    <div>
      <h4>Top neurons{pickedLayer === null ? "" : ` of layer ${pickedLayer}`}</h4>
      {shown.length === 0 ? (
        <p className="muted">No neurons of this layer are among those recorded.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Neuron</th>
              <th scope="col" className="number">
                Contribution
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((neuron) => (
              <tr key={`${neuron.layer}.${neuron.neuron}`}>
                <td>{`L${neuron.layer}.N${neuron.neuron}`}</td>
                <td className="number">{formatSigned(neuron.value, 4)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
