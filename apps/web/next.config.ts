import type { NextConfig } from "next";

/** The part of webpack's configuration this file changes. */
interface WebpackConfig {
  module: { rules: object[] };
  ignoreWarnings?: object[];
}

const config: NextConfig = {
  poweredByHeader: false,
  // Pages are never framed, and responses are read as the type they declare.
  headers() {
    return Promise.resolve([
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ]);
  },
  // The workspace packages export their TypeScript sources (imports written
  // with `.ts` extensions), so Next compiles them with the app; webpack
  // resolves those imports as the file names they are.
  transpilePackages: ["@attrib/core", "@attrib/store", "@attrib/jobs", "@attrib/study", "@attrib/auth"],
  // Native modules and Node-only clients are loaded by Node at run time, not
  // bundled. The dashboard never runs a model: core's inference and chart
  // rendering are left out of the bundle altogether (see `sideEffects` below).
  serverExternalPackages: [
    "onnxruntime-node",
    "@resvg/resvg-js",
    "@huggingface/tokenizers",
    "bullmq",
    "ioredis",
  ],
  webpack(webpackConfig: WebpackConfig) {
    webpackConfig.module.rules.push(
      // The store's migration runner finds prisma/migrations through
      // `new URL(…, import.meta.url)`; the dashboard never migrates, and the
      // folder is not a module webpack could bundle.
      {
        test: /[\\/]packages[\\/]store[\\/]src[\\/]migrations[\\/]/,
        parser: { url: false },
      },
      // Core's modules only define functions and classes, so the ones the
      // dashboard does not import (onnxruntime, satori with its WebAssembly,
      // the PNG renderer) are dropped from the bundle instead of loaded.
      { test: /[\\/]packages[\\/]core[\\/]src[\\/]/, sideEffects: false },
    );
    // Core's PNG renderer finds its font files by a computed path; it is
    // dropped from the bundle (above), so its dynamic require never runs here.
    webpackConfig.ignoreWarnings = [
      ...(webpackConfig.ignoreWarnings ?? []),
      { module: /[\\/]packages[\\/]core[\\/]src[\\/]chart[\\/]renderPng\.ts$/ },
    ];
    return webpackConfig;
  },
};

export default config;
