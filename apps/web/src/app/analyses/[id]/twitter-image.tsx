import { analysisImage } from "../../../og/analysisImage.ts";

export const dynamic = "force-dynamic";
export const alt = "Per-layer contributions to the predicted token's logit";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

/** The large-image card X shows for a pasted permalink: the same chart. */
export default async function TwitterImage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  return analysisImage(id);
}
