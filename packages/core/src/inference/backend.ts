/**
 * The one module that talks to onnxruntime: sessions, tensors, providers.
 */
import ort from "onnxruntime-node";

import { AttribError } from "../errors/AttribError.ts";

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
  run(feeds: Record<string, Feed>): Promise<GraphOutputs>;
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
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(path, {
      executionProviders: [provider],
      graphOptimizationLevel: "all",
      ...(options.intraOpThreads ? { intraOpNumThreads: options.intraOpThreads } : {}),
    });
  } catch (cause) {
    throw new AttribError(
      "BUNDLE_MISMATCH",
      `onnxruntime could not load ${path} with the ${provider} provider: ` +
        `${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
  return wrapSession(session, path);
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
    async run(feeds) {
      const tensors = Object.fromEntries(
        Object.entries(feeds).map(([name, feed]) => [name, toTensor(feed)]),
      );
      try {
        const outputs = await session.run(tensors);
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
