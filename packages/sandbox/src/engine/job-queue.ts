/** A job due at a sandbox time: template copies, quality windows, webhook retries. */
export interface Job {
  dueAt: number;
  /** Stable order for jobs due at the same moment. */
  seq: number;
  label: string;
  run: () => void | Promise<void>;
}

/**
 * Jobs keyed to sandbox time. Nothing runs on a real timer: {@link JobQueue.runDue} is called on
 * every request, on every clock advance and by the bin's ticker, so in-process runs stay
 * deterministic.
 *
 * @example
 * const queue = new JobQueue();
 * queue.schedule(60_000, "copy templates", () => copy());
 * await queue.runDue(60_000); // runs it
 */
export class JobQueue {
  #jobs: Job[] = [];
  #seq = 0;

  schedule(dueAt: number, label: string, run: Job["run"]): void {
    this.#jobs.push({ dueAt, seq: this.#seq++, label, run });
    this.#jobs.sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq);
  }

  /**
   * Runs every job due at or before `now`, in order (jobs scheduled while running are included).
   * A failing job is reported to `onError` and does not stop the others.
   */
  async runDue(
    now: number,
    onError: (job: Job, error: unknown) => void = () => {},
  ): Promise<number> {
    let ran = 0;
    for (;;) {
      const first = this.#jobs[0];
      if (!first || first.dueAt > now) return ran;
      this.#jobs.shift();
      ran += 1;
      try {
        await first.run();
      } catch (error) {
        onError(first, error);
      }
    }
  }

  /** Pending jobs, for `GET /__sandbox/state`. */
  pending(): { dueAt: number; label: string }[] {
    return this.#jobs.map(({ dueAt, label }) => ({ dueAt, label }));
  }

  clear(): void {
    this.#jobs = [];
  }
}
