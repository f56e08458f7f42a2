import type { AttributionResult } from "@attrib/core";
import type { Platform, StoredAnalysis } from "@attrib/store";

/**
 * An analysis as the public sees it (page, JSON API, CSV): who asked is
 * reduced to the platform and the display name; platform user, server and
 * channel ids never leave the server.
 */
export interface PublicAnalysis {
  id: string;
  permalink: string;
  createdAt: string;
  asked: { platform: Platform; displayName: string | null };
  k: number;
  namedTargets: string[];
  result: AttributionResult;
}

/** @param publicUrl - the dashboard's address, without a trailing slash */
export function toPublicAnalysis(
  stored: StoredAnalysis,
  publicUrl: string,
): PublicAnalysis {
  return {
    id: stored.id,
    permalink: `${publicUrl}/analyses/${stored.id}`,
    createdAt: stored.createdAt.toISOString(),
    asked: {
      platform: stored.requester.platform,
      displayName: stored.requester.displayName,
    },
    k: stored.k,
    namedTargets: stored.namedTargets,
    result: stored.result,
  };
}
