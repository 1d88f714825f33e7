import { describe, expect, it } from 'vitest';
import { Admission } from '../../../src/db/admission.js';

const refuse = (why: string) => new Error(`refused: ${why}`);
const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { opened, open };
};

describe('the bounded queue in front of the connection pool', () => {
  it('runs up to `slots` at once, queues up to `maxWaiting`, and refuses the rest at once', async () => {
    const a = new Admission({ slots: 2, maxWaiting: 1, maxWaitMs: 5_000 }, refuse);
    const g = gate();
    const started: number[] = [];
    const work = (i: number) => a.run(async () => {
      started.push(i);
      await g.opened;
      return i;
    });
    const first = [work(1), work(2), work(3)];
    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    expect(a.waiting).toBe(1);
    // At once: refused before the event loop's next turn, so before any timer (maxWaitMs) could fire.
    const nextTurn = new Promise((resolve) => setImmediate(resolve, 'still waiting'));
    await expect(Promise.race([work(4), nextTurn])).rejects.toThrow('refused: queue full');
    g.open();
    expect(await Promise.all(first)).toEqual([1, 2, 3]);
    expect(started).toEqual([1, 2, 3]);
    expect(a.waiting).toBe(0);
  });

  it('refuses work that waited longer than maxWaitMs, and the slot count stays right', async () => {
    const a = new Admission({ slots: 1, maxWaiting: 10, maxWaitMs: 30 }, refuse);
    const g = gate();
    const holder = a.run(() => g.opened);
    await expect(a.run(async () => 'late')).rejects.toThrow('refused: wait timed out');
    expect(a.waiting).toBe(0);
    g.open();
    await holder;
    // The slot came back: new work runs at once.
    expect(await a.run(async () => 'next')).toBe('next');
  });

  it('frees the slot when the work fails', async () => {
    const a = new Admission({ slots: 1, maxWaiting: 0, maxWaitMs: 10 }, refuse);
    await expect(a.run(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await a.run(async () => 'ok')).toBe('ok');
  });
});
