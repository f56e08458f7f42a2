import type { Platform, ReplyTarget, Requester } from "@attrib/jobs";

/** The `/attrib` options as a platform delivered them, before any checks. */
export interface AttribCommand {
  text: string;
  /** Installed model name; the default model when null. */
  model: string | null;
  /** One extra token to attribute, e.g. `" Jobs"`. */
  target: string | null;
  /** How many top tokens to attribute; NaN when the user typed no number. */
  k: number | null;
}

/** Where a command came from and how to answer it later. */
export interface CommandContext {
  platform: Extract<Platform, "discord" | "slack">;
  /** The platform's id of this request, the same on a redelivery. */
  requestId: string;
  requester: Requester;
  reply: ReplyTarget;
  /**
   * Whether the platform says the user manages this server (Discord's
   * Manage Server permission), which lets them keep its analyses private.
   */
  canManageServer?: boolean;
}

/** Why a command is answered at once instead of being queued. */
export type RejectionReason =
  | "help"
  | "text-too-long"
  | "bad-k"
  | "unknown-model"
  | "rate-limited"
  | "unavailable"
  | "blocked"
  | "forbidden"
  | "not-found"
  | "conflict";

/** What the handler decided; each adapter turns it into its platform's answer. */
export type CommandOutcome =
  | { kind: "queued"; jobId: string; message: string }
  | { kind: "reused"; jobId: string; analysisId: string; message: string }
  | { kind: "rejected"; reason: RejectionReason; message: string }
  /** A moderation command was carried out; `deleted` names a deleted analysis. */
  | { kind: "moderated"; message: string; deleted: string | null };
