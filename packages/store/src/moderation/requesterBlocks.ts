import type { StoreContext } from "../database/StoreContext.ts";
import { StoreError } from "../errors/StoreError.ts";
import { withStoreErrors } from "../errors/withStoreErrors.ts";
import { platforms, type Platform } from "../types.ts";
import { checkText } from "../validation/checkValue.ts";
import { writeAudit } from "./auditLog.ts";
import type { Actor, Block, BlockKind } from "./moderationTypes.ts";

/** A user or server to block or unblock. */
export interface BlockSubject {
  platform: Platform;
  kind: BlockKind;
  subjectId: string;
}

/** The audit log's name of a block subject, e.g. `discord:user:123`. */
export function blockSubjectName(subject: BlockSubject): string {
  return `${subject.platform}:${subject.kind}:${subject.subjectId}`;
}

function checkSubject(subject: BlockSubject): void {
  if (!(platforms as readonly string[]).includes(subject.platform)) {
    throw new StoreError(
      "INVALID_INPUT",
      `platform ${JSON.stringify(subject.platform)} is unknown; it must be one of ` +
        platforms.join(", "),
    );
  }
  if (subject.kind !== "user" && subject.kind !== "server") {
    throw new StoreError(
      "INVALID_INPUT",
      `kind ${JSON.stringify(subject.kind)} is unknown; it must be user or server`,
    );
  }
  checkText(subject.subjectId, "subjectId", 1);
}

/**
 * Blocks a chat user or a whole server: the bot refuses their requests.
 *
 * @throws {@link StoreError} CONFLICT when it is blocked already,
 * INVALID_INPUT, UNAVAILABLE
 */
export async function blockRequester(
  context: StoreContext,
  subject: BlockSubject,
  actor: Actor,
  reason: string | null = null,
): Promise<void> {
  checkSubject(subject);
  if (reason !== null) checkText(reason, "reason");
  const name = blockSubjectName(subject);
  await withStoreErrors(context, `block ${name}`, () =>
    context.prisma.$transaction(async (tx) => {
      const existing = await tx.blockedRequester.count({ where: subject });
      if (existing > 0) throw new StoreError("CONFLICT", `${name} is blocked already`);
      await tx.blockedRequester.create({
        data: { ...subject, reason, blockedBy: actor },
      });
      await writeAudit(tx, {
        actor,
        action: "requester.block",
        subject: name,
        detail: reason,
      });
    }),
  );
}

/**
 * Lifts a block.
 *
 * @throws {@link StoreError} NOT_FOUND when it is not blocked, INVALID_INPUT,
 * UNAVAILABLE
 */
export async function unblockRequester(
  context: StoreContext,
  subject: BlockSubject,
  actor: Actor,
): Promise<void> {
  checkSubject(subject);
  const name = blockSubjectName(subject);
  await withStoreErrors(context, `unblock ${name}`, () =>
    context.prisma.$transaction(async (tx) => {
      const removed = await tx.blockedRequester.deleteMany({ where: subject });
      if (removed.count === 0)
        throw new StoreError("NOT_FOUND", `${name} is not blocked`);
      await writeAudit(tx, { actor, action: "requester.unblock", subject: name });
    }),
  );
}

/**
 * The block that refuses a request from this user on this server, if any:
 * the user's own block first, then the server's.
 */
export async function findBlock(
  context: StoreContext,
  requester: { platform: Platform; userId: string | null; serverId: string | null },
): Promise<Block | null> {
  const candidates = [
    ...(requester.userId === null
      ? []
      : [{ kind: "user" as const, subjectId: requester.userId }]),
    ...(requester.serverId === null
      ? []
      : [{ kind: "server" as const, subjectId: requester.serverId }]),
  ];
  if (candidates.length === 0) return null;
  const rows = await withStoreErrors(context, "look up blocks", () =>
    context.prisma.blockedRequester.findMany({
      where: { platform: requester.platform, OR: candidates },
    }),
  );
  return rows.find((row) => row.kind === "user") ?? rows[0] ?? null;
}

/** Every block, newest first. */
export function listBlocks(context: StoreContext): Promise<Block[]> {
  return withStoreErrors(context, "list blocks", () =>
    context.prisma.blockedRequester.findMany({ orderBy: { createdAt: "desc" } }),
  );
}
