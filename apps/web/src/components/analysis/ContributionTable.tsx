import type { ChartComponent, ChartSplit } from "../../analysis/chartTypes.ts";
import { kindNames } from "../../charts/palette.ts";
import { formatNumber, formatShare } from "../../format/numbers.ts";

/** Every bar's exact numbers, for reading and for screen readers. */
export function ContributionTable({
  components,
  split,
}: {
  components: ChartComponent[];
  split: ChartSplit;
}) {
  return (
    <div className="scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">Component</th>
            <th scope="col">Kind</th>
            <th scope="col" className="number">
              Contribution
            </th>
            <th scope="col" className="number">
              Signed share
            </th>
            <th scope="col" className="number">
              Absolute share
            </th>
          </tr>
        </thead>
        <tbody>
          {components.map((component, i) => (
            <tr key={component.name}>
              <th scope="row">{component.name}</th>
              <td>{kindNames[component.kind]}</td>
              <td className="number">{formatNumber(split.values[i] ?? NaN, 4)}</td>
              <td className="number">
                {split.signedShares ? formatShare(split.signedShares[i] ?? NaN) : "n/a"}
              </td>
              <td className="number">{formatShare(split.absoluteShares[i] ?? NaN)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Σ</th>
            <td />
            <td className="number">{formatNumber(split.total, 4)}</td>
            <td className="number">
              {split.signedShares ? "100.0%" : "n/a (total ≈ 0)"}
            </td>
            <td className="number">100.0%</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
