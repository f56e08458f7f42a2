import { StoreError } from "../errors/StoreError.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { PUBLIC_ANALYSIS } from "../moderation/publicAnalysis.ts";
import { platforms } from "../types.ts";
import type { BrowseFilter } from "./dashboardTypes.ts";

/**
 * The WHERE clause of the list's queries over `analysis a` joined with
 * `installed_model m`; every value is a bound parameter. Only public
 * analyses pass: not hidden, not from a server that keeps them private.
 *
 * @throws {@link StoreError} INVALID_INPUT for an unknown platform or a date
 * that is not a date
 */
export function browseFilter(filter: BrowseFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [PUBLIC_ANALYSIS];
  const search = filter.search?.trim();
  if (search) {
    conditions.push(
      Prisma.sql`a.prompt_text ILIKE ${`%${escapeLike(search)}%`} ESCAPE '\\'`,
    );
  }
  if (filter.model) conditions.push(Prisma.sql`m.name = ${filter.model}`);
  if (filter.platform !== undefined) {
    checkPlatform(filter.platform);
    conditions.push(Prisma.sql`a.platform = ${filter.platform}::platform`);
  }
  if (filter.from !== undefined) {
    conditions.push(Prisma.sql`a.created_at >= ${checkDate(filter.from, "from")}`);
  }
  if (filter.until !== undefined) {
    conditions.push(Prisma.sql`a.created_at < ${checkDate(filter.until, "until")}`);
  }
  return Prisma.join(conditions, " AND ");
}

/** Backslash is the escape character given above, so `%` and `_` match themselves. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function checkPlatform(platform: string): void {
  if ((platforms as readonly string[]).includes(platform)) return;
  throw new StoreError(
    "INVALID_INPUT",
    `platform ${JSON.stringify(platform)} is unknown; it must be one of ` +
      platforms.join(", "),
  );
}

function checkDate(date: Date, name: string): Date {
  if (date instanceof Date && Number.isFinite(date.getTime())) return date;
  throw new StoreError("INVALID_INPUT", `${name} is not a valid date`);
}
