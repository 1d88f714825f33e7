import { describe, expect, it } from 'vitest';
import { timedRun, type StatementTimes } from '../../../src/db/statement-times.js';

describe('per-statement write times', () => {
  it('sums calls and seconds per statement, passing results and errors through', async () => {
    const times: StatementTimes = {};
    const run = timedRun(async (name) => {
      await new Promise((r) => setTimeout(r, 20));
      if (name === 'bad') throw new Error('refused');
      return [{ name }];
    }, times);
    expect(await run('a')).toEqual([{ name: 'a' }]);
    await run('a');
    await expect(run('bad')).rejects.toThrow('refused');
    expect(times.a!.calls).toBe(2);
    expect(times.a!.seconds).toBeGreaterThanOrEqual(0.035);
    expect(times.bad).toMatchObject({ calls: 1 });
  });

  it('leaves the statement runner as it is when nobody asks for times', () => {
    const run = async () => [];
    expect(timedRun(run, undefined)).toBe(run);
  });
});
