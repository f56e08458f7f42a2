import type { StoreContext } from "../database/StoreContext.ts";
import { withStoreErrors } from "../errors/withStoreErrors.ts";
import type { StoredModel } from "../types.ts";
import { toStoredModel } from "./toStoredModel.ts";

/**
 * Every model recorded so far, by name.
 *
 * @throws {@link StoreError} UNAVAILABLE, NOT_MIGRATED
 */
export async function listModels(context: StoreContext): Promise<StoredModel[]> {
  return withStoreErrors(context, "list the models", async () => {
    const rows = await context.prisma.installedModel.findMany({
      orderBy: { name: "asc" },
    });
    return rows.map(toStoredModel);
  });
}
