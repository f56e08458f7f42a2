import type { Metadata } from "next";

import { SubmitForm } from "../../components/SubmitForm.tsx";
import { env } from "../../env.ts";
import { installedModels } from "../../submit/installedModels.ts";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Ask" };

/** Submit a prompt: it joins the queue the chat bot uses, under the same limits. */
export default async function SubmitPage() {
  const { defaultModel, limits } = env();
  const models = await installedModels();
  return (
    <>
      <h1>Ask about a prompt</h1>
      <p className="lead">
        Give the start of a sentence. A worker runs the model, splits the logit of each
        likely next token over the embedding, every attention layer and every MLP layer,
        and stores the analysis here for everyone. You may ask {limits.rateLimitCount}{" "}
        times every {Math.round(limits.rateLimitWindowMs / 1000)} seconds.
      </p>
      <SubmitForm
        models={models.length > 0 ? models : [defaultModel]}
        defaultModel={defaultModel}
        maxTextLength={limits.maxTextLength}
      />
    </>
  );
}
