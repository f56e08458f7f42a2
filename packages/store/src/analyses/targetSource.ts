import type { TargetAttribution } from "@attrib/core";

import type { TargetSource } from "../generated/prisma/enums.ts";

type Source = TargetAttribution["source"];

/** Prisma enum names cannot hold `+`; the database value is still `top+named`. */
const toColumn: Record<Source, TargetSource> = {
  top: "top",
  named: "named",
  "top+named": "topAndNamed",
};

/** A target's source as its column holds it. */
export function sourceColumn(source: Source): TargetSource {
  return toColumn[source];
}

/** A target's source as core names it. */
export function sourceFromColumn(column: TargetSource): Source {
  return column === "topAndNamed" ? "top+named" : column;
}
