import type { Platform } from "@attrib/store";

/** How a platform is named in "asked on …". */
export const platformNames: Record<Platform, string> = {
  discord: "Discord",
  slack: "Slack",
  web: "the web",
  cli: "the command line",
};

/** The platform as a filter option shows it. */
export const platformLabels: Record<Platform, string> = {
  discord: "Discord",
  slack: "Slack",
  web: "Web",
  cli: "Command line",
};
