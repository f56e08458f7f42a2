import type { StoreContext } from "../database/StoreContext.ts";
import { withStoreErrors } from "../errors/withStoreErrors.ts";
import type { ModelInfo, StoredModel } from "../types.ts";
import { checkModelInfo } from "./checkModelInfo.ts";
import { modelColumns } from "./modelColumns.ts";
import { toStoredModel } from "./toStoredModel.ts";

/**
 * Records an installed model, or updates the facts given for it. A bundle
 * manifest can be passed as it is.
 *
 * @throws {@link StoreError} INVALID_INPUT, UNAVAILABLE, NOT_MIGRATED
 */
export async function upsertModel(
  context: StoreContext,
  model: ModelInfo,
): Promise<StoredModel> {
  checkModelInfo(model);
  const columns = modelColumns(model);
  return withStoreErrors(context, `record model ${model.name}`, async () => {
    const row = await context.prisma.installedModel.upsert({
      where: { name: model.name },
      create: columns,
      update: columns,
    });
    return toStoredModel(row);
  });
}
