import type { FinalMlpShareStatistics } from "@attrib/store";

import { ShareHistogram } from "./ShareHistogram.tsx";
import { ShareSummary } from "./ShareSummary.tsx";

/** The final MLP's signed share of the top token's logit: histogram, median, quartiles, n. */
export function SignedShareFigure({ share }: { share: FinalMlpShareStatistics }) {
  const undefinedShares = share.analysisCount - share.signed.count;
  return (
    <figure className="figure">
      <figcaption>
        <strong>Signed share</strong> of the top token&apos;s logit written by the final
        MLP, over <span data-testid="analysis-count">{share.analysisCount}</span>{" "}
        {share.analysisCount === 1 ? "analysis" : "analyses"}
        {undefinedShares > 0
          ? ` (${undefinedShares} left out: logit too near zero for a share)`
          : ""}
        . Solid line: median; dashed: quartiles.
      </figcaption>
      <ShareSummary distribution={share.signed} />
      <div className="frame">
        <ShareHistogram distribution={share.signed} label="final MLP's signed share" />
      </div>
    </figure>
  );
}

/**
 * The final MLP's share of absolute contribution (|final MLP| ÷ Σ|all
 * components|), as a histogram or, where space is short, its numbers only.
 */
export function AbsoluteShareFigure({
  share,
  histogram,
}: {
  share: FinalMlpShareStatistics;
  histogram: boolean;
}) {
  return (
    <figure className="figure">
      <figcaption>
        <strong>Share of absolute contribution</strong> (|final MLP| ÷ Σ|all components|).
      </figcaption>
      <ShareSummary distribution={share.absolute} />
      {histogram && (
        <div className="frame">
          <ShareHistogram
            distribution={share.absolute}
            label="final MLP's share of absolute contribution"
            outerBins={false}
          />
        </div>
      )}
    </figure>
  );
}
