import { Prisma } from "../generated/prisma/client.ts";

/**
 * The condition every public read puts on `analysis a`: not hidden by an
 * operator, and not from a server that keeps its analyses off the
 * dashboard. Deleted analyses need no condition: their rows are gone.
 */
export const PUBLIC_ANALYSIS = Prisma.sql`(
  a.hidden_at IS NULL
  AND NOT EXISTS (
    SELECT 1 FROM unpublished_server u
     WHERE u.platform = a.platform AND u.server_id = a.server_id
  ))`;
