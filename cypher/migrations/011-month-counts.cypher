// Papers per entity and month kept at write time (ingest/month-counts-change):
// read/trending reads an entity type's counts of a range of months from this
// index instead of every link of the period.
CREATE INDEX month_count_type_month IF NOT EXISTS FOR ()-[c:MONTH_COUNT]-() ON (c.type, c.month);
// A graph written before the counts were kept (or loaded in bulk with links
// only) gets them, once per database: per entity, counted from its links. Its
// old counts go first, so a backfill interrupted and run again counts anew.
MATCH (e:Entity)
CALL (e) {
  CALL (e) {
    MATCH (e)-[old:MONTH_COUNT]->(e)
    DELETE old
  }
  MATCH (e)<-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|MENTIONS]-(:Paper)
  WHERE r.published IS NOT NULL
  // #include ingest/month-counts-of-links
  WITH e, month, papers, proposes, uses, evaluatesOn, comparesWith, mentions, 1 AS sign
  // #include ingest/month-counts-apply
} IN TRANSACTIONS OF 500 ROWS;
