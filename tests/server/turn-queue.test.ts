import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TurnQueue } from '../../electron/server/turn-queue';

describe('TurnQueue', () => {
  it('runs jobs in the order queued, each in its own turn of the event loop, results and errors back to each caller', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.integer(), fc.constant('throw' as const)), { minLength: 1, maxLength: 30 }), async (jobs) => {
        const queue = new TurnQueue();
        const log: string[] = [];
        const results = jobs.map((job, i) =>
          queue
            .run(() => {
              log.push(`job ${i}`);
              // Something the loop does between turns (an accept, a read): it must come before the next job.
              setImmediate(() => log.push(`turn after ${i}`));
              if (job === 'throw') throw new Error(`job ${i}`);
              return job;
            })
            .then(
              (v) => ({ ok: v }),
              (e: Error) => ({ error: e.message }),
            ),
        );
        expect(log).toEqual([]); // nothing runs in the caller's turn
        const settled = await Promise.all(results);
        expect(settled).toEqual(jobs.map((job, i) => (job === 'throw' ? { error: `job ${i}` } : { ok: job })));
        for (let i = 0; i + 1 < jobs.length; i++) expect(log.indexOf(`turn after ${i}`)).toBeLessThan(log.indexOf(`job ${i + 1}`));
        expect(queue.waiting).toBe(0);
      }),
      { numRuns: 50 },
    );
  });

  it('waits for an async job before its answer, without holding the next turn', async () => {
    const queue = new TurnQueue();
    let release!: () => void;
    const slow = queue.run(() => new Promise<string>((r) => (release = () => r('slow'))));
    const quick = await queue.run(() => 'quick');
    expect(quick).toBe('quick');
    release();
    expect(await slow).toBe('slow');
  });
});
