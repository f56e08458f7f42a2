import { analysisImage } from "../../../og/analysisImage.ts";

export const dynamic = "force-dynamic";
export const alt = "Per-layer contributions to the predicted token's logit";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

/** The preview Discord, Slack and others show for a pasted permalink. */
export default async function OpenGraphImage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  return analysisImage(id);
}
