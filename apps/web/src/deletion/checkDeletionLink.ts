import { deletionTokenValid, parseDeletionToken } from "@attrib/jobs";
import type { Author } from "@attrib/store";

import { env } from "../env.ts";
import { moderationStore } from "../server/moderationStore.ts";
import { storeErrorCode } from "../server/storeErrorCode.ts";

/** What a deletion link allows, or why it allows nothing. */
export type DeletionLinkCheck =
  | { kind: "valid"; analysisId: string; author: Author; expiresAt: Date }
  | { kind: "refused"; message: string };

const refused = (message: string): DeletionLinkCheck => ({ kind: "refused", message });

/**
 * Checks an author's deletion link against the stored author of its
 * analysis: well formed, signed with ATTRIB_DELETION_SECRET for that
 * author, not expired, and the analysis still there.
 */
export async function checkDeletionLink(token: string): Promise<DeletionLinkCheck> {
  const secret = env().deletionSecret;
  if (secret === null) {
    return refused("Deletion links are switched off on this dashboard.");
  }
  const parsed = parseDeletionToken(token);
  if (parsed === null) {
    return refused("This is not a deletion link; copy the whole link the bot gave you.");
  }
  if (parsed.expiresAt.getTime() <= Date.now()) {
    return refused(
      `This deletion link expired on ${parsed.expiresAt.toISOString()}. Ask the bot ` +
        "for a new one with /attrib deletelink <link>, or use /attrib delete <link>.",
    );
  }
  let stored;
  try {
    stored = await moderationStore().findAnalysisAuthor(parsed.analysisId);
  } catch (error) {
    if (storeErrorCode(error) === "NOT_FOUND") {
      return refused("This analysis does not exist any more: it has been deleted.");
    }
    throw error;
  }
  const author =
    stored.userId === null ? null : { platform: stored.platform, userId: stored.userId };
  if (author === null || !deletionTokenValid(parsed, author, secret)) {
    return refused(
      "This link was not issued to the author of this analysis; nothing was deleted.",
    );
  }
  return {
    kind: "valid",
    analysisId: parsed.analysisId,
    author,
    expiresAt: parsed.expiresAt,
  };
}
