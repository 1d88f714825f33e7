// Where a write transaction's time goes, statement by statement: the ingest
// sums it over a run so its summary (and the ingest bench) can say which
// Cypher statement the writing time is spent in.
import type { Row } from './database.js';

/** Seconds and calls per statement name, summed over every batch of a run. */
export type StatementTimes = Record<string, { calls: number; seconds: number }>;

type Run = (name: string, params?: Row) => Promise<Row[]>;

/** `run`, timing each statement into `times` (measured on this side: Neo4j's work plus the round trip). */
export function timedRun(run: Run, times: StatementTimes | undefined): Run {
  if (!times) return run;
  return async (name, params) => {
    const t0 = performance.now();
    try {
      return await run(name, params);
    } finally {
      const entry = (times[name] ??= { calls: 0, seconds: 0 });
      entry.calls++;
      entry.seconds += (performance.now() - t0) / 1000;
    }
  };
}
