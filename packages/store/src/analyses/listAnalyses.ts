import type { StoreContext } from "../database/StoreContext.ts";
import { StoreError } from "../errors/StoreError.ts";
import { withStoreErrors } from "../errors/withStoreErrors.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import {
  type AnalysisPage,
  DEFAULT_PAGE_SIZE,
  type ListAnalysesOptions,
  MAX_PAGE_SIZE,
  platforms,
} from "../types.ts";
import { toAnalysisSummary, summaryInclude } from "./toAnalysisSummary.ts";

/**
 * One page of analyses, newest first, optionally filtered by prompt text,
 * model and platform.
 *
 * @throws {@link StoreError} INVALID_INPUT for a bad page, page size or
 * platform, UNAVAILABLE
 */
export async function listAnalyses(
  context: StoreContext,
  options: ListAnalysesOptions = {},
): Promise<AnalysisPage> {
  const page = options.page ?? 1;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  checkPaging(page, pageSize);
  const where = filterOf(options);

  const [total, rows] = await withStoreErrors(context, "list the analyses", () =>
    context.prisma.$transaction([
      context.prisma.analysis.count({ where }),
      context.prisma.analysis.findMany({
        where,
        include: summaryInclude,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: (page - 1) * pageSize,
        take: pageSize,
      }),
    ]),
  );
  return {
    items: rows.map(toAnalysisSummary),
    page,
    pageSize,
    total,
    pageCount: Math.ceil(total / pageSize),
  };
}

function filterOf(options: ListAnalysesOptions): Prisma.AnalysisWhereInput {
  if (options.platform !== undefined && !platforms.includes(options.platform)) {
    throw new StoreError(
      "INVALID_INPUT",
      `platform ${JSON.stringify(options.platform)} is unknown; it must be ` +
        `one of ${platforms.join(", ")}`,
    );
  }
  const search = options.search?.trim();
  return {
    ...(search
      ? { promptText: { contains: escapeLike(search), mode: "insensitive" } }
      : {}),
    ...(options.model ? { model: { name: options.model } } : {}),
    ...(options.platform ? { platform: options.platform } : {}),
  };
}

/**
 * Prisma passes `contains` to LIKE as it is, so a `%` or `_` typed in the
 * search box would act as a wildcard; backslash is LIKE's escape character.
 */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function checkPaging(page: number, pageSize: number): void {
  if (!Number.isSafeInteger(page) || page < 1) {
    throw new StoreError(
      "INVALID_INPUT",
      `page is ${String(page)}; pages are numbered from 1`,
    );
  }
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new StoreError(
      "INVALID_INPUT",
      `pageSize is ${String(pageSize)}; it must be a whole number from 1 to ${MAX_PAGE_SIZE}`,
    );
  }
}
