import type { BrowsedAnalysis } from "@attrib/store";
import Link from "next/link";

import { formatMoment } from "../format/dates.ts";
import { formatProbability, formatShare } from "../format/numbers.ts";
import { platformLabels } from "../format/platformNames.ts";
import { TokenText } from "./TokenText.tsx";

function FinalMlpShare({ item }: { item: BrowsedAnalysis }) {
  if (!item.finalMlp) return <span className="muted">—</span>;
  const { signedShare, absoluteShare, component } = item.finalMlp;
  return (
    <span
      title={`${component}: ${formatShare(absoluteShare)} of all absolute contribution`}
    >
      {signedShare === null ? (
        <span className="muted">n/a</span>
      ) : (
        formatShare(signedShare, 0)
      )}
    </span>
  );
}

/**
 * One row per analysis: its prompt (as text, linked to its permalink), top
 * token and the final MLP's signed share of that token's logit.
 */
export function AnalysisTable({ items }: { items: BrowsedAnalysis[] }) {
  return (
    <table className="analyses">
      <caption className="visually-hidden">Analyses, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Prompt</th>
          <th scope="col">Top token</th>
          <th scope="col" className="number">
            Probability
          </th>
          <th scope="col" className="number">
            <abbr title="The final MLP's signed share of the top token's logit">
              Final MLP
            </abbr>
          </th>
          <th scope="col">Model</th>
          <th scope="col">Asked</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td className="prompt-cell">
              <Link href={`/analyses/${item.id}`} className="prompt">
                {item.text}
              </Link>
            </td>
            <td data-label="Top token">
              {item.topTarget ? <TokenText token={item.topTarget.token} /> : "—"}
            </td>
            <td data-label="Probability" className="number">
              {item.topTarget ? formatProbability(item.topTarget.probability) : "—"}
            </td>
            <td data-label="Final MLP share" className="number">
              <FinalMlpShare item={item} />
            </td>
            <td data-label="Model">{item.model.displayName}</td>
            <td data-label="Asked">
              <time dateTime={item.createdAt.toISOString()}>
                {formatMoment(item.createdAt)}
              </time>
              <br />
              <span className="muted small">
                {platformLabels[item.platform]}
                {item.userDisplayName ? ` · ${item.userDisplayName}` : ""}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
