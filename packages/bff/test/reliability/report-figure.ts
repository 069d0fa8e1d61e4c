import { appendFileSync } from "node:fs";

/**
 * Appends one measured figure as a JSON line to the file named by `RELIABILITY_REPORT` (set by
 * `npm run soak`, which turns the lines into docs/reliability.md). Without it, does nothing.
 *
 * @example
 * reportFigure("faults", { migrations: 100, completed: 100, injected: 312 });
 */
export function reportFigure(name: string, figures: Record<string, unknown>): void {
  const file = process.env.RELIABILITY_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify({ name, ...figures })}\n`);
}
