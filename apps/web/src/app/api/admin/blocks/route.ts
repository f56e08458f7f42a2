import type { BlockKind, Platform } from "@attrib/store";

import { adminAction } from "../../../../admin/adminAction.ts";
import { formText } from "../../../../admin/formText.ts";
import { operatorActor } from "../../../../admin/operatorActor.ts";
import { moderationStore } from "../../../../server/moderationStore.ts";

export const dynamic = "force-dynamic";

/**
 * POST (operators, form with `csrf`): `action` block or unblock, `platform`
 * discord or slack, `kind` user or server, `subject` the platform's id,
 * optional `reason`. Then back to /admin/access.
 */
export function POST(request: Request): Promise<Response> {
  return adminAction(request, "requester.block", async ({ session, form }) => {
    const subject = {
      platform: formText(form, "platform") as Platform,
      kind: formText(form, "kind") as BlockKind,
      subjectId: formText(form, "subject"),
    };
    const name = `${subject.platform} ${subject.kind} ${subject.subjectId}`;
    if (formText(form, "action") === "unblock") {
      await moderationStore().unblockRequester(subject, operatorActor(session));
      return `Unblocked ${name}.`;
    }
    const reason = formText(form, "reason");
    await moderationStore().blockRequester(
      subject,
      operatorActor(session),
      reason === "" ? null : reason,
    );
    return `Blocked ${name}: the bot refuses its requests.`;
  });
}
