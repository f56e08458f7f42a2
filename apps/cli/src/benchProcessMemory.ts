import { readFileSync, writeFileSync } from "node:fs";

/** Peak and current resident memory of this process, in MiB (Linux). */
export function processMemory(): { peakMiB: number | null; rssMiB: number | null } {
  const status = readFileSync("/proc/self/status", "utf8");
  const field = (name: string) => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status);
    return match?.[1] ? Number(match[1]) / 1024 : null;
  };
  return { peakMiB: field("VmHWM"), rssMiB: field("VmRSS") };
}

/** Starts the peak over from the current resident memory (Linux `clear_refs`). */
export function resetPeakMemory(): void {
  writeFileSync("/proc/self/clear_refs", "5");
}
