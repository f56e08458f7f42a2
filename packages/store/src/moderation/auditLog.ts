import type { StoreContext } from "../database/StoreContext.ts";
import { withStoreErrors } from "../errors/withStoreErrors.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { checkText } from "../validation/checkValue.ts";
import type { Actor, AuditEntry } from "./moderationTypes.ts";

/** What one audit line records. */
export interface AuditRecord {
  actor: Actor;
  action: string;
  subject: string;
  detail?: string | null;
}

type AuditWriter = Pick<Prisma.TransactionClient, "auditEntry">;

/** Writes one audit line, inside the caller's transaction when it has one. */
export async function writeAudit(
  client: AuditWriter,
  record: AuditRecord,
): Promise<void> {
  checkText(record.actor, "actor", 1);
  await client.auditEntry.create({
    data: {
      actor: record.actor,
      action: record.action,
      subject: record.subject,
      detail: record.detail ?? null,
    },
  });
}

/**
 * Records an action the store does not perform itself, e.g. an operator
 * signing in to the dashboard.
 *
 * @throws {@link StoreError} INVALID_INPUT, UNAVAILABLE
 */
export function recordAudit(context: StoreContext, record: AuditRecord): Promise<void> {
  return withStoreErrors(context, "write the audit log", () =>
    writeAudit(context.prisma, record),
  );
}

/**
 * The newest audit lines first.
 *
 * @param limit - at most this many, 1 … 1000
 */
export async function readAuditLog(
  context: StoreContext,
  limit = 200,
): Promise<AuditEntry[]> {
  const take = Math.min(Math.max(1, Math.trunc(limit)), 1_000);
  const rows = await withStoreErrors(context, "read the audit log", () =>
    context.prisma.auditEntry.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
    }),
  );
  return rows.map((row) => ({ ...row, id: row.id.toString() }));
}
