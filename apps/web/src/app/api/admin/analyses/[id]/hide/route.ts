import { analysisAction } from "../../../../../../admin/analysisAction.ts";

export const dynamic = "force-dynamic";

/** POST (operators, form with `csrf`): hide one analysis, then back to /admin. */
export const POST = analysisAction("hide");
