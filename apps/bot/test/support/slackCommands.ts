import { randomBytes } from "node:crypto";

/** A slash command's form fields, as Slack posts them. */
export function slashCommandForm(
  text: string,
  options: { userId?: string; channelId?: string; responseUrl?: string } = {},
): Record<string, string> {
  const random = randomBytes(16).toString("hex");
  const trigger = `${Date.now()}.${randomBytes(4).readUInt32BE()}.${random}`;
  return {
    token: "deprecated-verification-token",
    team_id: "T0TEST",
    team_domain: "attrib-test",
    channel_id: options.channelId ?? "C0CHANNEL",
    channel_name: "interpretability",
    user_id: options.userId ?? `U${randomBytes(5).toString("hex").toUpperCase()}`,
    user_name: "grace",
    command: "/attrib",
    text,
    api_app_id: "A0APP",
    is_enterprise_install: "false",
    response_url: options.responseUrl ?? "http://127.0.0.1:9/response/unused",
    trigger_id: trigger,
  };
}
