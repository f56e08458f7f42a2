import type { IncomingMessage, ServerResponse } from "node:http";

import { closeStandin, listenOnLoopback } from "./listenOnLoopback.ts";
import { parseForm, readBody, type ReceivedFile } from "./readBody.ts";

/** One edit of an interaction's original response, as Discord received it. */
export interface RecordedEdit {
  applicationId: string;
  interactionToken: string;
  contentType: string;
  /** Whether the request carried an Authorization header (webhooks need none). */
  authorized: boolean;
  /** The JSON body, or the `payload_json` part of a multipart body. */
  payload: Record<string, unknown>;
  /** The `files[n]` parts. */
  files: ReceivedFile[];
}

export interface RecordedCommandPut {
  applicationId: string;
  authorization: string | undefined;
  commands: unknown[];
}

export interface DiscordApiStandin {
  /** The REST base to configure, like https://discord.com/api */
  apiUrl: string;
  edits: RecordedEdit[];
  commandPuts: RecordedCommandPut[];
  /** Interaction tokens that answer 404 Unknown Webhook, as expired ones do. */
  expiredTokens: Set<string>;
  close(): Promise<void>;
}

const EDIT_ORIGINAL = /^\/api\/v10\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/;
const COMMANDS = /^\/api\/v10\/applications\/(\d+)\/commands$/;

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

async function readEdit(
  request: IncomingMessage,
  applicationId: string,
  interactionToken: string,
): Promise<RecordedEdit> {
  const contentType = request.headers["content-type"] ?? "";
  const body = await readBody(request);
  const edit = {
    applicationId,
    interactionToken,
    contentType,
    authorized: request.headers.authorization !== undefined,
  };
  if (!contentType.startsWith("multipart/form-data")) {
    return {
      ...edit,
      payload: JSON.parse(body.toString("utf8")) as Record<string, unknown>,
      files: [],
    };
  }
  const form = await parseForm(body, contentType);
  const payload = JSON.parse(form.fields.payload_json ?? "{}") as Record<string, unknown>;
  return { ...edit, payload, files: form.files };
}

function editedMessage(edit: RecordedEdit) {
  return {
    id: "1100000000000000001",
    type: 20,
    content: edit.payload.content ?? "",
    attachments: edit.files.map((file, index) => ({
      id: String(1200000000000000000n + BigInt(index)),
      filename: file.filename,
      size: file.data.length,
      content_type: file.contentType,
    })),
  };
}

/**
 * A loopback stand-in for Discord's REST API: the two calls the bot makes,
 * in Discord's wire format, recorded for the tests.
 */
export async function startDiscordApiStandin(): Promise<DiscordApiStandin> {
  const edits: RecordedEdit[] = [];
  const commandPuts: RecordedCommandPut[] = [];
  const expiredTokens = new Set<string>();

  const { server, origin } = await listenOnLoopback((request, response) => {
    const answer = async () => {
      // Clients percent-encode "@original"; Discord accepts either form.
      const path = decodeURIComponent(
        new URL(request.url ?? "/", "http://127.0.0.1").pathname,
      );
      const edit = EDIT_ORIGINAL.exec(path);
      const commands = COMMANDS.exec(path);
      if (request.method === "PATCH" && edit) {
        const [, applicationId = "", token = ""] = edit;
        if (expiredTokens.has(token)) {
          send(response, 404, { message: "Unknown Webhook", code: 10015 });
          return;
        }
        const recorded = await readEdit(request, applicationId, token);
        edits.push(recorded);
        send(response, 200, editedMessage(recorded));
      } else if (request.method === "PUT" && commands) {
        const body = JSON.parse((await readBody(request)).toString("utf8")) as unknown[];
        const [, applicationId = ""] = commands;
        commandPuts.push({
          applicationId,
          authorization: request.headers.authorization,
          commands: body,
        });
        send(
          response,
          200,
          body.map((command, index) => ({
            ...(command as object),
            id: String(1300000000000000000n + BigInt(index)),
            application_id: applicationId,
            version: "1",
          })),
        );
      } else {
        send(response, 404, { message: "404: Not Found", code: 0 });
      }
    };
    answer().catch((error: unknown) =>
      send(response, 500, { message: String(error), code: 0 }),
    );
  });

  return {
    apiUrl: `${origin}/api`,
    edits,
    commandPuts,
    expiredTokens,
    close: () => closeStandin(server),
  };
}
