// Co-occurrence counts kept at write time (ingest/cooccurrence-add): one
// CO_OCCURS relationship per pair of entities that share two papers or more, read per table
// from this index in count order (read/cooccurrence).
CREATE INDEX cooccurs_pair_papers IF NOT EXISTS FOR ()-[k:CO_OCCURS]-() ON (k.pair, k.papers);
// A pair's relationship by its key (ingest/cooccurrence-key), for the writes.
CREATE INDEX cooccurs_key IF NOT EXISTS FOR ()-[k:CO_OCCURS]-() ON (k.key);
// A graph written before the counts were kept gets them (once per database):
// per entity, its pairs with entities of a higher id that share two papers or
// more, counted from the links. SET, not an increment: a backfill interrupted
// and run again counts anew.
MATCH (a:Entity)
CALL (a) {
  MATCH (a)<-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(:Paper)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]->(b:Entity)
  WHERE a.id < b.id
  WITH a, b, count(*) AS n WHERE n >= 2
  // #include ingest/cooccurrence-key
  MERGE (a)-[k:CO_OCCURS]->(b)
  SET k.papers = n, k.pair = a.type + ' ' + b.type, k.key = key
} IN TRANSACTIONS OF 200 ROWS;
