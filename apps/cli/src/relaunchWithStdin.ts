import { spawn } from "node:child_process";

/**
 * onnxruntime-node 1.30 crashes with SIGSEGV while creating a session when
 * the process's own command line is longer than about 16–30 KiB. A long
 * prompt given as an argument is therefore handed to a fresh process on
 * standard input instead. Above this many bytes of arguments, relaunch.
 */
export const SAFE_ARGUMENT_BYTES = 12 * 1024;

/** Bytes the arguments take on the command line. */
export function argumentBytes(argv: string[]): number {
  return argv.reduce((total, arg) => total + Buffer.byteLength(arg) + 1, 0);
}

/**
 * Runs this command again with the prompt on standard input (`-`) and
 * returns its exit code.
 *
 * @param argv - the original arguments
 * @param textArgIndexes - which of them are the prompt's words
 * @param text - the prompt
 */
export function relaunchWithStdin(
  argv: string[],
  textArgIndexes: number[],
  text: string,
): Promise<number> {
  const args = argv.filter((_, i) => !textArgIndexes.includes(i));
  const script = process.argv[1] ?? "";
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args, "-"], {
      stdio: ["pipe", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? 1));
    child.stdin.end(text);
  });
}

/** Reads all of standard input as UTF-8 text. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
