import { describe, expect, it } from 'vitest';
import { dateArg } from '../../../src/graphql/paging.js';

describe('date arguments', () => {
  it('pass real calendar dates and absent ones, and refuse the rest naming the argument', () => {
    expect(dateArg('2024-02-29', 'from')).toBe('2024-02-29');
    expect(dateArg(null, 'from')).toBeNull();
    expect(dateArg(undefined, 'from')).toBeNull();
    expect(() => dateArg('2023-02-29', 'where.publishedFrom')).toThrow('where.publishedFrom must be a YYYY-MM-DD date');
    expect(() => dateArg('2024-2-1', 'to')).toThrow('to must be a YYYY-MM-DD date');
    expect(() => dateArg('', 'to')).toThrow(/YYYY-MM-DD/);
  });
});
