/** What every masked value is replaced with. */
export const MASK = "[redacted]";

/** Field names whose values are credentials whatever they contain. */
const SECRET_FIELD = /token|secret|password|authorization|signature/i;

/** `scheme://user:password@host` keeps the user, loses the password. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:)[^@\s/]+@/gi;

function maskText(text: string, secrets: readonly string[]): string {
  let masked = text.replace(URL_PASSWORD, `$1${MASK}@`);
  for (const secret of secrets) {
    if (secret.length > 0) masked = masked.split(secret).join(MASK);
  }
  return masked;
}

/**
 * A copy of a log value with credentials removed: known secret strings
 * anywhere, values of credential-named fields, and passwords in URLs.
 *
 * @param value - any JSON-serializable value
 * @param secrets - literal strings that must never be written out
 */
export function maskSecrets(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") return maskText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => maskSecrets(item, secrets));
  if (value === null || typeof value !== "object") return value;

  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      SECRET_FIELD.test(key) && field != null ? MASK : maskSecrets(field, secrets),
    ]),
  );
}
