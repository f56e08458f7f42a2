/**
 * The one module that talks to onnxruntime: sessions, tensors, providers.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import { dirname, join } from "node:path";

import ort from "onnxruntime-node";

import { AttribError } from "../errors/AttribError.ts";

/**
 * The CUDA provider's libraries, which onnxruntime-node does not ship in its
 * npm package: its install step fetches them, when allowed (README, "CUDA").
 */
export const CUDA_PROVIDER_LIBRARIES = [
  "libonnxruntime_providers_shared.so",
  "libonnxruntime_providers_cuda.so",
];

/** What onnxruntime says when the CUDA provider, not the graph, failed. */
const CUDA_FAILURE = /cuda|cudnn|cublas|provider|shared librar/i;

export type ExecutionProvider = "cpu" | "cuda";

export interface SessionOptions {
  /** Where to run; `cuda` needs onnxruntime-node's CUDA binaries (see README). */
  executionProvider?: ExecutionProvider;
  /** Threads inside one operator; onnxruntime picks when unset. */
  intraOpThreads?: number;
}

/** Named float32 or int64 tensors, as a graph returns them. */
export type GraphOutputs = Record<string, { dims: readonly number[]; data: unknown }>;

export interface GraphSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  /**
   * Runs the graph; with `fetch`, returns only those outputs (onnxruntime
   * then copies no others out of the run).
   */
  run(feeds: Record<string, Feed>, fetch?: readonly string[]): Promise<GraphOutputs>;
  release(): Promise<void>;
}

/** An int64 input given as a flat array with its shape. */
export interface Int64Feed {
  values: readonly number[];
  dims: readonly number[];
}

/** A float32 input given as a flat array with its shape. */
export interface Float32Feed {
  type: "float32";
  values: readonly number[];
  dims: readonly number[];
}

export type Feed = Int64Feed | Float32Feed;

/**
 * Opens an ONNX graph.
 *
 * @param path - the .onnx file (external weights beside it)
 * @throws {@link AttribError} BUNDLE_MISMATCH when onnxruntime cannot load it
 */
export async function openGraph(
  path: string,
  options: SessionOptions = {},
): Promise<GraphSession> {
  const provider = options.executionProvider ?? "cpu";
  if (provider === "cuda") checkCudaProvider();
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(path, {
      executionProviders: [provider],
      graphOptimizationLevel: "all",
      ...(options.intraOpThreads ? { intraOpNumThreads: options.intraOpThreads } : {}),
    });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    if (provider === "cuda" && CUDA_FAILURE.test(message))
      throw cudaFailure(message, cause);
    throw new AttribError(
      "BUNDLE_MISMATCH",
      `onnxruntime could not load ${path} with the ${provider} provider: ${message}`,
      { cause },
    );
  }
  return wrapSession(session, path);
}

/** The folder of onnxruntime-node's native binding, where its providers live. */
export function runtimeBinaryDir(): string {
  const entry = createRequire(import.meta.url).resolve("onnxruntime-node");
  return join(dirname(entry), "..", "bin", "napi-v6", platform(), arch());
}

/**
 * @throws {@link AttribError} INFERENCE_FAILED when onnxruntime-node's CUDA
 *   provider libraries are not installed
 */
function checkCudaProvider(): void {
  const dir = runtimeBinaryDir();
  const missing = CUDA_PROVIDER_LIBRARIES.filter((file) => !existsSync(join(dir, file)));
  if (missing.length === 0) return;
  throw new AttribError(
    "INFERENCE_FAILED",
    `ATTRIB_EXECUTION_PROVIDER is cuda, but onnxruntime-node's CUDA provider is not ` +
      `installed: ${dir} lacks ${missing.join(", ")}. Its install step downloads them ` +
      `only when allowed (ONNXRUNTIME_NODE_INSTALL=1 and "onnxruntime-node": true ` +
      `in package.json allowScripts; README, "CUDA"). Use ATTRIB_EXECUTION_PROVIDER=cpu ` +
      `to run on the CPU.`,
  );
}

function cudaFailure(message: string, cause: unknown): AttribError {
  return new AttribError(
    "INFERENCE_FAILED",
    `onnxruntime could not start its CUDA provider: ${message}. It needs an NVIDIA ` +
      `GPU with its driver, and the CUDA 12 and cuDNN 9 libraries on the library path ` +
      `(README, "CUDA"). Use ATTRIB_EXECUTION_PROVIDER=cpu to run on the CPU.`,
    { cause },
  );
}

function toTensor(feed: Feed): ort.Tensor {
  if ("type" in feed) {
    return new ort.Tensor("float32", Float32Array.from(feed.values), feed.dims);
  }
  const data = BigInt64Array.from(feed.values, (value) => BigInt(value));
  return new ort.Tensor("int64", data, feed.dims);
}

function wrapSession(session: ort.InferenceSession, path: string): GraphSession {
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    async run(feeds, fetch) {
      const tensors = Object.fromEntries(
        Object.entries(feeds).map(([name, feed]) => [name, toTensor(feed)]),
      );
      try {
        const outputs = await (fetch
          ? session.run(tensors, [...fetch])
          : session.run(tensors));
        return Object.fromEntries(
          Object.entries(outputs).map(([name, t]) => [
            name,
            { dims: t.dims, data: t.data },
          ]),
        );
      } catch (cause) {
        throw new AttribError(
          "INFERENCE_FAILED",
          `running ${path} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
          { cause },
        );
      }
    },
    release: () => session.release(),
  };
}
