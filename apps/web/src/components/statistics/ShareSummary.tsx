import type { ShareDistribution } from "@attrib/store";

import { formatShare } from "../../format/numbers.ts";

const share = (value: number | null) => (value === null ? "—" : formatShare(value, 1));

/** Median, quartiles and mean of a share, with how many analyses they rest on. */
export function ShareSummary({ distribution }: { distribution: ShareDistribution }) {
  return (
    <p className="summary-numbers">
      <span>
        median <b>{share(distribution.median)}</b>
      </span>
      <span>
        quartiles <b>{share(distribution.q1)}</b> – <b>{share(distribution.q3)}</b>
      </span>
      <span>
        mean <b>{share(distribution.mean)}</b>
      </span>
      <span>
        n = <b data-testid="share-count">{distribution.count}</b>
      </span>
    </p>
  );
}
