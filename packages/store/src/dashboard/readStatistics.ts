import type { StoreContext } from "../database/StoreContext.ts";
import { withStoreErrors } from "../errors/withStoreErrors.ts";
import { PUBLIC_ANALYSIS } from "../moderation/publicAnalysis.ts";
import { checkText } from "../validation/checkValue.ts";
import type {
  CommunityStatistics,
  GroupStatistics,
  ModelStatistics,
  StatisticsOptions,
} from "./dashboardTypes.ts";
import { depthProfiles } from "./depthProfiles.ts";
import { layerProfiles } from "./layerProfiles.ts";
import { emptyShareStatistics, shareDistributions } from "./shareDistributions.ts";
import { type GroupKey, modelFilterOf } from "./statisticsGroups.ts";

interface ModelRow {
  id: number;
  name: string;
  display_name: string;
  architecture: string;
  n_layers: number;
  tied_embeddings: boolean;
}

/**
 * The dashboard's statistics over every public analysis: the final MLP's
 * share of the top token's logit and the contribution of every layer, per
 * model, for tied and untied models, and over all models. Four aggregate
 * queries and one for the models, all computed by PostgreSQL.
 *
 * @throws {@link StoreError} INVALID_INPUT for a model name that is not
 * text; UNAVAILABLE, NOT_MIGRATED
 */
export async function readStatistics(
  context: StoreContext,
  options: StatisticsOptions = {},
): Promise<CommunityStatistics> {
  options.models?.forEach((name, i) => checkText(name, `models[${i}]`, 1));
  const modelFilter = modelFilterOf(options);

  return withStoreErrors(context, "compute the statistics", async () => {
    const [models, shares, layers, depths] = await Promise.all([
      context.prisma.$queryRaw<ModelRow[]>`
        SELECT m.id, m.name, m.display_name, m.architecture, m.n_layers,
               m.tied_embeddings
          FROM installed_model m
         WHERE ${modelFilter}
           AND EXISTS (
             SELECT 1 FROM analysis a WHERE a.model_id = m.id AND ${PUBLIC_ANALYSIS}
           )
         ORDER BY m.name`,
      shareDistributions(context, modelFilter),
      layerProfiles(context, modelFilter),
      depthProfiles(context, modelFilter),
    ]);

    const group = (key: GroupKey, modelCount: number): GroupStatistics => ({
      modelCount,
      finalMlpShare: shares.get(key) ?? emptyShareStatistics(),
      depthProfile: depths.get(key) ?? [],
    });
    const tiedCount = models.filter((m) => m.tied_embeddings).length;
    return {
      overall: group("overall", models.length),
      tied: group("tied", tiedCount),
      untied: group("untied", models.length - tiedCount),
      models: models.map((model): ModelStatistics => ({
        model: {
          name: model.name,
          displayName: model.display_name,
          architecture: model.architecture,
          nLayers: model.n_layers,
          tiedEmbeddings: model.tied_embeddings,
        },
        finalMlpShare: shares.get(`model:${model.id}`) ?? emptyShareStatistics(),
        layerProfile: layers.get(model.id) ?? [],
      })),
    };
  });
}
