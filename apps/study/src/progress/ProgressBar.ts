import { formatDuration } from "./formatDuration.ts";

/** Where the bar is drawn: a terminal redraws one line, anything else gets a line now and then. */
export interface ProgressOutput {
  isTTY?: boolean;
  write(text: string): unknown;
}

const BAR_WIDTH = 24;
/** Redraws at most this often on a terminal. */
const TERMINAL_INTERVAL_MS = 100;
/** Prints a line at most this often when stderr is a file or pipe. */
const LOG_INTERVAL_MS = 10_000;

/**
 * A progress bar on stderr: count, percentage, rate of this session and the
 * time left at that rate. Prompts finished before a resume count toward the
 * total but not toward the rate.
 */
export class ProgressBar {
  private finishedNow = 0;
  private readonly started: number;
  private lastDrawn = -Infinity;

  /**
   * @param total - everything the run will have finished at the end
   * @param finishedBefore - finished by earlier sessions of the run
   */
  constructor(
    private readonly total: number,
    private readonly finishedBefore: number,
    private readonly output: ProgressOutput = process.stderr,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** Counts one more finished item; `label` says what is being worked on. */
  tick(label: string): void {
    this.finishedNow++;
    const interval = this.output.isTTY ? TERMINAL_INTERVAL_MS : LOG_INTERVAL_MS;
    if (this.now() - this.lastDrawn >= interval) this.draw(label);
  }

  /** Draws the final state and ends the line. */
  finish(label = "done"): void {
    this.draw(label);
    if (this.output.isTTY) this.output.write("\n");
  }

  /** The bar's text as it would be drawn now. */
  line(label: string): string {
    const done = this.finishedBefore + this.finishedNow;
    const fraction = this.total > 0 ? Math.min(1, done / this.total) : 1;
    const filled = Math.round(fraction * BAR_WIDTH);
    const elapsedMs = this.now() - this.started;
    const rate = elapsedMs > 0 ? (this.finishedNow * 1000) / elapsedMs : 0;
    const leftMs = rate > 0 ? ((this.total - done) / rate) * 1000 : NaN;
    return (
      `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ` +
      `${done}/${this.total} ${(fraction * 100).toFixed(0)}% ` +
      `${rate.toFixed(2)} prompts/s ETA ${formatDuration(leftMs)} ${label}`
    );
  }

  private draw(label: string): void {
    this.lastDrawn = this.now();
    const text = this.line(label);
    this.output.write(this.output.isTTY ? `\r\u001b[2K${text}` : `${text}\n`);
  }
}
