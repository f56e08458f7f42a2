import {
  type GroupStatistics,
  type ShareMethod,
  shareMethodLabels,
  shareMethods,
} from "@attrib/study";

import { formatShare } from "../../format/numbers.ts";
import {
  proportionText,
  shareWithInterval,
  signedNumber,
  valueWithInterval,
} from "../../study/studyFormat.ts";

function tying(group: GroupStatistics): string {
  if (group.tiedEmbeddings === null) return "mixed";
  return group.tiedEmbeddings ? "weight-tied" : "untied";
}

function ShareCell({ group, method }: { group: GroupStatistics; method: ShareMethod }) {
  const summary = group.finalMlp[method].signedShare;
  return (
    <td className="number" data-method={method}>
      {shareWithInterval(summary)}
      {summary.undefined > 0 && (
        <span className="muted small"> ({summary.defined} defined)</span>
      )}
    </td>
  );
}

/** Per group: the final MLP's median signed share [95% CI] under every method. */
export function HeadlineTable({
  groups,
  testId,
}: {
  groups: GroupStatistics[];
  testId: string;
}) {
  return (
    <div className="scroll">
      <table data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">group</th>
            <th scope="col" className="number">
              prompts
            </th>
            {shareMethods.map((method) => (
              <th key={method} scope="col" className="number">
                {shareMethodLabels[method]}
              </th>
            ))}
            <th scope="col" className="number">
              rough share in 60–90%
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.label} data-group={group.label}>
              <th scope="row">
                {group.label}
                {group.label !== tying(group) && (
                  <span className="muted small"> ({tying(group)})</span>
                )}
              </th>
              <td className="number">{group.analyses}</td>
              {shareMethods.map((method) => (
                <ShareCell key={method} group={group} method={method} />
              ))}
              <td className="number">
                {proportionText(group.finalMlp.rough.signedInClaimedRange)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Removing the final MLP: total effect next to its direct effect. */
export function AblationTable({ groups }: { groups: GroupStatistics[] }) {
  const rows = groups.flatMap((group) =>
    group.ablations.map((ablation) => ({ group, ablation })),
  );
  if (rows.length === 0) return <p className="muted">No ablations were stored.</p>;
  return (
    <div className="scroll">
      <table data-testid="study-ablations">
        <thead>
          <tr>
            <th scope="col">model</th>
            <th scope="col">ablation</th>
            <th scope="col" className="number">
              prompts
            </th>
            <th scope="col" className="number">
              total effect on the top-1 logit
            </th>
            <th scope="col" className="number">
              direct effect
            </th>
            <th scope="col" className="number">
              total − direct
            </th>
            <th scope="col" className="number">
              change in log-probability
            </th>
            <th scope="col" className="number">
              top-1 token changed
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ group, ablation }) => (
            <tr key={`${group.label}-${ablation.mode}`}>
              <th scope="row">{group.label}</th>
              <td>{ablation.mode}</td>
              <td className="number">{ablation.analyses}</td>
              <td className="number">{valueWithInterval(ablation.logitChange)}</td>
              <td className="number">{valueWithInterval(ablation.directEffect)}</td>
              <td className="number">{valueWithInterval(ablation.indirectEffect)}</td>
              <td className="number">
                {valueWithInterval(ablation.logProbabilityChange)}
              </td>
              <td className="number">{proportionText(ablation.topTokenChanged)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The embedding's direct push on the prompt's own last token. */
export function CurrentTokenTable({ groups }: { groups: GroupStatistics[] }) {
  const rows = groups.filter((group) => group.currentToken !== null);
  if (rows.length === 0) return <p className="muted">Not measured in this run.</p>;
  return (
    <div className="scroll">
      <table data-testid="study-current-token">
        <thead>
          <tr>
            <th scope="col">model</th>
            <th scope="col" className="number">
              embedding → current token (raw logit)
            </th>
            <th scope="col" className="number">
              raw push &gt; 0
            </th>
            <th scope="col" className="number">
              centered push &gt; 0
            </th>
            <th scope="col" className="number">
              pushes current token more than top-1
            </th>
            <th scope="col" className="number">
              top-1 repeats the current token
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((group) => {
            const current = group.currentToken;
            if (!current) return null;
            return (
              <tr key={group.label}>
                <th scope="row">{group.label}</th>
                <td className="number">{valueWithInterval(current.embedRaw)}</td>
                <td className="number">{proportionText(current.rawPositive)}</td>
                <td className="number">{proportionText(current.centeredPositive)}</td>
                <td className="number">{proportionText(current.currentOverTop1)}</td>
                <td className="number">{proportionText(current.repeatedAsTop1)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Where the logit lens first ranks the final top-1 token first. */
export function LensTable({ groups }: { groups: GroupStatistics[] }) {
  const rows = groups.filter((group) => group.lens !== null);
  if (rows.length === 0) return <p className="muted">Not measured in this run.</p>;
  return (
    <div className="scroll">
      <table data-testid="study-lens">
        <thead>
          <tr>
            <th scope="col">model</th>
            <th scope="col" className="number">
              prompts
            </th>
            <th scope="col" className="number">
              first depth ranking it first (median [95% CI])
            </th>
            <th scope="col" className="number">
              as a fraction of the depth
            </th>
            <th scope="col" className="number">
              first only at the output
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((group) => {
            const lens = group.lens;
            if (!lens) return null;
            return (
              <tr key={group.label}>
                <th scope="row">{group.label}</th>
                <td className="number">{lens.analyses}</td>
                <td className="number">
                  {lens.firstTopDepth.median === null
                    ? "n/a"
                    : `${lens.firstTopDepth.median.toFixed(1)}${
                        lens.firstTopDepth.medianInterval
                          ? ` [${lens.firstTopDepth.medianInterval.lower.toFixed(1)}, ${lens.firstTopDepth.medianInterval.upper.toFixed(1)}]`
                          : ""
                      }`}
                </td>
                <td className="number">{formatShare(lens.firstTopFraction.median, 0)}</td>
                <td className="number">{proportionText(lens.onlyAtOutput)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** How far two methods disagree on the same prompts. */
export function SensitivityTable({ groups }: { groups: GroupStatistics[] }) {
  return (
    <div className="scroll">
      <table data-testid="study-sensitivity">
        <thead>
          <tr>
            <th scope="col">model</th>
            <th scope="col">methods compared</th>
            <th scope="col" className="number">
              pairs
            </th>
            <th scope="col" className="number">
              median difference of signed shares [95% CI]
            </th>
            <th scope="col" className="number">
              first larger
            </th>
            <th scope="col" className="number">
              rank correlation
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.flatMap((group) =>
            group.methodComparisons.map((comparison) => (
              <tr key={`${group.label}-${comparison.first}-${comparison.second}`}>
                <th scope="row">{group.label}</th>
                <td>
                  {shareMethodLabels[comparison.first]} −{" "}
                  {shareMethodLabels[comparison.second]}
                </td>
                <td className="number">{comparison.signedShare.pairs}</td>
                <td className="number">
                  {shareWithInterval(comparison.signedShare.difference)}
                </td>
                <td className="number">
                  {proportionText(comparison.signedShare.firstGreater)}
                </td>
                <td className="number">
                  {signedNumber(comparison.signedShare.rankCorrelation)}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
