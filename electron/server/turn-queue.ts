/**
 * Computed answers one per turn of the event loop, first come first served.
 *
 * Why: libuv accepts about one new connection per turn, and a turn answers every request that is
 * ready. With 200 clients and answers that cost a few ms each, one turn lasts hundreds of ms, so
 * connections that arrive meanwhile wait seconds to be accepted while the first few dozen are
 * served again and again: the load test's p99 at 200 connections was 1.5–2.3 s with a median of
 * 85 ms, and most connections got no answer at all in 5 s. One job a turn lets the loop accept,
 * read and queue between jobs, so every client waits its turn in arrival order.
 */
export class TurnQueue {
  private readonly jobs: Array<() => void> = [];
  private scheduled = false;

  /** Runs `job` in its own turn, after those queued before it; its result or error comes back. */
  run<T>(job: () => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.jobs.push(() => {
        try {
          resolve(job());
        } catch (err) {
          reject(err as Error);
        }
      });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.next);
      }
    });
  }

  get waiting(): number {
    return this.jobs.length;
  }

  private readonly next = (): void => {
    this.jobs.shift()?.();
    if (this.jobs.length > 0) setImmediate(this.next);
    else this.scheduled = false;
  };
}
