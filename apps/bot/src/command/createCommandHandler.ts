import type { AnalysisJob, AnalysisRequest, JobQueues } from "@attrib/jobs";
import type { Store } from "@attrib/store";

import type { CommandLimits } from "../env.ts";
import type { RateLimiter } from "../limits/RateLimiter.ts";
import { describeError, type Logger } from "../logging/Logger.ts";
import {
  handleModerationCommand,
  type ModerationDependencies,
} from "../moderation/handleModerationCommand.ts";
import {
  type ModerationCommand,
  parseModerationCommand,
} from "../moderation/parseModerationCommand.ts";
import type { AttribCommand, CommandContext, CommandOutcome } from "./AttribCommand.ts";
import { checkCommand } from "./checkCommand.ts";
import { analysisJobId, replyJobId } from "./jobIds.ts";
import { replyForStoredAnalysis } from "./replyForStoredAnalysis.ts";
import { withDeadline } from "./withDeadline.ts";

/**
 * How long queueing may take. Discord drops an interaction not answered
 * within 3 s and Slack shows an error after 3 s; this leaves time to answer.
 */
export const QUEUE_DEADLINE_MS = 2_200;

export const UNAVAILABLE_MESSAGE =
  "The analysis could not be queued right now (the job queue or the " +
  "database is unreachable). Please try again in a minute.";

/** What the handler needs; each is replaceable in tests. */
export interface CommandHandlerDependencies {
  queues: Pick<JobQueues, "enqueueAnalysis" | "enqueueReply">;
  /**
   * Earlier answers, blocks, publishing and moderation; when null, reuse
   * and block checks are skipped and moderation commands are refused.
   */
  store:
    | (Pick<Store, "findReusableAnalysis" | "findBlock" | "isServerPublished"> &
        ModerationDependencies["store"])
    | null;
  /** `discord:<id>` and `slack:<id>` of the operators. */
  operators?: ReadonlySet<string>;
  /** Signs authors' deletion links; null or left out when they are switched off. */
  deletionSecret?: string | null;
  rateLimiter: RateLimiter;
  installedModels: () => Promise<string[]>;
  limits: CommandLimits;
  defaultModel: string;
  dashboardUrl: string;
  log: Logger;
  /** Overrides {@link QUEUE_DEADLINE_MS}. */
  queueDeadlineMs?: number;
}

export type CommandHandler = (
  command: AttribCommand,
  context: CommandContext,
) => Promise<CommandOutcome>;

function rateSubject(context: CommandContext): string {
  const { requester } = context;
  const who = requester.userId ?? requester.channelId ?? "anonymous";
  return `${context.platform}:${requester.serverId ?? "-"}:${who}`;
}

function describeRequest(request: AnalysisRequest): string {
  const target = request.targets[0];
  return (
    `Analysing ${JSON.stringify(request.text)} with ${request.model} ` +
    `(top ${request.k}${target === undefined ? "" : `, target ${JSON.stringify(target)}`}).`
  );
}

async function rateLimited(
  deps: CommandHandlerDependencies,
  context: CommandContext,
): Promise<CommandOutcome | null> {
  const decision = await deps.rateLimiter.take(rateSubject(context));
  if (decision.allowed) return null;
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  const { rateLimitCount, rateLimitWindowMs } = deps.limits;
  return {
    kind: "rejected",
    reason: "rate-limited",
    message:
      `You have reached the limit of ${rateLimitCount} analyses per ` +
      `${Math.round(rateLimitWindowMs / 1000)} s. Please wait ${seconds} s ` +
      `and try again.`,
  };
}

async function blocked(
  deps: CommandHandlerDependencies,
  context: CommandContext,
): Promise<CommandOutcome | null> {
  if (deps.store === null) return null;
  const { requester } = context;
  const block = await deps.store.findBlock(requester);
  if (block === null) return null;
  const who = block.kind === "user" ? "You are" : "This server is";
  return {
    kind: "rejected",
    reason: "blocked",
    message:
      `${who} blocked from /attrib by the dashboard's operators` +
      `${block.reason ? ` (${block.reason})` : ""}. Ask them if you think this is a mistake.`,
  };
}

/** Whether replies in this conversation may carry a dashboard link. */
async function publishes(
  deps: CommandHandlerDependencies,
  context: CommandContext,
): Promise<boolean> {
  return deps.store === null || deps.store.isServerPublished(context.requester);
}

