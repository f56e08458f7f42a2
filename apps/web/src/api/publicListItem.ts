import type { BrowsedAnalysis } from "@attrib/store";

/** One analysis of the list as the JSON API gives it; never a platform id. */
export function publicListItem(item: BrowsedAnalysis, publicUrl: string) {
  return {
    id: item.id,
    permalink: `${publicUrl}/analyses/${item.id}`,
    createdAt: item.createdAt.toISOString(),
    model: item.model,
    asked: { platform: item.platform, displayName: item.userDisplayName },
    prompt: item.text,
    k: item.k,
    namedTargets: item.namedTargets,
    topToken: item.topTarget,
    finalMlp: item.finalMlp,
    identityError: item.identityError,
  };
}
