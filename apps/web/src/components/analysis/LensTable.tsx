import type { LensLayer } from "../../analysis/chartTypes.ts";
import { formatProbability, quoteToken } from "../../format/numbers.ts";

/** The logit lens: at each layer, what the residual so far would predict. */
export function LensTable({ lens }: { lens: LensLayer[] }) {
  const tokens = lens[0]?.targets.map((t) => t.token) ?? [];
  return (
    <div className="scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">After</th>
            <th scope="col">Top token</th>
            {tokens.map((token) => (
              <th key={token} scope="col" className="number">
                {quoteToken(token)} rank · p
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lens.map((layer) => (
            <tr key={layer.layer}>
              <th scope="row">{layer.label}</th>
              <td>
                <span className="token">{quoteToken(layer.topToken)}</span>
              </td>
              {layer.targets.map((target) => (
                <td key={target.token} className="number">
                  {target.rank} · {formatProbability(target.probability)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
