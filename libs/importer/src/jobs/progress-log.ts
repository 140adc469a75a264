/** How often a running job logs its progress, per process. */
const PROGRESS_INTERVAL_MS = 10_000;

/** Says when a job's progress is due for a log line: at most once every 10 s per job. */
export class ProgressLog {
  private readonly last = new Map<string, number>();

  due(jobId: string, now = Date.now()): boolean {
    const last = this.last.get(jobId);
    if (last === undefined) {
      this.last.set(jobId, now); // the start line stands for the first interval
      return false;
    }
    if (now - last < PROGRESS_INTERVAL_MS) return false;
    this.last.set(jobId, now);
    return true;
  }

  forget(jobId: string): void {
    this.last.delete(jobId);
  }
}
