// An ingest writes to exactly one place: the graph or another store. The type says so,
// and these checks run where the type checker runs (`npm run build`, part of `npm test`):
// a wrong answer there fails the build.
import { describe, expectTypeOf, it } from 'vitest';
import type { Database } from '../../../src/db/database.js';
import type { Extractor } from '../../../src/extract/types.js';
import type { GraphStore, IngestOptions } from '../../../src/ingest/pipeline.js';
import type { SourceRecord } from '../../../src/ingest/records.js';

type Defer = (record: SourceRecord) => void;

describe('ingest options', () => {
  it('take a database or a store, never both and never neither', () => {
    expectTypeOf<{ db: Database; extractor: Extractor }>().toExtend<IngestOptions>();
    expectTypeOf<{ store: GraphStore; extractor: Extractor }>().toExtend<IngestOptions>();
    expectTypeOf<{ db: Database; store: GraphStore; extractor: Extractor }>().not.toExtend<IngestOptions>();
    expectTypeOf<{ extractor: Extractor }>().not.toExtend<IngestOptions>();
  });

  it('defer merges only into a store (the graph merges at once)', () => {
    expectTypeOf<{ store: GraphStore; extractor: Extractor; deferMerge: Defer }>().toExtend<IngestOptions>();
    expectTypeOf<{ db: Database; extractor: Extractor; deferMerge: Defer }>().not.toExtend<IngestOptions>();
  });
});
