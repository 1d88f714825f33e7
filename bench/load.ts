// Closed-loop load: `clients` loops, each sending one request after another
// (pausing as a 503's Retry-After asks), recording when each started, how long
// it took and how it was answered.
// Used by the fault-injection suite (test/) and bench/fault-bench.ts.

export interface LoadResult {
  /** index of the query in the list the load cycles through */
  query: number;
  /** ms since the load started */
  start: number;
  ms: number;
  status: number;
  /** first error's code, 'none' when the answer had no errors, 'network' when there was no answer */
  code: string;
  retryAfter: string | null;
}

export const NORMAL_QUERIES = [
  '{ papers(first: 5) { totalCount edges { node { title published } } } }',
  '{ entities(type: METHOD, first: 5) { edges { node { name paperCount } } } }',
  '{ search(query: "transformer", first: 5) { score paper { title } entity { name } } }',
  '{ stats { papers entities } }',
];

export function startLoad(url: string, clients: number, queries: string[] = NORMAL_QUERIES) {
  const t0 = performance.now();
  const results: LoadResult[] = [];
  let running = true;
  const loop = async (client: number) => {
    for (let i = client; running; i++) {
      const start = performance.now() - t0;
      let status = 0;
      let code = 'network';
      let retryAfter: string | null = null;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: queries[i % queries.length] }),
        });
        status = res.status;
        retryAfter = res.headers.get('retry-after');
        const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
        code = body.errors?.[0]?.extensions?.code ?? 'none';
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
      results.push({ query: i % queries.length, start, ms: performance.now() - t0 - start, status, code, retryAfter });
      // Clients do as told: after a 503, wait the Retry-After seconds (at most 5) before the next request.
      if (status === 503 && retryAfter) await new Promise((r) => setTimeout(r, Math.min(5, Number(retryAfter) || 1) * 1000));
    }
  };
  const loops = Array.from({ length: clients }, (_, c) => loop(c));
  return {
    results,
    /** ms since the load started */
    now: () => performance.now() - t0,
    async stop(): Promise<LoadResult[]> {
      running = false;
      await Promise.all(loops);
      return results;
    },
  };
}

/** The p-th percentile (0-100) of the durations. */
export function percentile(ms: number[], p: number): number {
  if (ms.length === 0) return NaN;
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
