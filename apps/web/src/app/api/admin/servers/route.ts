import type { Platform } from "@attrib/store";

import { adminAction } from "../../../../admin/adminAction.ts";
import { formText } from "../../../../admin/formText.ts";
import { operatorActor } from "../../../../admin/operatorActor.ts";
import { moderationStore } from "../../../../server/moderationStore.ts";

export const dynamic = "force-dynamic";

/**
 * POST (operators, form with `csrf`): `platform`, `server` (guild or
 * workspace id) and `publish` on or off. Then back to /admin/access.
 */
export function POST(request: Request): Promise<Response> {
  return adminAction(request, "server.publishing", async ({ session, form }) => {
    const server = {
      platform: formText(form, "platform") as Platform,
      serverId: formText(form, "server"),
    };
    const publish = formText(form, "publish") === "on";
    const changed = await moderationStore().setServerPublishing(
      server,
      publish,
      operatorActor(session),
    );
    const state = publish ? "publishes on the dashboard" : "keeps its analyses private";
    return changed
      ? `${server.platform} server ${server.serverId} now ${state}.`
      : `${server.platform} server ${server.serverId} already ${state}; nothing changed.`;
  });
}
