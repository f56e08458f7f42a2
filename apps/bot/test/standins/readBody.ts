import type { IncomingMessage } from "node:http";

/** The whole body of a request. */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A part of a multipart body, as a server receives it. */
export interface ReceivedFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface ParsedForm {
  fields: Record<string, string>;
  files: ReceivedFile[];
}

/**
 * Parses a url-encoded or multipart body with the WHATWG parser Node ships,
 * the same wire format a real server reads.
 */
export async function parseForm(body: Buffer, contentType: string): Promise<ParsedForm> {
  const request = new Request("http://127.0.0.1/", {
    method: "POST",
    headers: { "content-type": contentType },
    body,
  });
  const form = await request.formData();
  const parsed: ParsedForm = { fields: {}, files: [] };
  for (const [field, value] of form.entries()) {
    if (typeof value === "string") {
      parsed.fields[field] = value;
    } else {
      parsed.files.push({
        field,
        filename: value.name,
        contentType: value.type,
        data: Buffer.from(await value.arrayBuffer()),
      });
    }
  }
  return parsed;
}
