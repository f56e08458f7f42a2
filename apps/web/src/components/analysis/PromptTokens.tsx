import { quoteToken } from "../../format/numbers.ts";

/** The prompt as the model saw it: one chip per token, with its id on hover. */
export function PromptTokens({
  tokens,
  tokenIds,
}: {
  tokens: string[];
  tokenIds: number[];
}) {
  return (
    <ol className="tokens" aria-label={`${tokens.length} tokens`}>
      {tokens.map((token, i) => (
        <li key={i} className="token" title={`token id ${tokenIds[i] ?? "?"}`}>
          {quoteToken(token)}
        </li>
      ))}
    </ol>
  );
}
