import { describe, expect, it } from "vitest";

import { createLogger } from "../src/logging/Logger.ts";
import { MASK, maskSecrets } from "../src/logging/maskSecrets.ts";

describe("maskSecrets", () => {
  it("masks known secrets anywhere, credential-named fields and URL passwords", () => {
    const masked = maskSecrets(
      {
        message: "401 for token xoxb-123 at redis://:hunter2@127.0.0.1:6379",
        interactionToken: "aW50ZXJhY3Rpb24",
        nested: [{ url: "postgresql://postgres:pw@127.0.0.1/attrib" }],
        count: 3,
      },
      ["xoxb-123"],
    );

    expect(masked).toEqual({
      message: `401 for token ${MASK} at redis://:${MASK}@127.0.0.1:6379`,
      interactionToken: MASK,
      nested: [{ url: `postgresql://postgres:${MASK}@127.0.0.1/attrib` }],
      count: 3,
    });
  });
});

describe("createLogger", () => {
  it("writes one JSON object a line with time, level, service and event", () => {
    const lines: string[] = [];
    const log = createLogger({
      service: "bot",
      secrets: ["s3cret"],
      write: (l) => lines.push(l),
    });

    log("warn", "demo.event", { detail: "has s3cret inside" });

    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith("\n")).toBe(true);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({
      level: "warn",
      service: "bot",
      event: "demo.event",
      detail: `has ${MASK} inside`,
    });
  });
});
