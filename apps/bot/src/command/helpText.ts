import type { CommandContext } from "./AttribCommand.ts";

/** How each platform's users type the command. */
const USAGE: Record<CommandContext["platform"], string> = {
  discord:
    "`/attrib text:<prompt> [model:<name>] [target:<token>] [k:<1-20>]`\n" +
    'Example: `/attrib text:Steve target:" Jobs" k:3`',
  slack:
    '`/attrib <prompt> [model:<name>] [target:"<token>"] [k:<1-20>]`\n' +
    'Example: `/attrib Steve target:" Jobs" k:3`',
};

/**
 * The short help: what the command does and how to call it.
 *
 * @param platform - whose syntax to show
 */
export function helpText(platform: CommandContext["platform"]): string {
  return (
    "/attrib shows which layers of a language model wrote its next-token " +
    "prediction: the embedding, each attention layer and each MLP, and how " +
    "much of it the final MLP wrote.\n" +
    `${USAGE[platform]}\n` +
    "Quote a target to keep its leading space. You get a chart and a " +
    "dashboard link when the analysis is ready."
  );
}
