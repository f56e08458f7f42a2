/** A refused admin request: a status and a sentence saying why, as plain text. */
export function refusal(status: 401 | 403 | 404 | 503, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