async function reuseEarlierAnswer(
  deps: CommandHandlerDependencies,
  request: AnalysisRequest,
  context: CommandContext,
  jobId: string,
): Promise<CommandOutcome | null> {
  if (deps.store === null || deps.limits.reuseWindowMs <= 0) return null;
  const stored = await deps.store.findReusableAnalysis(
    request,
    deps.limits.reuseWindowMs,
  );
  if (stored === null) return null;

  const reply = await replyForStoredAnalysis(
    stored,
    context.reply,
    (await publishes(deps, context)) ? deps.dashboardUrl : null,
  );
  await deps.queues.enqueueReply(reply, replyJobId(jobId));
  return {
    kind: "reused",
    jobId,
    analysisId: stored.id,
    message: `${describeRequest(request)} The same question was answered recently; reusing it.`,
  };
}

async function queueAnalysis(
  deps: CommandHandlerDependencies,
  request: AnalysisRequest,
  context: CommandContext,
): Promise<CommandOutcome> {
  const jobId = analysisJobId(context);
  const refused = await blocked(deps, context);
  if (refused) return refused;
  const limited = await rateLimited(deps, context);
  if (limited) return limited;

  const reused = await reuseEarlierAnswer(deps, request, context, jobId);
  if (reused) return reused;

  const job: AnalysisJob = {
    request,
    requester: context.requester,
    reply: context.reply,
  };
  await deps.queues.enqueueAnalysis(job, jobId);
  return {
    kind: "queued",
    jobId,
    message: `${describeRequest(request)} The chart will appear here when it is ready.`,
  };
}

/**
 * The one `/attrib` handler behind every chat adapter: carries out a
 * moderation command (`delete <link>`, `hide <link>`, …), or checks the
 * command, refuses blocked users and servers, applies the per-user rate
 * limit, reuses a recent answer to the same question, or queues an
 * analysis. It never throws: an unreachable Redis or database becomes a
 * message asking the user to try again.
 */
export function createCommandHandler(deps: CommandHandlerDependencies): CommandHandler {
  const deadline = deps.queueDeadlineMs ?? QUEUE_DEADLINE_MS;
  return async (command, context) => {
    const moderation = parseModerationCommand(command.text);
    if (moderation !== null) return moderate(deps, moderation, context, deadline);
    const checked = await checkCommand(command, {
      platform: context.platform,
      limits: deps.limits,
      defaultModel: deps.defaultModel,
      installedModels: deps.installedModels,
    });
    if ("kind" in checked) return checked;

    try {
      const outcome = await withDeadline(
        queueAnalysis(deps, checked, context),
        deadline,
        "queueing the analysis",
      );
      deps.log("info", "command.answered", {
        platform: context.platform,
        outcome: outcome.kind,
        jobId: "jobId" in outcome ? outcome.jobId : null,
        model: checked.model,
      });
      return outcome;
    } catch (error) {
      deps.log("warn", "command.unavailable", {
        platform: context.platform,
        requestId: context.requestId,
        error: describeError(error),
      });
      return { kind: "rejected", reason: "unavailable", message: UNAVAILABLE_MESSAGE };
    }
  };
}

async function moderate(
  deps: CommandHandlerDependencies,
  command: ModerationCommand,
  context: CommandContext,
  deadline: number,
): Promise<CommandOutcome> {
  if (deps.store === null) {
    return { kind: "rejected", reason: "unavailable", message: UNAVAILABLE_MESSAGE };
  }
  try {
    const outcome = await withDeadline(
      handleModerationCommand(command, context, {
        store: deps.store,
        operators: deps.operators ?? new Set(),
        deletionSecret: deps.deletionSecret ?? null,
        dashboardUrl: deps.dashboardUrl,
      }),
      deadline,
      `the ${command.kind} command`,
    );
    deps.log("info", "moderation.answered", {
      platform: context.platform,
      command: command.kind,
      outcome: outcome.kind,
      reason: outcome.kind === "rejected" ? outcome.reason : null,
    });
    return outcome;
  } catch (error) {
    deps.log("warn", "moderation.unavailable", {
      platform: context.platform,
      requestId: context.requestId,
      error: describeError(error),
    });
    return { kind: "rejected", reason: "unavailable", message: UNAVAILABLE_MESSAGE };
  }
}
