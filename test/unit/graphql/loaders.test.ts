import { describe, expect, it } from 'vitest';
import { argsKey, groupedLoader } from '../../../src/graphql/loaders.js';

type Args = { type: string | null; role: string | null; limit: number };

/** A grouped loader whose fetch records each call (ids and args) and answers `id/type`. */
function recorded() {
  const calls: { ids: string[]; args: Args }[] = [];
  const loader = groupedLoader(async (ids: string[], args: Args) => {
    calls.push({ ids, args });
    return new Map(ids.map((id) => [id, `${id}/${args.type}`]));
  }, 'none');
  return { loader, calls };
}

describe('grouped loader keys', () => {
  it('are equal for equal args whatever the order of their fields, at any depth', () => {
    expect(argsKey({ type: 'method', role: null, limit: 5 })).toBe(argsKey({ limit: 5, role: null, type: 'method' }));
    expect(argsKey({ keyset: ['a', 'p1'], backward: false })).toBe(argsKey({ backward: false, keyset: ['a', 'p1'] }));
    expect(argsKey({ a: { x: 1, y: 2 } })).toBe(argsKey({ a: { y: 2, x: 1 } }));
    // Array order is meaning (a keyset's [sortKey, id]), not spelling: it stays.
    expect(argsKey({ keyset: ['a', 'p1'] })).not.toBe(argsKey({ keyset: ['p1', 'a'] }));
    expect(argsKey({ type: 'method', role: null })).not.toBe(argsKey({ type: 'dataset', role: null }));
  });

  it('put two requests whose args differ only in field order in one batch call', async () => {
    const { loader, calls } = recorded();
    const [a, b] = await Promise.all([
      loader.load({ id: 'p1', args: { type: 'method', role: null, limit: 5 } }),
      loader.load({ id: 'p2', args: { limit: 5, role: null, type: 'method' } }),
    ]);
    expect([a, b]).toEqual(['p1/method', 'p2/method']);
    expect(calls).toEqual([{ ids: ['p1', 'p2'], args: { type: 'method', role: null, limit: 5 } }]);
  });

  it('answer a repeated request with other field order from the cache, and distinct args with their own call', async () => {
    const { loader, calls } = recorded();
    await loader.load({ id: 'p1', args: { type: 'method', role: null, limit: 5 } });
    expect(await loader.load({ id: 'p1', args: { role: null, limit: 5, type: 'method' } })).toBe('p1/method');
    expect(calls).toHaveLength(1);
    expect(await loader.load({ id: 'p1', args: { type: 'dataset', role: null, limit: 5 } })).toBe('p1/dataset');
    expect(calls).toHaveLength(2);
  });
});
