import { finalMlpIndex, shareOf, type AttributionResult } from "@attrib/core";

import { formatNumber, formatProbability, formatShare } from "../../format/numbers.ts";
import { TokenText } from "../TokenText.tsx";

/** The attributed tokens: the top k by probability, then any the asker named. */
export function TopPredictions({ result }: { result: AttributionResult }) {
  const mlp = finalMlpIndex(result);
  return (
    <div className="scroll">
      <table>
        <thead>
          <tr>
            <th scope="col" className="number">
              Rank
            </th>
            <th scope="col">Token</th>
            <th scope="col" className="number">
              Probability
            </th>
            <th scope="col" className="number">
              Logit
            </th>
            <th scope="col" className="number">
              Final MLP, signed
            </th>
            <th scope="col" className="number">
              Final MLP, absolute
            </th>
          </tr>
        </thead>
        <tbody>
          {result.targets.map((target) => {
            const share = shareOf(target.raw, mlp);
            return (
              <tr key={`${target.tokenId}-${target.source}`}>
                <td className="number">{target.rank}</td>
                <td>
                  <TokenText token={target.token} />
                  {target.source === "top" ? (
                    ""
                  ) : (
                    <span className="muted small"> named</span>
                  )}
                </td>
                <td className="number">{formatProbability(target.probability)}</td>
                <td className="number">{formatNumber(target.logit, 3)}</td>
                <td className="number">{formatShare(share.signedShare)}</td>
                <td className="number">{formatShare(share.absoluteShare)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
