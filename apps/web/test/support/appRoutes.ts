import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

import { webRoot } from "./paths.ts";

/** One address the app serves, read from the app router's files. */
export interface AppRoute {
  /** e.g. `/api/admin/analyses/[id]/hide`, with its dynamic segments. */
  pattern: string;
  /** GET for pages and images; a route file's exported handlers. */
  methods: string[];
  file: string;
}

const APP = join(webRoot, "src", "app");
const HANDLER =
  /export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g;
const PAGE_FILES = new Set(["page.tsx", "opengraph-image.tsx", "twitter-image.tsx"]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function patternOf(file: string): string {
  const segments = relative(APP, file).split(sep).slice(0, -1);
  const name = file.split(sep).at(-1) ?? "";
  // Route groups like (public) do not appear in the address.
  const path = segments.filter((s) => !/^\(.*\)$/.test(s));
  if (name === "opengraph-image.tsx") path.push("opengraph-image");
  if (name === "twitter-image.tsx") path.push("twitter-image");
  return `/${path.join("/")}`;
}

/** Every page, image and route handler under apps/web/src/app, found from the files. */
export function appRoutes(): AppRoute[] {
  return filesUnder(APP).flatMap((file): AppRoute[] => {
    const name = file.split(sep).at(-1) ?? "";
    if (PAGE_FILES.has(name))
      return [{ pattern: patternOf(file), methods: ["GET"], file }];
    if (name !== "route.ts") return [];
    const source = readFileSync(file, "utf8");
    const methods = [...source.matchAll(HANDLER)].map((match) => match[1] ?? "");
    return [{ pattern: patternOf(file), methods, file }];
  });
}

/** Routes only operators may use: everything under /admin and /api/admin but sign-in. */
export function isAdminRoute(route: AppRoute): boolean {
  const admin = /^\/(api\/)?admin(\/|$)/.test(route.pattern);
  return admin && !/\/sign-in$/.test(route.pattern);
}

/** The address of a pattern with its dynamic segments filled in. */
export function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\[([^\]]+)\]/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for [${name}] in ${pattern}`);
    return encodeURIComponent(value);
  });
}
