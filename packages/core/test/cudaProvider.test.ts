/**
 * ATTRIB_EXECUTION_PROVIDER=cuda on a machine without onnxruntime-node's CUDA
 * provider libraries: a clear error before onnxruntime is asked, never a
 * silent run on the CPU. (Where the libraries are installed, this test has
 * nothing to check and is skipped.)
 */
import { existsSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { isAttribError, openGraph } from "../src/index.ts";
import { CUDA_PROVIDER_LIBRARIES, runtimeBinaryDir } from "../src/inference/backend.ts";

const installed = CUDA_PROVIDER_LIBRARIES.every((file) =>
  existsSync(join(runtimeBinaryDir(), file)),
);

describe.skipIf(installed)("the CUDA execution provider, not installed", () => {
  it("fails with a message that says what is missing and how to install it", async () => {
    const error: unknown = await openGraph("/nonexistent/model.onnx", {
      executionProvider: "cuda",
    }).catch((e: unknown) => e);

    expect(isAttribError(error, "INFERENCE_FAILED")).toBe(true);
    const message = String(error);
    expect(message).toContain("libonnxruntime_providers_cuda.so");
    expect(message).toContain("ONNXRUNTIME_NODE_INSTALL=1");
    expect(message).toContain("ATTRIB_EXECUTION_PROVIDER=cpu");
  });

  it("finds onnxruntime-node's native binding where it looks for the providers", () => {
    expect(existsSync(join(runtimeBinaryDir(), "onnxruntime_binding.node"))).toBe(true);
  });
});
