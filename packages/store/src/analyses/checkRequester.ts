import { StoreError } from "../errors/StoreError.ts";
import { platforms, type Requester } from "../types.ts";
import { checkText } from "../validation/checkValue.ts";

/**
 * @throws {@link StoreError} INVALID_INPUT for an unknown platform or text
 * PostgreSQL cannot hold
 */
export function checkRequester(requester: Requester): void {
  if (!(platforms as readonly string[]).includes(requester.platform)) {
    throw new StoreError(
      "INVALID_INPUT",
      `requester.platform is ${JSON.stringify(requester.platform)}; it must be ` +
        `one of ${platforms.join(", ")}`,
    );
  }
  for (const field of ["serverId", "channelId", "userId", "displayName"] as const) {
    const value = requester[field];
    if (value !== undefined && value !== null) checkText(value, `requester.${field}`);
  }
}
