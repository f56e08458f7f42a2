/** A moment as people read it anywhere: `2026-01-20 12:00 UTC`. */
export function formatMoment(moment: Date): string {
  return `${moment.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The day of a moment as a date input holds it: `2026-01-20` (UTC). */
export function formatDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}
