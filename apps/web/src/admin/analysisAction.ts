import type { ModerationStore } from "@attrib/store";

import { moderationStore } from "../server/moderationStore.ts";
import { adminAction } from "./adminAction.ts";
import { operatorActor } from "./operatorActor.ts";

type AnalysisAction = "hide" | "unhide" | "delete";

const DONE: Record<AnalysisAction, string> = {
  hide: "hidden from the public",
  unhide: "public again",
  delete: "deleted from the database",
};

const RUN: Record<
  AnalysisAction,
  (store: ModerationStore, id: string, actor: string) => Promise<void>
> = {
  hide: (store, id, actor) => store.hideAnalysis(id, actor),
  unhide: (store, id, actor) => store.unhideAnalysis(id, actor),
  delete: (store, id, actor) => store.deleteAnalysis(id, actor),
};

/** The POST handler of one analysis action, for its route file. */
export function analysisAction(action: AnalysisAction) {
  return async (
    request: Request,
    { params }: { params: Promise<{ id: string }> },
  ): Promise<Response> => {
    const { id } = await params;
    return adminAction(request, `analysis.${action}`, async ({ session }) => {
      await RUN[action](moderationStore(), id, operatorActor(session));
      return `Analysis ${id} is ${DONE[action]}.`;
    });
  };
}
