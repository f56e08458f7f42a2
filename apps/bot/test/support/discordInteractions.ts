import { randomInt } from "node:crypto";

import { TEST_APPLICATION_ID } from "./startTestBot.ts";

/** A Discord snowflake that no other test uses. */
export function snowflake(): string {
  return String(
    BigInt(Date.now() - 1_420_070_400_000) * 4_194_304n + BigInt(randomInt(4_194_304)),
  );
}

export interface CommandOptions {
  text?: string;
  model?: string;
  target?: string;
  k?: number;
  userId?: string;
}

/** An APPLICATION_COMMAND interaction for /attrib, shaped as Discord sends it. */
export function attribInteraction(options: CommandOptions = {}) {
  const values: [string, number, string | number | undefined][] = [
    ["text", 3, options.text],
    ["model", 3, options.model],
    ["target", 3, options.target],
    ["k", 4, options.k],
  ];
  const id = snowflake();
  const token = `aW50ZXJhY3Rpb246${id}.dGVzdC10b2tlbg`;
  return {
    id,
    token,
    type: 2,
    version: 1,
    application_id: TEST_APPLICATION_ID,
    guild_id: "2000000000000000001",
    channel_id: "3000000000000000001",
    channel: { id: "3000000000000000001", type: 0 },
    member: {
      nick: null,
      user: {
        id: options.userId ?? snowflake(),
        username: "ada",
        global_name: "Ada",
      },
    },
    data: {
      id: "4000000000000000001",
      name: "attrib",
      type: 1,
      options: values
        .filter(([, , value]) => value !== undefined)
        .map(([name, type, value]) => ({ name, type, value })),
    },
  };
}

/** Discord's PING, sent when the endpoint URL is saved and now and then. */
export function pingInteraction() {
  return { id: snowflake(), type: 1, version: 1, application_id: TEST_APPLICATION_ID };
}
