/**
 * Next may load a server module once per bundle (pages, route handlers,
 * server actions), so a module-level variable could exist several times in
 * one process. Connections are kept on globalThis instead: one pool per
 * process, whichever bundle asks first.
 *
 * @param key - a name unique to the resource
 * @param create - called once per process
 */
export function processSingleton<T>(key: string, create: () => T): T {
  const holder = globalThis as typeof globalThis & { attribWeb?: Map<string, unknown> };
  holder.attribWeb ??= new Map();
  if (!holder.attribWeb.has(key)) holder.attribWeb.set(key, create());
  return holder.attribWeb.get(key) as T;
}
