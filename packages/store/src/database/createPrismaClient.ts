import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "../generated/prisma/client.ts";

export interface PrismaClientOptions {
  databaseUrl: string;
  /** How long to wait for a connection before giving up. */
  connectTimeoutMs: number;
  /** Most connections held open at once. */
  maxConnections: number;
  /** Told when an idle pooled connection breaks (e.g. the server restarted). */
  onPoolError?: (error: Error) => void;
}

/**
 * A Prisma client over the pg driver. No native query engine is involved:
 * Prisma 7 plans queries in WebAssembly and the adapter runs them.
 */
export function createPrismaClient(options: PrismaClientOptions): PrismaClient {
  const adapter = new PrismaPg(
    {
      connectionString: options.databaseUrl,
      connectionTimeoutMillis: options.connectTimeoutMs,
      max: options.maxConnections,
    },
    { onPoolError: options.onPoolError },
  );
  return new PrismaClient({ adapter });
}
