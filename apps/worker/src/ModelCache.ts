import { AttributionModel, type LoadModelOptions } from "@attrib/core";

/** Loads each model once per process and keeps it for later jobs. */
export class ModelCache {
  private readonly models = new Map<string, Promise<AttributionModel>>();

  constructor(private readonly options: LoadModelOptions) {}

  /** The loaded model; a failed load is forgotten so the next job tries again. */
  get(name: string): Promise<AttributionModel> {
    let model = this.models.get(name);
    if (!model) {
      model = AttributionModel.load(name, this.options);
      model.catch(() => this.models.delete(name));
      this.models.set(name, model);
    }
    return model;
  }

  async releaseAll(): Promise<void> {
    const loaded = await Promise.allSettled(this.models.values());
    for (const entry of loaded)
      if (entry.status === "fulfilled") await entry.value.release();
    this.models.clear();
  }
}
