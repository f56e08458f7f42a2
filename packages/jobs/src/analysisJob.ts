import { z } from "zod";

/** Where a request came from. */
export const platformSchema = z.enum(["discord", "slack", "web", "cli"]);
export type Platform = z.infer<typeof platformSchema>;

/** Who asked, from where; stored with the analysis. */
export const requesterSchema = z.object({
  platform: platformSchema,
  serverId: z.string().nullable(),
  channelId: z.string().nullable(),
  userId: z.string().nullable(),
  displayName: z.string().nullable(),
});
export type Requester = z.infer<typeof requesterSchema>;

/** How to answer in chat once the analysis is stored. */
export const replyTargetSchema = z.discriminatedUnion("platform", [
  z.object({
    platform: z.literal("discord"),
    applicationId: z.string().min(1),
    interactionToken: z.string().min(1),
  }),
  z.object({
    platform: z.literal("slack"),
    channelId: z.string().min(1),
    responseUrl: z.string().url().nullable(),
    threadTs: z.string().nullable(),
  }),
  z.object({ platform: z.literal("none") }),
]);
export type ReplyTarget = z.infer<typeof replyTargetSchema>;

/** What to analyse. */
export const analysisRequestSchema = z.object({
  text: z.string().min(1),
  model: z.string().min(1),
  targets: z.array(z.string()).default([]),
  k: z.number().int().positive(),
});
export type AnalysisRequest = z.infer<typeof analysisRequestSchema>;

/** One job on the analyses queue. */
export const analysisJobSchema = z.object({
  request: analysisRequestSchema,
  requester: requesterSchema,
  reply: replyTargetSchema,
});
export type AnalysisJob = z.infer<typeof analysisJobSchema>;

/** What a chat reply says about a finished analysis. */
export const replySummarySchema = z.object({
  prompt: z.string(),
  modelDisplayName: z.string(),
  /** The most likely next tokens with their probabilities, best first. */
  topTokens: z.array(z.object({ token: z.string(), probability: z.number() })),
  /** The token the chart shows (a named target, else the top token). */
  chartToken: z.string(),
  finalMlp: z.object({
    component: z.string(),
    /** Share of the chart token's logit; null when that logit is near zero. */
    signedShare: z.number().nullable(),
    absoluteShare: z.number(),
  }),
  identityError: z.number(),
});
export type ReplySummary = z.infer<typeof replySummarySchema>;

/** One job on the replies queue: a finished (or failed) analysis to post back to chat. */
export const replyJobSchema = z.object({
  analysisId: z.string().nullable(),
  /** Dashboard link of the analysis. */
  permalink: z.string().nullable(),
  reply: replyTargetSchema,
  summary: replySummarySchema.nullable(),
  /** The per-layer chart, PNG bytes in base64, 1200×630. */
  chartPngBase64: z.string().nullable(),
  /** Set when the analysis could not be made; the reply says why. */
  failure: z.string().nullable(),
});
export type ReplyJob = z.infer<typeof replyJobSchema>;
