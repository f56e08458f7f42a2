import type { Platform } from "../types.ts";

/** Chat platforms, whose users and servers have ids an operator can act on. */
export type ChatPlatform = Extract<Platform, "discord" | "slack">;

/**
 * Who did something, as the audit log names them: `discord:123`,
 * `slack:U456`, `web:ops@example.org`, `retention`, `cli`.
 */
export type Actor = string;

/** The person who asked for an analysis, as their platform knows them. */
export interface Author {
  platform: Platform;
  userId: string;
}

export type BlockKind = "user" | "server";

/** A chat user or server whose requests are refused. */
export interface Block {
  platform: Platform;
  kind: BlockKind;
  /** The user id, or the guild or workspace id. */
  subjectId: string;
  reason: string | null;
  blockedBy: Actor;
  createdAt: Date;
}

/** One line of the audit log. */
export interface AuditEntry {
  id: string;
  actor: Actor;
  /** e.g. `analysis.hide`, `analysis.delete`, `requester.block`. */
  action: string;
  /** An analysis id, `discord:user:123`, `slack:server:T1`, an email. */
  subject: string;
  detail: string | null;
  createdAt: Date;
}

/** A server that keeps its analyses off the dashboard. */
export interface UnpublishedServer {
  platform: Platform;
  serverId: string;
  changedBy: Actor;
  createdAt: Date;
}

/** One analysis as operators see it: with its platform ids and state. */
export interface ModeratedAnalysis {
  id: string;
  createdAt: Date;
  text: string;
  modelName: string;
  platform: Platform;
  serverId: string | null;
  channelId: string | null;
  userId: string | null;
  userDisplayName: string | null;
  hiddenAt: Date | null;
  /** False when its server keeps analyses off the dashboard. */
  serverPublishes: boolean;
}

export interface ModerationListOptions {
  /** 1 for the newest. */
  page?: number;
  /** 1 … 100; 50 when left out. */
  pageSize?: number;
  /** Prompt text, ignoring case. */
  search?: string;
  /** Only hidden ones. */
  hiddenOnly?: boolean;
}

export interface ModerationPage {
  items: ModeratedAnalysis[];
  page: number;
  pageSize: number;
  total: number;
}
