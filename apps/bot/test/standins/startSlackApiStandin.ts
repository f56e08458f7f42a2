import type { IncomingMessage, ServerResponse } from "node:http";

import { closeStandin, listenOnLoopback } from "./listenOnLoopback.ts";
import { parseForm, readBody } from "./readBody.ts";

/** A file shared in a channel through the external upload flow. */
export interface SharedUpload {
  channelId: string;
  initialComment: string | null;
  threadTs: string | null;
  fileId: string;
  title: string | null;
  filename: string;
  /** The bytes the client sent to the upload URL. */
  data: Buffer;
}

export interface PostedMessage {
  channel: string;
  text: string;
  threadTs: string | null;
  /** How the body came: form or JSON, both of which Slack accepts. */
  contentType: string;
}

export interface SlackApiStandin {
  /** The Web API base to configure, like https://slack.com/api/ */
  apiUrl: string;
  /** A response_url for a slash command that this stand-in records. */
  responseUrl(id: string): string;
  calls: string[];
  uploads: SharedUpload[];
  messages: PostedMessage[];
  responses: { id: string; body: Record<string, unknown> }[];
  /** Channels where the bot is not a member: posting there fails as on Slack. */
  channelsWithoutBot: Set<string>;
  close(): Promise<void>;
}

interface PendingUpload {
  filename: string;
  length: number;
  data: Buffer | null;
}

function send(response: ServerResponse, body: unknown, status = 200): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}

/** Web API arguments from a form or a JSON body, as Slack reads both. */
async function readArguments(
  request: IncomingMessage,
  body: Buffer,
): Promise<Record<string, string>> {
  const contentType = request.headers["content-type"] ?? "";
  if (contentType.startsWith("application/json")) {
    const json = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(json).map(([key, value]) => [
        key,
        typeof value === "string" ? value : JSON.stringify(value),
      ]),
    );
  }
  return (await parseForm(body, contentType || "application/x-www-form-urlencoded"))
    .fields;
}

/** An upload URL receives the raw bytes, or a multipart body with one file. */
async function uploadedBytes(request: IncomingMessage, body: Buffer): Promise<Buffer> {
  const contentType = request.headers["content-type"] ?? "";
  if (!contentType.startsWith("multipart/form-data")) return body;
  const [file] = (await parseForm(body, contentType)).files;
  return file?.data ?? Buffer.alloc(0);
}

/**
 * A loopback stand-in for Slack's Web API: auth.test, the external file
 * upload flow (files.getUploadURLExternal, the upload URL,
 * files.completeUploadExternal), chat.postMessage and response URLs, with
 * Slack's `{ ok, error }` answers.
 *
 * @param botToken - the only token it accepts
 */
export async function startSlackApiStandin(botToken: string): Promise<SlackApiStandin> {
  const calls: string[] = [];
  const uploads: SharedUpload[] = [];
  const messages: PostedMessage[] = [];
  const responses: SlackApiStandin["responses"] = [];
  const channelsWithoutBot = new Set<string>();
  const pending = new Map<string, PendingUpload>();
  let origin = "";
  let nextId = 1;

  async function callMethod(
    method: string,
    request: IncomingMessage,
    response: ServerResponse,
    body: Buffer,
  ) {
    calls.push(method);
    if (request.headers.authorization !== `Bearer ${botToken}`) {
      send(response, { ok: false, error: "invalid_auth" });
      return;
    }
    const args = await readArguments(request, body);
    if (method === "auth.test") {
      send(response, {
        ok: true,
        url: "https://attrib-test.slack.com/",
        team: "Attrib Test",
        user: "attrib",
        team_id: "T0TEST",
        user_id: "U0BOT",
        bot_id: "B0BOT",
      });
    } else if (method === "files.getUploadURLExternal") {
      const fileId = `F0${nextId++}`;
      pending.set(fileId, {
        filename: args.filename ?? "",
        length: Number(args.length),
        data: null,
      });
      send(response, {
        ok: true,
        upload_url: `${origin}/upload/v1/${fileId}`,
        file_id: fileId,
      });
    } else if (method === "files.completeUploadExternal") {
      completeUploads(args, response);
    } else if (method === "chat.postMessage") {
      if (channelsWithoutBot.has(args.channel ?? "")) {
        send(response, { ok: false, error: "not_in_channel" });
        return;
      }
      messages.push({
        channel: args.channel ?? "",
        text: args.text ?? "",
        threadTs: args.thread_ts ?? null,
        contentType: request.headers["content-type"] ?? "",
      });
      send(response, {
        ok: true,
        channel: args.channel,
        ts: `${Date.now() / 1000}`,
        message: { text: args.text },
      });
    } else {
      send(response, { ok: false, error: "unknown_method" });
    }
  }

  function completeUploads(args: Record<string, string>, response: ServerResponse) {
    const channelId = args.channel_id ?? "";
    if (channelsWithoutBot.has(channelId)) {
      send(response, { ok: false, error: "not_in_channel" });
      return;
    }
    const files = JSON.parse(args.files ?? "[]") as { id: string; title?: string }[];
    for (const file of files) {
      const upload = pending.get(file.id);
      if (!upload?.data || upload.data.length !== upload.length) {
        send(response, { ok: false, error: "file_upload_not_found" });
        return;
      }
      uploads.push({
        channelId,
        initialComment: args.initial_comment ?? null,
        threadTs: args.thread_ts ?? null,
        fileId: file.id,
        title: file.title ?? null,
        filename: upload.filename,
        data: upload.data,
      });
    }
    send(response, {
      ok: true,
      files: files.map((file) => ({ id: file.id, title: file.title })),
    });
  }

  async function answer(request: IncomingMessage, response: ServerResponse) {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const body = await readBody(request);
    const method = /^\/api\/([\w.]+)$/.exec(path)?.[1];
    const uploadId = /^\/upload\/v1\/(\w+)$/.exec(path)?.[1];
    const responseId = /^\/response\/(\w+)$/.exec(path)?.[1];
    if (method !== undefined) {
      await callMethod(method, request, response, body);
    } else if (uploadId !== undefined && pending.has(uploadId)) {
      const upload = pending.get(uploadId);
      if (upload) upload.data = await uploadedBytes(request, body);
      response.writeHead(200, { "content-type": "text/plain" });
      response.end(`OK - ${upload?.data?.length ?? 0}`);
    } else if (responseId !== undefined) {
      responses.push({
        id: responseId,
        body: JSON.parse(body.toString("utf8")) as Record<string, unknown>,
      });
      response.writeHead(200, { "content-type": "text/plain" });
      response.end("ok");
    } else {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("Not Found");
    }
  }

  const started = await listenOnLoopback((request, response) => {
    answer(request, response).catch((error: unknown) =>
      send(response, { ok: false, error: String(error) }, 500),
    );
  });
  origin = started.origin;

  return {
    apiUrl: `${origin}/api/`,
    responseUrl: (id) => `${origin}/response/${id}`,
    calls,
    uploads,
    messages,
    responses,
    channelsWithoutBot,
    close: () => closeStandin(started.server),
  };
}
