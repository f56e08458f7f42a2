import {
  addOperator,
  listOperators,
  type OperatorAuth,
  removeOperator,
} from "@attrib/auth";
import type { BlockKind, ModerationStore, Platform } from "@attrib/store";

import { parseUser } from "./parseUser.ts";
import { USAGE } from "./usage.ts";

/** What the commands work on; opened lazily by main. */
export interface AdminServices {
  store(): ModerationStore;
  auth(): OperatorAuth;
  /** Where results go: stdout. */
  print(text: string): void;
}

/** The audit log's name for actions taken with this command. */
const ACTOR = "cli";

function required(value: string | undefined, what: string): string {
  if (value === undefined || value === "") throw new Error(`missing ${what}\n\n${USAGE}`);
  return value;
}

function chatPlatform(value: string | undefined): Platform {
  if (value === "discord" || value === "slack") return value;
  throw new Error(
    `platform must be discord or slack, not ${JSON.stringify(value ?? "")}`,
  );
}

function blockKind(value: string | undefined): BlockKind {
  if (value === "user" || value === "server") return value;
  throw new Error(`kind must be user or server, not ${JSON.stringify(value ?? "")}`);
}

async function operatorCommand(
  name: string,
  args: string[],
  services: AdminServices,
): Promise<boolean> {
  const auth = () => services.auth();
  if (name === "add-operator") {
    const email = required(args[0], "the operator's email");
    const password = await addOperator(auth(), email);
    await services
      .store()
      .recordAudit({ actor: ACTOR, action: "operator.add", subject: email });
    services.print(
      `Operator ${email} can sign in at /admin/sign-in with this password ` +
        `(shown once; run add-operator again to replace it):\n${password}`,
    );
    return true;
  }
  if (name === "remove-operator") {
    const email = required(args[0], "the operator's email");
    if (!(await removeOperator(auth(), email)))
      throw new Error(`there is no account ${email}`);
    await services
      .store()
      .recordAudit({ actor: ACTOR, action: "operator.remove", subject: email });
    services.print(`${email} is no longer an operator; its sessions have ended.`);
    return true;
  }
  if (name === "list-operators") {
    for (const account of await listOperators(auth())) {
      services.print(
        `${account.email}\t${account.role}\t${account.createdAt.toISOString()}`,
      );
    }
    return true;
  }
  return false;
}

async function moderationCommand(
  name: string,
  args: string[],
  services: AdminServices,
): Promise<boolean> {
  const store = () => services.store();
  switch (name) {
    case "hide":
    case "unhide":
    case "delete": {
      const id = required(args[0], "the analysis id");
      if (name === "hide") await store().hideAnalysis(id, ACTOR);
      else if (name === "unhide") await store().unhideAnalysis(id, ACTOR);
      else await store().deleteAnalysis(id, ACTOR);
      services.print(`${name}: done for analysis ${id}.`);
      return true;
    }
    case "block":
    case "unblock": {
      const subject = {
        platform: chatPlatform(args[0]),
        kind: blockKind(args[1]),
        subjectId: required(args[2], "the user or server id"),
      };
      if (name === "block")
        await store().blockRequester(subject, ACTOR, args.slice(3).join(" ") || null);
      else await store().unblockRequester(subject, ACTOR);
      services.print(
        `${name}: done for ${subject.platform} ${subject.kind} ${subject.subjectId}.`,
      );
      return true;
    }
    case "publish": {
      const server = {
        platform: chatPlatform(args[0]),
        serverId: required(args[1], "the server id"),
      };
      const state = required(args[2], "on or off");
      if (state !== "on" && state !== "off") throw new Error("publish takes on or off");
      const changed = await store().setServerPublishing(server, state === "on", ACTOR);
      services.print(changed ? "Changed." : "It was so already; nothing changed.");
      return true;
    }
    case "audit": {
      for (const entry of await store().readAuditLog(Number(args[0] ?? "50") || 50)) {
        services.print(
          [
            entry.createdAt.toISOString(),
            entry.actor,
            entry.action,
            entry.subject,
            entry.detail ?? "",
          ].join("\t"),
        );
      }
      return true;
    }
    default:
      return false;
  }
}

async function dataCommand(
  name: string,
  args: string[],
  services: AdminServices,
): Promise<boolean> {
  if (name === "export-user") {
    const analyses = await services.store().exportUserData(parseUser(args[0]));
    services.print(JSON.stringify({ user: args[0], analyses }, null, 2));
    return true;
  }
  if (name === "delete-user") {
    const deleted = await services.store().deleteUserData(parseUser(args[0]), ACTOR);
    services.print(`Deleted ${deleted} analyses of ${args[0] ?? ""}.`);
    return true;
  }
  if (name === "retention") {
    const days = Number(required(args[0], "the number of days"));
    const deleted = await services.store().deleteExpiredAnalyses(days);
    services.print(`Deleted ${deleted} analyses older than ${days} days.`);
    return true;
  }
  return false;
}

/**
 * Runs one admin command.
 *
 * @throws Error with a message for the operator when the command or its
 * arguments are wrong, or a StoreError when the store refuses
 */
export async function runCommand(argv: string[], services: AdminServices): Promise<void> {
  const [name = "help", ...args] = argv;
  if (name === "help" || name === "--help") {
    services.print(USAGE);
    return;
  }
  const handled =
    (await operatorCommand(name, args, services)) ||
    (await moderationCommand(name, args, services)) ||
    (await dataCommand(name, args, services));
  if (!handled) throw new Error(`unknown command ${JSON.stringify(name)}\n\n${USAGE}`);
}
