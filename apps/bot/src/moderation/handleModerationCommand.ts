import { deletionLink, signDeletionToken } from "@attrib/jobs";
import { isStoreError, type ModerationStore, type StoreErrorCode } from "@attrib/store";

import type {
  CommandContext,
  CommandOutcome,
  RejectionReason,
} from "../command/AttribCommand.ts";
import type { ModerationCommand } from "./parseModerationCommand.ts";

/** What moderation commands need; each is replaceable in tests. */
export interface ModerationDependencies {
  store: Pick<
    ModerationStore,
    | "deleteAnalysis"
    | "deleteOwnAnalysis"
    | "findAnalysisAuthor"
    | "hideAnalysis"
    | "unhideAnalysis"
    | "blockRequester"
    | "unblockRequester"
    | "setServerPublishing"
  >;
  /** `discord:<id>` and `slack:<id>` of the operators. */
  operators: ReadonlySet<string>;
  /** Signs authors' deletion links; null when they are switched off. */
  deletionSecret: string | null;
  dashboardUrl: string;
}

const NOTHING_CHANGED = " Nothing was changed.";

const REASON_OF: Partial<Record<StoreErrorCode, RejectionReason>> = {
  NOT_FOUND: "not-found",
  FORBIDDEN: "forbidden",
  CONFLICT: "conflict",
  INVALID_INPUT: "not-found",
};

const reject = (reason: RejectionReason, message: string): CommandOutcome => ({
  kind: "rejected",
  reason,
  message,
});

const done = (message: string, deleted: string | null = null): CommandOutcome => ({
  kind: "moderated",
  message,
  deleted,
});

/** How the audit log and the operator list name the person who typed the command. */
function actorOf(context: CommandContext): string | null {
  const { userId } = context.requester;
  return userId === null ? null : `${context.platform}:${userId}`;
}

const operatorsOnly = (what: string) =>
  reject(
    "forbidden",
    `Only the dashboard's operators can ${what}. Ask one of them.${NOTHING_CHANGED}`,
  );

async function deleteCommand(
  analysisId: string,
  context: CommandContext,
  deps: ModerationDependencies,
  actor: string,
): Promise<CommandOutcome> {
  const userId = context.requester.userId;
  if (deps.operators.has(actor)) {
    await deps.store.deleteAnalysis(analysisId, actor);
  } else if (userId !== null) {
    await deps.store.deleteOwnAnalysis(analysisId, {
      platform: context.platform,
      userId,
    });
  }
  return done(
    `Deleted analysis ${analysisId}: it is gone from the dashboard and the database.`,
    analysisId,
  );
}

async function deletionLinkCommand(
  analysisId: string,
  context: CommandContext,
  deps: ModerationDependencies,
): Promise<CommandOutcome> {
  if (deps.deletionSecret === null) {
    return reject(
      "forbidden",
      "Deletion links are switched off here; use /attrib delete <link> instead.",
    );
  }
  const author = await deps.store.findAnalysisAuthor(analysisId);
  const userId = context.requester.userId;
  if (
    author.platform !== context.platform ||
    userId === null ||
    author.userId !== userId
  ) {
    return reject(
      "forbidden",
      "Only the person who asked for this analysis can get its deletion link.",
    );
  }
  const token = signDeletionToken(
    analysisId,
    { platform: context.platform, userId },
    deps.deletionSecret,
  );
  return done(
    `Open this link within 24 hours to delete your analysis on the dashboard ` +
      `(only you can see this message): ${deletionLink(deps.dashboardUrl, token)}`,
  );
}

async function publishCommand(
  publish: boolean,
  context: CommandContext,
  deps: ModerationDependencies,
  actor: string,
): Promise<CommandOutcome> {
  const serverId = context.requester.serverId;
  if (serverId === null) {
    return reject("not-found", "Publishing is set per server; run this in a server.");
  }
  if (!deps.operators.has(actor) && context.canManageServer !== true) {
    return operatorsOnly("change whether this server publishes (or a server manager)");
  }
  const changed = await deps.store.setServerPublishing(
    { platform: context.platform, serverId },
    publish,
    actor,
  );
  const state = publish
    ? "publishes its analyses on the dashboard"
    : "keeps its analyses off the dashboard; replies carry the chart but no link";
  return done(changed ? `This server now ${state}.` : `This server already ${state}.`);
}

async function operatorCommand(
  command: ModerationCommand,
  deps: ModerationDependencies,
  context: CommandContext,
  actor: string,
): Promise<CommandOutcome> {
  switch (command.kind) {
    case "hide":
      await deps.store.hideAnalysis(command.analysisId, actor);
      return done(`Analysis ${command.analysisId} is hidden from the public.`);
    case "unhide":
      await deps.store.unhideAnalysis(command.analysisId, actor);
      return done(`Analysis ${command.analysisId} is public again.`);
    case "block":
    case "unblock": {
      const subject = {
        platform: context.platform,
        kind: command.subjectKind,
        subjectId: command.subjectId,
      };
      if (command.kind === "block") {
        await deps.store.blockRequester(subject, actor, command.reason);
        return done(`Blocked ${command.subjectKind} ${command.subjectId}.`);
      }
      await deps.store.unblockRequester(subject, actor);
      return done(`Unblocked ${command.subjectKind} ${command.subjectId}.`);
    }
    default:
      return reject("forbidden", "Unknown moderation command.");
  }
}

async function run(
  command: ModerationCommand,
  context: CommandContext,
  deps: ModerationDependencies,
  actor: string,
): Promise<CommandOutcome> {
  switch (command.kind) {
    case "delete":
      return deleteCommand(command.analysisId, context, deps, actor);
    case "deletelink":
      return deletionLinkCommand(command.analysisId, context, deps);
    case "publish":
      return publishCommand(command.publish, context, deps, actor);
    default:
      if (!deps.operators.has(actor)) {
        return operatorsOnly(
          command.kind === "hide" || command.kind === "unhide"
            ? "hide and unhide analyses"
            : "block and unblock users and servers",
        );
      }
      return operatorCommand(command, deps, context, actor);
  }
}

/**
 * Carries out `/attrib delete|deletelink|hide|unhide|block|unblock|publish`
 * for the person who typed it: operators (ATTRIB_OPERATORS) may do all of
 * it, an author may delete their own analyses, a server manager may keep
 * the server's analyses private. Refusals say why and change nothing.
 *
 * @throws what the store throws when it is unreachable
 */
export async function handleModerationCommand(
  command: ModerationCommand,
  context: CommandContext,
  deps: ModerationDependencies,
): Promise<CommandOutcome> {
  const actor = actorOf(context);
  if (actor === null) {
    return reject("forbidden", "The platform did not say who you are." + NOTHING_CHANGED);
  }
  try {
    return await run(command, context, deps, actor);
  } catch (error) {
    const reason = isStoreError(error) ? REASON_OF[error.code] : undefined;
    if (reason === undefined || !(error instanceof Error)) throw error;
    return reject(reason, `${capitalize(error.message)}.${NOTHING_CHANGED}`);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
