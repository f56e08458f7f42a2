import type { PrismaClient } from "../generated/prisma/client.ts";

/** What every store operation needs: the client and, for messages, where it points. */
export interface StoreContext {
  prisma: PrismaClient;
  /** `host:port/name`, without credentials. */
  location: string;
}
